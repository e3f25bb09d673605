import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../electron/main/protocol/app-origin';
import { createAppRequestHandler } from '../../electron/main/protocol/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security/csp';
import { cspWeakenings } from './support/csp-policy';
import { launchApp, openEveryWindowKind, type LaunchedApp } from './support/launch-app';

vi.mock('electron-store', () => import('./support/memory-store'));

/**
 * The configuration of every window the app makes, read from what it actually passes to
 * BrowserWindow (the fake records each construction), and the Content-Security-Policy the app://
 * protocol actually sends. Any weakening fails here, whichever file it comes from.
 */

/** Electron 45's values for preferences a window leaves out, so "effective" means what Chromium gets. */
const ELECTRON_DEFAULTS: Readonly<Record<string, unknown>> = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  javascript: true,
  spellcheck: true,
};

const REQUIRED: Readonly<Record<string, unknown>> = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
};

/**
 * Preferences reviewed as harmless. Anything else (additionalArguments, enableBlinkFeatures,
 * plugins, a custom partition or session…) fails until someone has looked at it and added it here.
 */
const REVIEWED_KEYS = new Set([
  ...Object.keys(REQUIRED),
  'preload',
  'safeDialogs',
  'spellcheck',
  'javascript',
  'devTools',
  'zoomFactor',
  'backgroundThrottling',
  'disableBlinkFeatures',
  'defaultFontSize',
  'defaultFontFamily',
  'minimumFontSize',
  'defaultEncoding',
  'disableDialogs',
  'textAreasAreResizable',
  'imageAnimationPolicy',
  'autoplayPolicy',
  'scrollBounce',
  'accessibleTitle',
  'v8CacheOptions',
]);

let launched: LaunchedApp;

beforeAll(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {}); // the shell's log lines
  launched = await launchApp();
  await openEveryWindowKind(launched);
});
afterAll(async () => {
  await launched?.quit();
  vi.restoreAllMocks();
});

describe('every window the app creates', () => {
  it('is at least one window, all made after sandboxing was enabled for every renderer', () => {
    expect(launched.windows.length).toBeGreaterThan(0);
    expect(launched.fake.app.sandboxEnabled).toBe(true);
    console.info(`[security] windows checked: ${launched.windows.length} (${launched.windows.map((w) => w.webContents.loadedUrls[0] ?? '(nothing loaded)').join(', ')})`);
  });

  it('runs sandboxed and context-isolated, without Node, webview or lowered web security', () => {
    for (const [index, win] of launched.windows.entries()) {
      const explicit = (win.options.webPreferences ?? {}) as Record<string, unknown>;
      const effective = { ...ELECTRON_DEFAULTS, ...explicit };
      const label = `window ${index + 1}`;
      for (const [key, value] of Object.entries(REQUIRED)) expect(effective[key], `${label}: ${key}`).toBe(value);
      expect(effective.enableBlinkFeatures, `${label}: enableBlinkFeatures`).toBeUndefined();
      expect(effective.additionalArguments, `${label}: additionalArguments`).toBeUndefined();
      expect([true, false], `${label}: spellcheck`).toContain(effective.spellcheck);
      const unreviewed = Object.keys(explicit).filter((key) => !REVIEWED_KEYS.has(key));
      expect(unreviewed, `${label}: preferences nobody reviewed for security`).toEqual([]);
    }
  });

  it("loads the app's own preload and nothing else", () => {
    for (const win of launched.windows) {
      const preload = (win.options.webPreferences as Record<string, unknown> | undefined)?.preload;
      expect(preload).toBe(launched.expectedPreload);
      expect(resolve(String(preload))).toBe(preload); // absolute, never relative to the working folder
    }
  });

  it('shows only pages of the app origin', () => {
    for (const win of launched.windows) {
      expect(win.webContents.loadedUrls.length).toBeGreaterThan(0);
      for (const url of win.webContents.loadedUrls) expect(url.startsWith(`${APP_ORIGIN}/`), url).toBe(true);
    }
    expect(launched.mainWindow().webContents.loadedUrls[0]).toBe(APP_ENTRY_URL);
  });

  it('is hardened: no navigation away, no new windows, no webview, no permission', async () => {
    // How each of these behaves is tested in tests/unit/shell/security.test.ts; this proves every window kind gets them.
    for (const win of launched.windows) {
      const contents = win.webContents;
      expect(contents.simulateNavigation('https://evil.example/')).toBe(false);
      expect(contents.simulateNavigation('file:///etc/passwd', 'will-redirect')).toBe(false);
      expect(contents.simulateWindowOpen('file:///etc/passwd')).toEqual({ action: 'deny' });
      expect(contents.simulateWindowOpen(`${APP_ORIGIN}/index.html`)).toEqual({ action: 'deny' });
      expect(contents.simulateAttachWebview()).toBe(false);
      expect(await contents.session.requestPermission('media', contents)).toBe(false);
      expect(contents.session.checkPermission('clipboard-read')).toBe(false);
      expect(contents.session.devicePermissionHandler?.({ deviceType: 'hid' })).toBe(false);
    }
    expect(launched.fake.shell.opened).toEqual([]);
  });
});

