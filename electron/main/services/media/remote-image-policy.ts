import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Which pasted image addresses the desk will fetch. A page copied from the web decides what its
 * <img> tags point at, so pasting it must not turn the app into a probe of the newsroom's own
 * network (a router's admin page, an intranet server, a cloud metadata address): only https, no
 * user name or password in the address, and never a private, loopback, link-local or otherwise
 * reserved address, checked on every address the name resolves to and again at every redirect.
 *
 * Limit: the name is resolved here and again by fetch, so a DNS server that answers differently
 * the second time (DNS rebinding) could still steer one request; Chromium's and Node's fetch give
 * no hook to pin the address they connect to.
 */

export interface RemoteUrlOptions {
  /**
   * Tests only: allow loopback addresses (127.0.0.0/8, ::1) and plain http to them, so a local
   * test server can stand in for a web site. Other private ranges stay refused even then.
   */
  allowLoopback?: boolean;
  /** Name resolution; default node:dns lookup (all addresses). */
  resolve?: (hostname: string) => Promise<string[]>;
}

export type UrlDecision = { ok: true; url: URL } | { ok: false; reason: string };

const MAX_URL_CHARS = 4096;

/** The address as written: scheme, credentials, length. No network. */
export function decideImageUrl(text: string, options: Pick<RemoteUrlOptions, 'allowLoopback'> = {}): UrlDecision {
  if (text.length > MAX_URL_CHARS) return { ok: false, reason: 'its address is too long' };
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, reason: 'its address cannot be read' };
  }
  const loopbackTest = options.allowLoopback === true && url.protocol === 'http:' && isLoopbackLiteral(url.hostname);
  if (url.protocol !== 'https:' && !loopbackTest) {
    return { ok: false, reason: `Newsdesk only fetches pictures over https (this one is ${url.protocol.replace(/:$/, '')})` };
  }
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'its address carries a user name or password' };
  if (url.hostname === '') return { ok: false, reason: 'its address names no server' };
  return { ok: true, url };
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

function isLoopbackLiteral(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  const family = isIP(host);
  return family !== 0 && LOOPBACK.check(host, family === 4 ? 'ipv4' : 'ipv6');
}

/** IANA's special-purpose ranges: nothing a public web page's picture lives on. */
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15],
  ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], ['::1', 128], ['64:ff9b:1::', 48], ['100::', 64], ['2001::', 23], ['2001:db8::', 32],
  ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');

/** An IPv4 address written as IPv6 (::ffff:10.0.0.1, or its hex form) is judged as the IPv4 one. */
function unmapped(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (dotted) return { address: dotted[1]!, family: 'ipv4' };
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hex) {
    const high = parseInt(hex[1]!, 16);
    const low = parseInt(hex[2]!, 16);
    return { address: [high >> 8, high & 255, low >> 8, low & 255].join('.'), family: 'ipv4' };
  }
  return { address, family: isIP(address) === 4 ? 'ipv4' : 'ipv6' };
}

/** True when `address` (an IP) is not a public internet address the desk may fetch from. */
export function isRefusedAddress(address: string, options: Pick<RemoteUrlOptions, 'allowLoopback'> = {}): boolean {
  const { address: ip, family } = unmapped(address);
  if (options.allowLoopback && LOOPBACK.check(ip, family)) return false;
  return NOT_PUBLIC.check(ip, family);
}

const resolveAll = async (hostname: string): Promise<string[]> => (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

/**
 * Where the server of `url` lives, or why the desk will not ask it. Throws what the resolver
 * throws (no such name, offline): that is a network failure, worth trying again.
 */
export async function refusedHostReason(url: URL, options: RemoteUrlOptions = {}): Promise<string | null> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : await (options.resolve ?? resolveAll)(host);
  if (addresses.length === 0) return `${url.hostname} has no address`;
  const refused = addresses.find((address) => isRefusedAddress(address, options));
  if (refused === undefined) return null;
  return `${url.hostname} is a private or local network address (${refused}), which pasted content may not make Newsdesk contact`;
}
