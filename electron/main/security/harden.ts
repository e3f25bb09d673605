import type { App, Session, WebContents } from 'electron';
import { isSameOrigin } from '../protocol/app-origin';
import { CSP_HEADER_NAME, devContentSecurityPolicy } from './csp';

export type OpenExternal = (url: string) => Promise<void>;

export interface HardeningOptions {
  /** Origins the app's own pages come from: app://newsdesk, plus the Vite dev server in dev. */
  allowedOrigins: readonly string[];
  /** shell.openExternal; only ever called with https: URLs. */
  openExternal: OpenExternal;
  /** Where refusals are reported; they indicate a bug or an attack, so they are worth a log line. */
  log?: (message: string) => void;
}

/** Only https links leave the app, and only to the user's browser (never file:, smb:, custom apps…). */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** Opens `url` in the user's browser if it is an https link; resolves false when refused. */
export async function openExternalSafely(openExternal: OpenExternal, url: string): Promise<boolean> {
  if (!isExternalLinkAllowed(url)) return false;
  await openExternal(url);
  return true;
}

/**
 * Hardens one web contents, whatever created it (main window, devtools, a future popup):
 * no navigation or redirect away from the app's origins, no new windows (https links go to the
 * browser instead), no <webview>.
 */
export function hardenWebContents(contents: WebContents, options: HardeningOptions): void {
  const log = options.log ?? (() => undefined);
  const guardNavigation =
    (kind: string) =>
    (event: { preventDefault(): void; url?: string }, legacyUrl?: string): void => {
      const url = event.url ?? legacyUrl ?? '';
      if (isSameOrigin(url, options.allowedOrigins)) return;
      event.preventDefault();
      log(`Blocked ${kind} to ${url.slice(0, 200)}`);
    };
  contents.on('will-navigate', guardNavigation('navigation'));
  contents.on('will-frame-navigate', guardNavigation('frame navigation'));
  contents.on('will-redirect', guardNavigation('redirect'));

  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLinkAllowed(url)) {
      options.openExternal(url).catch((error: unknown) => log(`Could not open ${url}: ${String(error)}`));
    } else {
      log(`Blocked window.open of ${url.slice(0, 200)}`);
    }
    return { action: 'deny' };
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('Blocked a <webview>');
  });
}

/**
 * Newsdesk needs no web permission (camera, notifications, geolocation, HID…), so every request
 * and every check is refused, for any session.
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * Installs the hardening on every web contents the app will ever create. Must run before the first
 * window exists, so it is called at startup, before `ready`.
 */
export function installWebContentsHardening(app: Pick<App, 'on'>, options: HardeningOptions): void {
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, options);
    denyAllPermissions(contents.session);
  });
}

/**
 * In `electron-vite dev` the renderer comes from Vite's http server, which sends no CSP; this adds
 * the (slightly relaxed) dev policy to its documents so CSP problems show up while developing.
 */
export function applyDevContentSecurityPolicy(session: Session, devOrigin: string): void {
  const policy = devContentSecurityPolicy(devOrigin);
  session.webRequest.onHeadersReceived({ urls: [`${devOrigin}/*`] }, (details, callback) => {
    const headers = { ...(details.responseHeaders ?? {}) };
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === CSP_HEADER_NAME.toLowerCase()) delete headers[name];
    }
    callback({ responseHeaders: { ...headers, [CSP_HEADER_NAME]: [policy] } });
  });
}
