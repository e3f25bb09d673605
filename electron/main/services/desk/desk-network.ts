import { Agent as HttpAgent, type ClientRequest } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { isIP } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { Duplex } from 'node:stream';
import { Agent as ConnectionAgent, type AgentConnectOpts } from 'agent-base';
import { Agent as UndiciAgent, ProxyAgent, fetch as undiciFetch, type Dispatcher } from 'undici';
import WebSocket from 'ws';
import { messageOf } from '../../../../shared/model/errors';
import { certificateFailure, deskTrust, type SystemCertificates } from './desk-tls';
import { parseProxyList, type ProxyRoute, type UsableRoute } from './proxy-route';

/**
 * Every connection main makes to the desk — its websockets and its HTTP calls (sign-in, stories,
 * photos, budget, workflow, audit) — goes the way the system's proxy settings say for the desk's
 * address. Node's own clients know nothing of those settings, so the app asks Electron's session
 * (`session.resolveProxy`, which applies the OS settings and PAC scripts as Chromium does) through
 * the `ResolveProxy` port, and tests pass their own; without one every connection is direct.
 *
 * The proxy is asked again for each new connection (a laptop moves between networks), and the
 * tunnel is an HTTP CONNECT made by undici, the same library that carries the HTTP calls:
 * - HTTP: undici's fetch, with a ProxyAgent per proxy as its dispatcher (or a plain Agent direct).
 * - Websockets: ws, whose agent (agent-base, which lets a connection be made asynchronously)
 *   looks up the route, then hands back a plain agent or a socket tunnelled through the proxy.
 * A proxy that cannot be reached or refuses the tunnel fails the connection with its name in the
 * message, so "offline" says why; the websocket keeps retrying as it does when the desk is down.
 * One that cannot be reached is passed over for the list's next entry for a few minutes, as
 * Chromium does ("PROXY p:3128; DIRECT" goes direct while p is down); one that refuses is not.
 */
export type ResolveProxy = (url: string) => Promise<string>;

/** How long a proxy that could not be reached is passed over (Chromium's default too). */
const PASS_OVER_FAILED_PROXY_MS = 5 * 60_000;

/** A websocket class the desk's providers construct (HocuspocusProviderWebsocket's WebSocketPolyfill). */
export type DeskWebSocketClass = new (address: string, protocols?: string | string[]) => WebSocket;

export interface DeskNetwork {
  /** Fetch for the desk's HTTP API, routed as the system says for each address. */
  fetch: typeof fetch;
  /** The websocket class for the desk; `onFailure` hears why a connection could not be made. */
  webSocket(onFailure?: (error: Error) => void): DeskWebSocketClass;
  /** The route to an address as the system's settings give it now. */
  route(url: string): Promise<ProxyRoute>;
  close(): Promise<void>;
}

/** What a proxy that answers a tunnel with `status` instead of 200 means, in words. */
function refusedTunnel(status: number): string {
  return status === 407
    ? 'it asks for a proxy sign-in (HTTP 407), which the desk connection cannot give: ask for the desk’s address to be let through without one'
    : `it refused the tunnel (HTTP ${status})`;
}

/**
 * The innermost reason of a failure: undici says "fetch failed" and nests the reason in causes
 * ("Request was cancelled." ← "Proxy response (407) !== 200 when HTTP Tunneling").
 */
function innermostMessage(error: unknown): string {
  let innermost = error;
  for (let depth = 0; depth < 5 && innermost instanceof Error && innermost.cause !== undefined; depth += 1) innermost = innermost.cause;
  return messageOf(innermost);
}

/** A failure's reason in words, a refused tunnel's status included. */
function detailOf(error: unknown): string {
  const text = innermostMessage(error);
  const status = /Proxy response \((\d{3})\)/.exec(text)?.[1];
  return status === undefined ? text : refusedTunnel(Number(status));
}

export interface DeskNetworkOptions {
  /**
   * The HTTP client the app has already (Electron's net.fetch: Chromium's network stack, which
   * follows the system's proxy settings and trusts the OS's certificates, a newsroom's own
   * authority included). When given, the desk's HTTP calls go through it; only the websockets,
   * which Chromium's stack cannot hand to main, are routed here. Without it (tests, tools) the HTTP
   * calls are routed here too.
   */
  httpFetch?: typeof fetch;
  /**
   * The OS store's certificate authorities, trusted by the secure websockets besides Node's own
   * (desk-tls.ts): Node's reader in the app, a test's list in tests. Node's list only when absent.
   */
  systemCertificates?: SystemCertificates | undefined;
  /** Where a store that could not be read is said (once). */
  warn?: (message: string) => void;
  now?: () => number;
}

