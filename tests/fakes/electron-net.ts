import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** Electron's `net` for the fake `electron` module (tests/fakes/electron.ts). */
export function createFakeNet(isReady: () => boolean) {
  /** Chromium's names for the Node errors the fake's requests can meet. */
  const CHROMIUM_ERRORS: Record<string, string> = { ENOTFOUND: 'ERR_NAME_NOT_RESOLVED', ECONNREFUSED: 'ERR_CONNECTION_REFUSED', ECONNRESET: 'ERR_CONNECTION_RESET' };
  const net = {
    /** Every net.fetch call (address and options), oldest first. */
    requests: [] as { url: string; init: RequestInit | undefined }[],
    /**
     * Like Electron's: only after ready; file: URLs read from disk; others go out through Node's fetch
     * but answer the way net.fetch does: a redirect not followed ('manual') rejects with "Redirect was
     * cancelled", failures are "net::ERR_…" messages without Node's codes, and Response.url is empty.
     */
    async fetch(input: string | Request, init?: RequestInit): Promise<Response> {
      if (!isReady()) throw new Error('net.fetch() cannot be called before the app is ready');
      const url = typeof input === 'string' ? input : input.url;
      net.requests.push({ url, init });
      if (url.startsWith('file:')) return new Response(new Uint8Array(await readFile(fileURLToPath(url))));
      let answer: Response;
      try {
        answer = await fetch(input, init);
      } catch (error) {
        if ((error as { name?: unknown }).name === 'AbortError') throw error;
        const code = String((error as { cause?: { code?: unknown } }).cause?.code ?? '');
        throw new Error(`net::${CHROMIUM_ERRORS[code] ?? 'ERR_FAILED'}`);
      }
      if (init?.redirect === 'manual' && answer.status >= 300 && answer.status < 400) throw new Error('Redirect was cancelled');
      return new Response(answer.body, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
    },
    isOnline: (): boolean => true,
  };
  return net;
}
