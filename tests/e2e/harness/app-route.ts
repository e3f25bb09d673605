import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { APP_ORIGIN } from '../../../electron/main/protocol/app-origin';

/** The built renderer, where the app's protocol serves it from (out/renderer beside out/main). */
export const RENDERER_DIR = resolve(import.meta.dirname, '../../../out/renderer');

/**
 * The origin the browser tests give the page. Chromium only navigates to schemes it knows, so the
 * page cannot be at app://newsdesk as in the app; every request to this origin is answered by the
 * app's own protocol handler instead (serveAppProtocol). A *.localhost name is a secure context
 * like app:// (a registered secure scheme) and never leaves the machine if a request escaped the route.
 */
export const HARNESS_ORIGIN = 'http://newsdesk.localhost';

/**
 * The URL the app's handler would have been given for `url`: the same path and query under
 * app://newsdesk. Only the origin is swapped, as text, so the path reaches the handler exactly as
 * Chromium wrote it (http and app:// are both standard schemes: Chromium canonicalises their paths
 * the same way, collapsing "/../" and leaving "%2e%2e%2f" encoded).
 */
export function toAppUrl(url: string, origin: string = HARNESS_ORIGIN): string {
  if (url !== origin && !url.startsWith(`${origin}/`)) throw new Error(`${url} is not on ${origin}`);
  // A fragment never reaches a protocol handler; Playwright's request URL may carry it.
  const withoutFragment = url.split('#')[0]!;
  return APP_ORIGIN + (withoutFragment.slice(origin.length) || '/');
}

/**
 * Answers every request the page makes to `origin` with `handler` (in the harness: the app's
 * `appProtocolHandler`, the function `protocol.handle('app', …)` is given), status, headers and
 * body untouched, so the page runs under the app's CSP and path rules.
 */
export async function serveAppProtocol(
  page: Page,
  handler: (request: Request) => Promise<Response>,
  origin: string = HARNESS_ORIGIN,
): Promise<void> {
  await page.route(
    (url) => url.origin === origin,
    async (route) => {
      const request = route.request();
      const response = await handler(new Request(toAppUrl(request.url(), origin), { method: request.method() }));
      await route.fulfill({
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: Buffer.from(await response.arrayBuffer()),
      });
    },
  );
}
