import { limitSettingName, megabytesText } from '../../../../shared/model/settings';
import { messageOf } from '../../../../shared/model/errors';
import { decideImageUrl, refusedHostReason, type RemoteUrlOptions } from './remote-image-policy';

/**
 * Downloads one picture named by pasted HTML, for the photo library to import (which then decides
 * from its bytes, with sharp, whether it is a picture at all). Redirects are followed by hand so
 * each hop is checked like the first address (remote-image-policy.ts); the size limit holds while
 * the bytes arrive, not after; a server that stops sending is given up on.
 *
 * Node's fetch, not Electron's net.fetch: net.fetch cannot hand back a redirect unfollowed with its
 * target (electron#43715), and following it blindly would let a public address bounce the request
 * into the local network. The cost is that the system proxy is not used for these downloads.
 */

export interface DownloadOptions extends RemoteUrlOptions {
  /** The desk's import limit (limits.importMaxBytes). */
  maxBytes: number;
  fetch?: typeof fetch;
  /** No answer or no byte for this long gives up (default 20 s). */
  stallMs?: number;
  /** The whole download, however steadily it trickles (default 5 minutes). */
  totalMs?: number;
  /** Default 5. */
  maxRedirects?: number;
}

/** The bytes and a file name from the address; or why not, and whether trying again may help. */
export type Download = { ok: true; name: string; bytes: Uint8Array } | { ok: false; retry: boolean; reason: string };

const refused = (reason: string): Download => ({ ok: false, retry: false, reason });
const failed = (reason: string): Download => ({ ok: false, retry: true, reason });

/** Statuses a later attempt may get past (the server busy or down for a moment). */
const PASSING_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

export async function downloadRemoteImage(address: string, options: DownloadOptions): Promise<Download> {
  const doFetch = options.fetch ?? ((input: string | URL | Request, init?: RequestInit) => fetch(input, init));
  const stallMs = options.stallMs ?? 20_000;
  const maxRedirects = options.maxRedirects ?? 5;
  const total = AbortSignal.timeout(options.totalMs ?? 300_000);
  const seen = new Set<string>();
  let current = address;
  for (let hop = 0; ; hop += 1) {
    const decision = decideImageUrl(current, options);
    if (!decision.ok) return refused(hop === 0 ? decision.reason : `it redirects to an address where ${decision.reason}`);
    const { url } = decision;
    if (seen.has(url.href)) return refused('its server redirects in a loop');
    seen.add(url.href);
    let hostProblem: string | null;
    try {
      hostProblem = await refusedHostReason(url, options);
    } catch (error) {
      return failed(`${url.hostname} could not be found (${codeOf(error)}); check the connection`);
    }
    if (hostProblem) return refused(hostProblem);

    const stall = new StallTimer(stallMs);
    try {
      const response = await doFetch(url, {
        redirect: 'manual',
        credentials: 'omit',
        headers: { accept: 'image/avif,image/webp,image/png,image/jpeg,image/*;q=0.8' },
        signal: AbortSignal.any([total, stall.signal]),
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel().catch(() => undefined);
        if (hop >= maxRedirects) return refused(`its server redirected it more than ${maxRedirects} times`);
        current = new URL(location, url).href;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        const text = `${url.hostname} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
        return PASSING_STATUSES.has(response.status) ? failed(text) : refused(text);
      }
      const declared = Number(response.headers.get('content-length') ?? NaN);
      if (declared > options.maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        return refused(tooLarge(options.maxBytes));
      }
      const bytes = await readCapped(response, options.maxBytes, stall);
      if (bytes === null) return refused(tooLarge(options.maxBytes));
      if (bytes.length === 0) return refused(`${url.hostname} sent an empty file`);
      return { ok: true, name: fileNameOf(url), bytes };
    } catch (error) {
      if (stall.signal.aborted) return failed(`${url.hostname} stopped answering for ${Math.round(stallMs / 100) / 10} s`);
      if (total.aborted) return failed(`the download from ${url.hostname} took too long`);
      return failed(`${url.hostname} could not be reached (${codeOf(error)}); check the connection`);
    } finally {
      stall.stop();
    }
  }
}

/** The body, stopped as soon as it passes `maxBytes` (null then). */
async function readCapped(response: Response, maxBytes: number, stall: StallTimer): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  for (;;) {
    stall.restart();
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** Aborts when nothing has moved for `ms`; each chunk restarts it. */
class StallTimer {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | null = null;
  readonly signal = this.controller.signal;

  constructor(private readonly ms: number) {
    this.restart();
  }

  restart(): void {
    this.stop();
    this.timer = setTimeout(() => this.controller.abort(), this.ms);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

const tooLarge = (maxBytes: number): string => `it is larger than ${megabytesText(maxBytes)}, the most this desk imports in one file (${limitSettingName('importMaxBytes')})`;

/** Node's fetch wraps the socket's error: its code (ECONNREFUSED, ENOTFOUND) is what says most. */
function codeOf(error: unknown): string {
  const withCode = (value: unknown): string | null =>
    typeof value === 'object' && value !== null && 'code' in value && typeof value.code === 'string' ? value.code : null;
  const cause = typeof error === 'object' && error !== null && 'cause' in error ? error.cause : null;
  return withCode(error) ?? withCode(cause) ?? (cause ? messageOf(cause) : messageOf(error));
}

/** "riot.jpg" from ".../images/riot.jpg?w=800": the last part of the path, safe as a file name. */
export function fileNameOf(url: URL): string {
  let last = url.pathname.split('/').filter(Boolean).at(-1) ?? '';
  try {
    last = decodeURIComponent(last);
  } catch {
    // a malformed escape: keep it as written
  }
  const safe = last.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[.-]+/, '').slice(0, 120);
  return safe || 'web-image';
}
