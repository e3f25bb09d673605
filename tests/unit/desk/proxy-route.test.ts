import { describe, expect, it } from 'vitest';
import { parseProxyList } from '../../../electron/main/services/desk/proxy-route';

// The proxy list Electron's session.resolveProxy gives (PAC format), read into the desk's route.
describe('the route of a PAC-style proxy list', () => {
  it('goes direct for DIRECT and for an empty list', () => {
    expect(parseProxyList('DIRECT')).toEqual({ kind: 'direct' });
    expect(parseProxyList('')).toEqual({ kind: 'direct' });
    expect(parseProxyList('  ;  ')).toEqual({ kind: 'direct' });
  });

  it('tunnels through an HTTP proxy for PROXY (and HTTP), with the default port when none is given', () => {
    expect(parseProxyList('PROXY proxy.newsroom.example:3128')).toEqual({ kind: 'proxy', url: 'http://proxy.newsroom.example:3128', shown: 'proxy.newsroom.example:3128' });
    expect(parseProxyList('HTTP 10.0.0.1:8080')).toMatchObject({ kind: 'proxy', url: 'http://10.0.0.1:8080' });
    expect(parseProxyList('PROXY proxy.example')).toMatchObject({ kind: 'proxy', url: 'http://proxy.example:80' });
    expect(parseProxyList('proxy [::1]:8080')).toMatchObject({ kind: 'proxy', url: 'http://[::1]:8080', shown: '[::1]:8080' });
  });

  it('speaks TLS to an HTTPS proxy', () => {
    expect(parseProxyList('HTTPS secure-proxy.example:443')).toMatchObject({ kind: 'proxy', url: 'https://secure-proxy.example:443' });
    expect(parseProxyList('HTTPS secure-proxy.example')).toMatchObject({ url: 'https://secure-proxy.example:443' });
  });

  it('takes the first entry of several, as the system prefers them', () => {
    expect(parseProxyList('PROXY first.example:8080; PROXY second.example:8080; DIRECT')).toMatchObject({ url: 'http://first.example:8080' });
    expect(parseProxyList('DIRECT; PROXY never.example:8080')).toEqual({ kind: 'direct' });
  });

  it('passes over an entry the caller passes over (a proxy that just failed), but tries the first again rather than none', () => {
    const failed = (route: { kind: string; url?: string }) => route.url === 'http://down.example:3128';
    expect(parseProxyList('PROXY down.example:3128; DIRECT', failed)).toEqual({ kind: 'direct' });
    expect(parseProxyList('PROXY down.example:3128; PROXY up.example:3128', failed)).toMatchObject({ url: 'http://up.example:3128' });
    expect(parseProxyList('PROXY down.example:3128', failed)).toMatchObject({ url: 'http://down.example:3128' });
  });

  it('passes over SOCKS and QUIC for the next entry, as when that proxy fails', () => {
    expect(parseProxyList('SOCKS5 socks.example:1080; PROXY web.example:3128')).toMatchObject({ url: 'http://web.example:3128' });
    expect(parseProxyList('SOCKS socks.example:1080; DIRECT')).toEqual({ kind: 'direct' });
  });

  it('says clearly that a SOCKS-only setting cannot be used, naming it', () => {
    const route = parseProxyList('SOCKS5 socks.example:1080; SOCKS4 old.example:1080');
    expect(route.kind).toBe('unusable');
    if (route.kind !== 'unusable') return;
    expect(route.reason).toContain('SOCKS5 socks.example:1080, SOCKS4 old.example:1080');
    expect(route.reason).toMatch(/HTTP or HTTPS proxy, or directly, not through SOCKS/);
  });

  it('refuses garbage with the text it could not read, and never takes it for an address', () => {
    for (const list of ['PROXY', 'PROXY host:99999', 'PROXY host:port', 'PROXY a b', 'FTP host:21', 'DIRECT host:80', 'PROXY http://host:8080', 'PROXY user@host:8080', '💥']) {
      const route = parseProxyList(list);
      expect(route, list).toMatchObject({ kind: 'unusable' });
      if (route.kind === 'unusable') expect(route.reason).toContain(`“${list}”`);
    }
    // Garbage before a good entry is passed over like a proxy that fails.
    expect(parseProxyList('PROXY ???; PROXY good.example:8080')).toMatchObject({ url: 'http://good.example:8080' });
  });
});
