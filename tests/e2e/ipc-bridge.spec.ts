import { appProtocolHandler } from '../../electron/main/protocol/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security/csp';
import { CHANNELS } from '../../shared/ipc/contract';
import { RENDERER_DIR, serveAppProtocol } from './harness/app-route';
import { expect, test } from './harness/fixtures';

// The page's view of the main process: exactly the contract, only from the app's own main frame,
// only well-formed payloads, and a CSP that blocks injected scripts.

test('window.newsdesk is exactly the contract and the page has no Node', async ({ app }) => {
  const surface = await app.page.evaluate(() => ({
    keys: Object.keys(window.newsdesk).sort(),
    frozen: Object.isFrozen(window.newsdesk),
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
  }));
  expect(surface).toEqual({ keys: [...CHANNELS, 'on'].sort(), frozen: true, require: 'undefined', process: 'undefined' });
});

test('malformed payloads are refused with a validation error, not a crash', async ({ app }) => {
  const results = await app.page.evaluate(async () => {
    const bridge = window.newsdesk as unknown as Record<string, (request: unknown) => Promise<unknown>>;
    return Promise.all([
      bridge['drafts:get']!({ id: '../../../etc/passwd' }),
      bridge['drafts:get']!(42),
      bridge['drafts:save']!({ article: { headline: 'no id' }, reason: 'auto' }),
      bridge['drafts:list']!({ limit: 1e9 }),
    ]);
  });
  for (const result of results) expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  // The app still answers normally afterwards.
  expect(await app.page.evaluate(() => window.newsdesk['drafts:list']({}))).toMatchObject({ ok: true });
});

test('a call from a subframe is refused as forbidden', async ({ app }) => {
  const origin = new URL(app.url).origin;
  // A page of the same origin without the app's CSP, hosting a frame that tries the bridge.
  await app.page.route(`${origin}/frame-host.html`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<iframe srcdoc="<p>child</p>"></iframe>' }),
  );
  await app.page.goto(`${origin}/frame-host.html`);
  const child = app.page.frames().find((frame) => frame !== app.page.mainFrame());
  expect(child).toBeDefined();
  await expect.poll(() => child!.evaluate(() => typeof window.newsdesk)).toBe('object');
  const result = await child!.evaluate(() => window.newsdesk['drafts:list']({}));
  expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
});

test('a call from another origin is refused as forbidden', async ({ app }) => {
  // The same app, served by the same handler, from an origin the dispatcher does not trust.
  const otherOrigin = 'http://elsewhere.localhost';
  await serveAppProtocol(app.page, appProtocolHandler(RENDERER_DIR), otherOrigin);
  await app.page.goto(`${otherOrigin}/index.html`);
  const result = await app.page.evaluate(() => window.newsdesk['app:info']({}));
  expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
});

test('the served Content-Security-Policy blocks injected inline scripts', async ({ app }) => {
  // The document the page got carries the app's own policy (app.page.request would bypass the route).
  const response = await app.page.reload();
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  const ran = await app.page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.body.append(script);
    const img = document.createElement('img');
    img.setAttribute('onerror', 'window.__injected = true');
    img.src = 'data:,broken';
    document.body.append(img);
    await new Promise((done) => setTimeout(done, 200));
    return (window as unknown as { __injected?: boolean }).__injected ?? false;
  });
  expect(ran).toBe(false);
});
