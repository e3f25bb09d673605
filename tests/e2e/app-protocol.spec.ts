import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { APP_ORIGIN } from '../../electron/main/protocol/app-origin';
import { appProtocolHandler } from '../../electron/main/protocol/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security/csp';
import { RENDERER_DIR } from './harness/app-route';
import { expect, test } from './harness/fixtures';

// The browser tests' page is served by the app's own app:// handler (behind page.route), so what
// the page may load, and under which policy, is what the app allows — not a copy of it.

interface Answer {
  status: number;
  type: string | null;
  csp: string | null;
  body: string;
}

/**
 * Paths that aim outside out/renderer at files that do exist there (the project's package.json,
 * main's bundle), literal and encoded. Chromium collapses literal dot segments (and "%2e%2e") before
 * any handler sees them; the encoded separators and the rest reach the handler, which must refuse them.
 */
const ESCAPES = [
  '/../../package.json',
  '/%2e%2e/%2e%2e/package.json',
  '/..%2f..%2fpackage.json',
  '/%2e%2e%2f%2e%2e%2fpackage.json',
  '/assets/..%2f..%2f..%2fpackage.json',
  '/..%5c..%5cpackage.json',
  '/..%2fmain%2findex.js',
  '/%2fetc%2fpasswd',
  '//etc/passwd',
  '/C:/Windows/win.ini',
  '/index.html%00.js',
  '/%E0%A4%A',
];

test('a path escaping the renderer folder is refused by the harness exactly as the app refuses it', async ({ app }) => {
  const secrets = [await readFile(resolve('package.json'), 'utf8'), await readFile(resolve('out/main/index.js'), 'utf8').catch(() => '')];
  const handler = appProtocolHandler(RENDERER_DIR);
  for (const path of ESCAPES) {
    // The page asks, as a script in it could; Chromium canonicalises the URL as it would for app://.
    const { seen, answer } = await app.page.evaluate(async (raw) => {
      const url = new URL(location.origin + raw);
      const response = await fetch(url);
      const answer = {
        status: response.status,
        type: response.headers.get('content-type'),
        csp: response.headers.get('content-security-policy'),
        body: await response.text(),
      };
      return { seen: url.pathname + url.search, answer };
    }, path);
    // What the app's protocol.handle callback answers for the same URL under app://newsdesk.
    const inApp = await handler(new Request(APP_ORIGIN + seen));
    const expected: Answer = {
      status: inApp.status,
      type: inApp.headers.get('content-type'),
      csp: inApp.headers.get('content-security-policy'),
      body: await inApp.text(),
    };
    expect(answer, path).toEqual(expected);
    expect([403, 404], path).toContain(answer.status);
    for (const secret of secrets) if (secret) expect(answer.body, path).not.toContain(secret.slice(0, 200));
  }
  // Encoded separators are refused outright, not merely "not found".
  const navigated = await app.page.goto(`${new URL(app.url).origin}/..%2f..%2fpackage.json`);
  expect(navigated?.status()).toBe(403);
  expect(await navigated?.text()).toBe('Forbidden.');
});

test('the page, its scripts and styles carry the CSP from electron/main/security/csp.ts, in a secure context', async ({ app }) => {
  const responses: { url: string; csp: string | undefined }[] = [];
  app.page.on('response', (response) => responses.push({ url: response.url(), csp: response.headers()['content-security-policy'] }));
  const document = await app.page.reload();
  expect(document?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(document?.headers()['content-type']).toBe('text/html; charset=utf-8');
  const assets = responses.filter((response) => /\/assets\/.+\.(js|css)$/.test(response.url));
  expect(assets.length).toBeGreaterThan(0);
  for (const asset of assets) expect(asset, asset.url).toEqual({ url: asset.url, csp: CONTENT_SECURITY_POLICY });
  // app:// is registered as a secure scheme; the harness origin must be one too (crypto.subtle, clipboard).
  expect(await app.page.evaluate(() => window.isSecureContext)).toBe(true);
});

test('only GET and HEAD are answered, as by the app', async ({ app }) => {
  const statuses = await app.page.evaluate(async () => {
    const post = await fetch('/index.html', { method: 'POST', body: 'x' });
    const head = await fetch('/index.html', { method: 'HEAD' });
    return { post: post.status, allow: post.headers.get('allow'), head: head.status };
  });
  expect(statuses).toEqual({ post: 405, allow: 'GET, HEAD', head: 200 });
});
