/**
 * Which way a connection to the desk goes, read from the proxy list the system gives for its
 * address: Electron's `session.resolveProxy(url)` answers in the PAC format, entries in order of
 * preference separated by ";" — "DIRECT", "PROXY host:port", "HTTPS host:port" (TLS to the proxy),
 * "SOCKS host:port", "SOCKS4 …", "SOCKS5 …", "QUIC …".
 *
 * The desk's clients tunnel through an HTTP or HTTPS proxy (CONNECT) or go direct. SOCKS and QUIC
 * proxies are not supported: an entry of those is passed over for the next one, as Chromium falls
 * back when a proxy fails; when no entry is left, the route says why in words the person can act on.
 * A proxy that just failed can be passed over too (`passOver`), as Chromium does for a while; when
 * every entry would be, the first is tried again rather than none.
 * Pure: no I/O, so every case is a unit test.
 */
export type ProxyRoute =
  | { kind: 'direct' }
  /** `url` is http://host:port or https://host:port of the proxy; `shown` is how messages name it. */
  | { kind: 'proxy'; url: string; shown: string }
  /** No entry the desk's clients can use: `reason` is the sentence to show. */
  | { kind: 'unusable'; reason: string };

const DEFAULT_PORT: Readonly<Record<string, number>> = { PROXY: 80, HTTP: 80, HTTPS: 443 };
const UNSUPPORTED = new Set(['SOCKS', 'SOCKS4', 'SOCKS5', 'QUIC']);

/** "host:port" (IPv6 in brackets) of an entry, or null when it is not one. */
function hostAndPort(text: string, defaultPort: number): { host: string; port: number } | null {
  const match = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(text);
  if (!match) return null;
  const port = match[2] === undefined ? defaultPort : Number(match[2]);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) return null;
  return { host: match[1]!, port };
}

export type UsableRoute = Exclude<ProxyRoute, { kind: 'unusable' }>;

/**
 * The route of a PAC-format proxy list: its first entry the desk's clients can use and that
 * `passOver` does not pass over (a proxy that just failed).
 */
export function parseProxyList(list: string, passOver: (route: UsableRoute) => boolean = () => false): ProxyRoute {
  const entries = list.split(';').map((entry) => entry.trim()).filter((entry) => entry !== '');
  // No entry at all is how some resolvers say "no proxy".
  if (entries.length === 0) return { kind: 'direct' };
  const usable: UsableRoute[] = [];
  const passedOver: string[] = [];
  for (const entry of entries) {
    const [keyword = '', target, ...rest] = entry.split(/\s+/);
    const kind = keyword.toUpperCase();
    if (kind === 'DIRECT' && target === undefined) {
      usable.push({ kind: 'direct' });
      continue;
    }
    if (UNSUPPORTED.has(kind)) {
      passedOver.push(`${kind} ${target ?? ''}`.trim());
      continue;
    }
    const port = DEFAULT_PORT[kind];
    const address = port !== undefined && target !== undefined && rest.length === 0 ? hostAndPort(target, port) : null;
    if (!address) {
      passedOver.push(`“${entry}”`);
      continue;
    }
    const shown = `${address.host}:${address.port}`;
    usable.push({ kind: 'proxy', url: `${kind === 'HTTPS' ? 'https' : 'http'}://${shown}`, shown });
  }
  const first = usable[0];
  if (first) return usable.find((route) => !passOver(route)) ?? first;
  return {
    kind: 'unusable',
    reason: `The system's proxy setting for the desk (${passedOver.join(', ')}) is not one Newsdesk can use: it connects through an HTTP or HTTPS proxy, or directly, not through SOCKS or QUIC. Ask for an HTTP proxy for the desk's address, or a direct route to it.`,
  };
}

