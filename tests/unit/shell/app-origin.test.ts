import { describe, expect, it } from 'vitest';
import { isSameOrigin } from '../../../electron/main/protocol/app-origin';
import { exportFileName } from '../../../electron/main/services/media/media-handlers';

describe('the app origin check', () => {
  const trusted = ['app://newsdesk'];
  it('trusts the app page and nothing that only looks like it', () => {
    expect(isSameOrigin('app://newsdesk/index.html', trusted)).toBe(true);
    expect(isSameOrigin('app://newsdesk.evil/index.html', trusted)).toBe(false);
    expect(isSameOrigin('app://evil/newsdesk', trusted)).toBe(false);
    expect(isSameOrigin('https://newsdesk/index.html', trusted)).toBe(false);
    // What URL parsing would quietly clean up is not a URL Chromium reports: refused.
    expect(isSameOrigin(' app://newsdesk/index.html', trusted)).toBe(false);
    expect(isSameOrigin('app://newsdesk/index.html\u0000', trusted)).toBe(false);
    expect(isSameOrigin('app://news\tdesk/index.html', trusted)).toBe(false);
  });
});

describe('the name the save dialog suggests for a photo copy', () => {
  it('never suggests a hidden file or a path', () => {
    expect(exportFileName({ fileName: '../../.ssh/authorized_keys', format: 'jpeg' })).toBe('_.._.ssh_authorized_keys.jpg');
    expect(exportFileName({ fileName: '.hidden.jpg', format: 'jpeg' })).toBe('hidden.jpg');
    expect(exportFileName({ fileName: '...', format: 'png' })).toBe('photo.png');
  });
});
