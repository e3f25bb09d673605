import type { App, Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  CSP_DIRECTIVES,
  CSP_HEADER_NAME,
  devContentSecurityPolicy,
} from '../../../electron/main/security/csp';
import {
  applyDevContentSecurityPolicy,
  denyAllPermissions,
  hardenWebContents,
  installWebContentsHardening,
  isExternalLinkAllowed,
} from '../../../electron/main/security/harden';
import { BrowserWindow, FakeSession, FakeWebContents, app, resetFakeElectron } from '../../fakes/electron';

const APP = 'app://newsdesk';

function hardened(allowedOrigins: string[] = [APP]) {
  const contents = new FakeWebContents();
  contents.mainFrame.url = `${APP}/index.html`;
  const openExternal = vi.fn(async (_url: string) => {});
  const log = vi.fn();
  hardenWebContents(contents as unknown as WebContents, { allowedOrigins, openExternal, log });
  return { contents, openExternal, log };
}

beforeEach(() => resetFakeElectron());

describe('Content-Security-Policy', () => {
  it('is strict: nothing by default, scripts and styles only from the app itself', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((part) => {
        const [name, ...sources] = part.trim().split(/\s+/);
        return [name, sources] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    for (const name of ['base-uri', 'form-action', 'frame-ancestors', 'object-src']) {
      expect(directives.get(name)).toEqual(["'none'"]);
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
    expect(CSP_HEADER_NAME).toBe('Content-Security-Policy');
  });

  it('is relaxed in dev only for what Vite needs, and only towards the dev server', () => {
    const dev = devContentSecurityPolicy('http://localhost:5173');
    expect(dev).toContain("script-src 'self' 'unsafe-inline'");
    expect(dev).toContain("connect-src 'self' ws://localhost:5173");
    expect(dev).toContain("object-src 'none'");
    expect(dev).not.toContain('unsafe-eval');
    expect(CSP_DIRECTIVES['script-src']).toEqual(["'self'"]); // production policy untouched
  });
});

describe('navigation', () => {
  it('stays within the app origin', () => {
    const { contents } = hardened();
    expect(contents.simulateNavigation(`${APP}/index.html#/drafts`)).toBe(true);
    expect(contents.simulateNavigation('https://evil.example/')).toBe(false);
    expect(contents.simulateNavigation('file:///etc/passwd')).toBe(false);
    expect(contents.simulateNavigation('app://other/index.html')).toBe(false);
    expect(contents.simulateNavigation('app://newsdesk.evil/index.html')).toBe(false);
    expect(contents.simulateNavigation('javascript:alert(1)')).toBe(false);
    expect(contents.getURL()).toBe(`${APP}/index.html#/drafts`);
  });

  it('refuses redirects and subframe navigations away from the app too', () => {
    const { contents, log } = hardened();
    expect(contents.simulateNavigation('https://evil.example/', 'will-redirect')).toBe(false);
    expect(contents.simulateNavigation('https://evil.example/', 'will-frame-navigate')).toBe(false);
    expect(contents.simulateNavigation(`${APP}/other.html`, 'will-redirect')).toBe(true);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('evil.example'));
  });

  it('allows the dev server origin only when it is passed as allowed', () => {
    expect(hardened([APP]).contents.simulateNavigation('http://localhost:5173/')).toBe(false);
    expect(hardened([APP, 'http://localhost:5173']).contents.simulateNavigation('http://localhost:5173/')).toBe(true);
  });
});

describe('new windows', () => {
  it('are always denied; https links open in the browser instead', () => {
    const { contents, openExternal } = hardened();
    expect(contents.simulateWindowOpen('https://example.com/story')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://example.com/story');
  });

  it('never hand non-https URLs to the OS', () => {
    const { contents, openExternal } = hardened();
    for (const url of ['http://example.com/', 'file:///C:/Windows/system32/calc.exe', 'smb://host/share', 'javascript:alert(1)', `${APP}/index.html`, 'https://user:pw@example.com/']) {
      expect(contents.simulateWindowOpen(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal).not.toHaveBeenCalled();
    expect(isExternalLinkAllowed('not a url')).toBe(false);
  });

  it('refuses <webview>', () => {
    expect(hardened().contents.simulateAttachWebview()).toBe(false);
  });
});

describe('permissions', () => {
  it('denies every request and every check', async () => {
    const session = new FakeSession();
    expect(await session.requestPermission('media')).toBe(true); // the fake grants like Electron does without a handler
    denyAllPermissions(session as unknown as Session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      expect(await session.requestPermission(permission)).toBe(false);
      expect(session.checkPermission(permission)).toBe(false);
    }
    expect(session.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
  });
});

describe('web-contents-created', () => {
  it('hardens every web contents the app creates, and its session', async () => {
    const openExternal = vi.fn(async (_url: string) => {});
    installWebContentsHardening(app as unknown as App, { allowedOrigins: [APP], openExternal });
    const win = new BrowserWindow({ show: false });
    expect(win.webContents.simulateNavigation('https://evil.example/')).toBe(false);
    expect(win.webContents.simulateWindowOpen('http://example.com/')).toEqual({ action: 'deny' });
    expect(win.webContents.simulateAttachWebview()).toBe(false);
    expect(await win.webContents.session.requestPermission('geolocation')).toBe(false);
  });
});

describe('dev CSP header', () => {
  it('replaces whatever CSP the dev server sent with the dev policy', () => {
    const session = new FakeSession();
    applyDevContentSecurityPolicy(session as unknown as Session, 'http://localhost:5173');
    const [entry] = session.headersReceived;
    expect(entry?.filter).toEqual({ urls: ['http://localhost:5173/*'] });
    const callback = vi.fn();
    entry?.listener({ responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [devContentSecurityPolicy('http://localhost:5173')] },
    });
  });
});
