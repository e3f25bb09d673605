import { messageOf } from '../../../shared/model/errors';
/**
 * Publishing's HTTP through Chromium's network stack (Electron's `net.fetch`) rather than Node's
 * fetch: it uses the system's proxy settings (PAC scripts included) and trusts the OS certificate
 * store, so a newsroom's proxy and its own certificate authority work as they do in the browser.
 * Node's fetch knows neither, and the app's fuses turn NODE_EXTRA_CA_CERTS off.
 *
 * net.fetch differs from Node's fetch in ways publishing would trip over; they are smoothed here so
 * the HTTP client (services/publishing/http/http-client.ts) behaves the same on both:
 * - A redirect the caller does not follow (`redirect: 'manual'`, used for POST and PUT) rejects
 *   with "Redirect was cancelled" (electron#43715) where Node answers with the 3xx. It is answered
 *   here as a bodiless 300, which the client reports as "redirected elsewhere: check the address"
 *   instead of retrying it as a network failure. net.fetch does not tell the real status or target.
 * - Chromium's failures are plain messages ("net::ERR_NAME_NOT_RESOLVED"); they get the Node error
 *   codes the client classifies (DNS, refused, reset, timeout...). Certificate errors keep their
 *   ERR_CERT_ name, which the client reports as an untrusted certificate (not retried).
 * - Response.url is empty (Electron documents `.url` as incorrect): it is set to the address asked.
 *   After a followed redirect that is not where the answer came from, so the connection test cannot
 *   see a GET redirected to another origin here.
 * Streamed request bodies need `duplex: 'half'` (the client sets it). Electron collects a streamed
 * body before sending it, so upload progress counts bytes handed to Chromium, not bytes on the wire.
 * net.fetch may only be called once the app is ready: the services start in onReady.
 */

export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Chromium net error → the Node code the publishing client's classification knows. */
const NODE_CODES: Readonly<Record<string, string>> = {
  ERR_NAME_NOT_RESOLVED: 'ENOTFOUND',
  ERR_NAME_RESOLUTION_FAILED: 'EAI_AGAIN',
  ERR_CONNECTION_REFUSED: 'ECONNREFUSED',
  ERR_CONNECTION_RESET: 'ECONNRESET',
  ERR_NETWORK_CHANGED: 'ECONNRESET',
  ERR_CONNECTION_CLOSED: 'EPIPE',
  ERR_EMPTY_RESPONSE: 'EPIPE',
  ERR_CONNECTION_TIMED_OUT: 'ETIMEDOUT',
  ERR_TIMED_OUT: 'ETIMEDOUT',
  ERR_ADDRESS_UNREACHABLE: 'EHOSTUNREACH',
  ERR_INTERNET_DISCONNECTED: 'ENETDOWN',
  ERR_SSL_PROTOCOL_ERROR: 'EPROTO',
};

/** The failure with a Node-style `code` (and the original as its cause). */
export function withNodeCode(error: unknown): unknown {
  const name = /net::(ERR_[A-Z0-9_]+)/.exec(messageOf(error))?.[1];
  if (name === undefined) return error;
  // Chromium refuses ports like 6000 outright; the client explains that as a port to change.
  const message = name === 'ERR_UNSAFE_PORT' ? `bad port (${name})` : messageOf(error);
  return Object.assign(new Error(message, { cause: error }), { code: name === 'ERR_UNSAFE_PORT' ? undefined : (NODE_CODES[name] ?? name) });
}

/** Wraps Electron's `net.fetch` to answer like Node's fetch (see above). */
export function chromiumFetch(netFetch: (input: string | Request, init?: RequestInit) => Promise<Response>): Fetch {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    let response: Response;
    try {
      response = await netFetch(input instanceof URL ? input.href : input, init);
    } catch (error) {
      if (init?.redirect !== 'manual' || !/Redirect was cancelled/.test(messageOf(error))) throw withNodeCode(error);
      response = new Response(null, { status: 300 });
    }
    if (!response.url) Object.defineProperty(response, 'url', { value: url });
    return response;
  };
}