export function createDeskNetwork(resolveProxy?: ResolveProxy, { httpFetch, systemCertificates, warn = console.warn, now = Date.now }: DeskNetworkOptions = {}): DeskNetwork {
  const trust = deskTrust(systemCertificates, warn);
  const direct = new UndiciAgent();
  const proxies = new Map<string, ProxyAgent>();
  // CONNECT tunnels for the websockets: a pooled client per proxy; each tunnel takes its socket away.
  const tunnels = new UndiciAgent();
  const plainAgents = { http: new HttpAgent({ keepAlive: false }), https: new HttpsAgent({ keepAlive: false }) };
  /** Proxies that could not be reached, with when: passed over until PASS_OVER_FAILED_PROXY_MS later. */
  const unreachable = new Map<string, number>();
  const passOver = (candidate: UsableRoute): boolean => {
    if (candidate.kind !== 'proxy') return false;
    const since = unreachable.get(candidate.url);
    return since !== undefined && now() - since < PASS_OVER_FAILED_PROXY_MS;
  };

  async function route(url: string): Promise<ProxyRoute> {
    if (!resolveProxy) return { kind: 'direct' };
    let list: string;
    try {
      list = await resolveProxy(url);
    } catch (error) {
      return { kind: 'unusable', reason: `The system's proxy settings could not be read for the desk (${messageOf(error)}).` };
    }
    return parseProxyList(list, passOver);
  }

  function dispatcherFor(chosen: ProxyRoute & { kind: 'direct' | 'proxy' }): Dispatcher {
    if (chosen.kind === 'direct') return direct;
    let agent = proxies.get(chosen.url);
    if (!agent) {
      agent = new ProxyAgent(chosen.url);
      proxies.set(chosen.url, agent);
    }
    return agent;
  }

  const routedFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    // The desk's calls give an address and options; a Request's own method, headers and body would not be carried.
    if (input instanceof Request) throw new TypeError('The desk network fetches an address, not a Request.');
    const url = String(input);
    const chosen = await route(url);
    if (chosen.kind === 'unusable') throw new Error(chosen.reason);
    try {
      // undici's fetch and the global one share the Fetch standard's shapes; undici's own types
      // differ from lib.dom's in details the desk's calls do not use.
      const answer = await undiciFetch(url, { ...(init as object), dispatcher: dispatcherFor(chosen) });
      return answer as unknown as Response;
    } catch (error) {
      if (chosen.kind === 'direct') throw error;
      const detail = detailOf(error);
      // A call given up on (its timeout) says nothing of the proxy; a proxy that answered is up.
      if (!init?.signal?.aborted && !/Proxy response/.test(innermostMessage(error))) unreachable.set(chosen.url, now());
      throw new Error(`through the proxy ${chosen.shown}: ${detail}`, { cause: error });
    }
  };

  /** ws's agent: the route is looked up as the connection starts, which agent-base allows to be async. */
  class RoutedAgent extends ConnectionAgent {
    async connect(_request: ClientRequest, options: AgentConnectOpts): Promise<Duplex | HttpAgent> {
      const secure = options.secureEndpoint;
      const host = options.host ?? 'localhost';
      const target = `${host.includes(':') ? `[${host}]` : host}:${options.port}`;
      // The socket's address as the http(s) URL it is upgraded from: proxy settings are per scheme.
      const chosen = await route(`${secure ? 'https' : 'http'}://${target}/`);
      if (chosen.kind === 'unusable') throw new Error(chosen.reason);
      if (chosen.kind === 'direct') return secure ? plainAgents.https : plainAgents.http;
      let tunnel: { statusCode: number; socket: Duplex };
      try {
        tunnel = await tunnels.connect({ origin: chosen.url, path: target, headers: { host: target } });
      } catch (error) {
        unreachable.set(chosen.url, now());
        throw new Error(`through the proxy ${chosen.shown}: ${detailOf(error)}`, { cause: error });
      }
      const { socket } = tunnel;
      // undici answers a refused CONNECT (407, 403, 502…) with its status rather than an error.
      if (tunnel.statusCode !== 200) {
        socket.destroy();
        throw new Error(`through the proxy ${chosen.shown}: ${refusedTunnel(tunnel.statusCode)}`);
      }
      if (!secure) return socket;
      // TLS to the desk inside the tunnel, with ws's TLS options (certificates, checks) but not its
      // port or path. The host stays: with a socket given it only names whom the certificate must be
      // for (without it Node checks against "localhost", and a desk at an IP address is refused).
      const { port: _port, path: _path, ...tls } = options as AgentConnectOpts & { path?: string };
      return tlsConnect({ ...tls, host, socket, servername: isIP(host) ? undefined : host });
    }
  }
  const agent = new RoutedAgent();

  return {
    fetch: httpFetch ?? (routedFetch as typeof fetch),
    webSocket(onFailure) {
      /**
       * ws emits 'error' when a socket is closed before its handshake finished, and the provider
       * removes its listeners before it closes one (on destroy, on a reconnect): an 'error' with no
       * listener is an uncaught exception, which would take main down. The provider learns of the
       * failure from 'close'; `onFailure` hears the reason (a proxy down, a refused tunnel).
       */
      return class DeskWebSocket extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          // ws hands its TLS options to the agent, which uses them direct and inside a proxy's tunnel.
          const secureContext = /^(wss|https):/i.test(address) ? trust() : undefined;
          super(address, protocols, { agent, ...(secureContext ? { secureContext } : {}) });
          this.on('error', (error: Error) => onFailure?.(certificateFailure(error)));
        }
      };
    },
    route,
    async close() {
      agent.destroy();
      plainAgents.http.destroy();
      plainAgents.https.destroy();
      await Promise.all([direct.close(), tunnels.close(), ...[...proxies.values()].map((proxy) => proxy.close())]);
      proxies.clear();
    },
  };
}

let sharedDirect: DeskNetwork | undefined;
/** Direct connections, for callers that give no network (tools, tests); it lives as long as the process. */
export function directDeskNetwork(): DeskNetwork {
  sharedDirect ??= createDeskNetwork();
  return sharedDirect;
}
