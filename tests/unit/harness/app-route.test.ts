import { describe, expect, it } from 'vitest';
import { HARNESS_ORIGIN, toAppUrl } from '../../e2e/harness/app-route';

// The browser harness hands the page's requests to the app's app:// handler; only the origin may
// change on the way, or the handler would judge a different path than the page asked for.
describe('toAppUrl', () => {
  it('swaps the origin and keeps the path and query exactly as written', () => {
    expect(toAppUrl(`${HARNESS_ORIGIN}/index.html`)).toBe('app://newsdesk/index.html');
    expect(toAppUrl(`${HARNESS_ORIGIN}/..%2f..%2fpackage.json`)).toBe('app://newsdesk/..%2f..%2fpackage.json');
    expect(toAppUrl(`${HARNESS_ORIGIN}//etc/passwd`)).toBe('app://newsdesk//etc/passwd');
    expect(toAppUrl(`${HARNESS_ORIGIN}/index.html?article=a1`)).toBe('app://newsdesk/index.html?article=a1');
    expect(toAppUrl(HARNESS_ORIGIN)).toBe('app://newsdesk/');
  });

  it('drops a fragment, which never reaches a protocol handler', () => {
    expect(toAppUrl(`${HARNESS_ORIGIN}/index.html#top`)).toBe('app://newsdesk/index.html');
  });

  it('refuses a URL of another origin, including one that merely starts with the same text', () => {
    expect(() => toAppUrl('http://elsewhere.localhost/index.html')).toThrow(/is not on/);
    expect(() => toAppUrl(`${HARNESS_ORIGIN}.evil.test/index.html`)).toThrow(/is not on/);
    expect(toAppUrl('http://elsewhere.localhost/a.js', 'http://elsewhere.localhost')).toBe('app://newsdesk/a.js');
  });
});