function metaPolicies(html: string): string[] {
  const policies: string[] = [];
  const visit = (node: { type?: string; name?: string; attribs?: Record<string, string>; children?: unknown[] }): void => {
    if (node.type === 'tag' && node.name === 'meta' && node.attribs?.['http-equiv']?.toLowerCase() === 'content-security-policy') {
      policies.push(node.attribs.content ?? '');
    }
    for (const child of node.children ?? []) visit(child as typeof node);
  };
  visit(parseDocument(html) as unknown as Parameters<typeof visit>[0]);
  return policies;
}

function inlineScripts(html: string): number {
  let count = 0;
  const visit = (node: { type?: string; name?: string; attribs?: Record<string, string>; children?: unknown[] }): void => {
    if (node.type === 'script' && !node.attribs?.src) count += 1;
    for (const child of node.children ?? []) visit(child as typeof node);
  };
  visit(parseDocument(html) as unknown as Parameters<typeof visit>[0]);
  return count;
}

describe('Content-Security-Policy as served', () => {
  const BUILT = resolve('out/renderer');
  let servedFrom: string;
  let temp: string | null = null;

  beforeAll(async () => {
    if (existsSync(join(BUILT, 'index.html'))) {
      servedFrom = BUILT;
    } else {
      // CI builds before the tests, so a missing build there means the shipped page went unchecked.
      if (process.env.CI === 'true') throw new Error('out/renderer/index.html is missing: run `electron-vite build` before the tests');
      // Outside a build the source page stands in: the header does not depend on the file served.
      console.info('[security] out/renderer is not built; serving renderer/index.html from a temp folder instead (the built page is checked in CI)');
      temp = await mkdtemp(join(tmpdir(), 'newsdesk-csp-'));
      await writeFile(join(temp, 'index.html'), await readFile('renderer/index.html'));
      servedFrom = temp;
    }
  });
  afterAll(async () => {
    if (temp) await rm(temp, { recursive: true, force: true });
  });

  it('the app:// handler sends a policy no weaker than the baseline with index.html', async () => {
    const response = await createAppRequestHandler(servedFrom)(new Request(APP_ENTRY_URL));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const policy = response.headers.get('content-security-policy');
    expect(policy).toBe(CONTENT_SECURITY_POLICY);
    expect(cspWeakenings(policy ?? '')).toEqual([]);
    console.info(`[security] served CSP: ${policy}`);
  });

  it('the handler the running app registered sends the same policy, on pages and on errors', async () => {
    for (const url of [APP_ENTRY_URL, `${APP_ORIGIN}/media/${'ab'.repeat(32)}/thumbnail`, `${APP_ORIGIN}/..%2f..%2fetc%2fpasswd`]) {
      const response = await launched.fake.protocol.fetch(url);
      const policy = response.headers.get('content-security-policy');
      expect(policy, url).not.toBeNull();
      expect(cspWeakenings(policy ?? ''), url).toEqual([]);
    }
  });

  it('index.html carries no weaker policy of its own and no inline script', async () => {
    for (const file of ['renderer/index.html', join(servedFrom, 'index.html')]) {
      const html = await readFile(file, 'utf8');
      for (const policy of metaPolicies(html)) expect(cspWeakenings(policy), `${file} meta CSP`).toEqual([]);
      expect(inlineScripts(html), file).toBe(0);
    }
  });

  it('the baseline check itself catches weakened policies', () => {
    const weakened: [string, RegExp][] = [
      ["default-src *; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'", /default-src/],
      [CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"), /unsafe-eval/],
      [CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"), /unsafe-inline/],
      [CONTENT_SECURITY_POLICY.replace("connect-src 'self'", 'connect-src https:'), /remote or wildcard/],
      [CONTENT_SECURITY_POLICY.replace("img-src 'self'", 'img-src https://cdn.example.com'), /remote or wildcard/],
      [CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' data:"), /script-src allows data:/],
      [CONTENT_SECURITY_POLICY.replace("object-src 'none'", "object-src 'self'"), /object-src/],
      [CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors 'self'"), /frame-ancestors/],
      [CONTENT_SECURITY_POLICY.replace(/; base-uri [^;]+/, ''), /base-uri is missing/],
      [CONTENT_SECURITY_POLICY.replace(/; form-action [^;]+/, ''), /form-action is missing/],
    ];
    for (const [policy, problem] of weakened) expect(cspWeakenings(policy).join('\n'), policy).toMatch(problem);
  });
});
