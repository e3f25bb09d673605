/**
 * Embeds in an article body: a post, player, map or document from a known provider, stored as
 * its URL only. The allow-list is per provider (https, its own hosts, the path shape of an
 * embeddable item); any other address stays an ordinary link. Nothing here loads anything: the
 * editor shows a card, the outputs write what each CMS expects.
 */

export const EMBED_NODE_TYPE = 'embed';

export const EMBED_PROVIDERS = {
  youtube: 'YouTube',
  vimeo: 'Vimeo',
  x: 'X',
  bluesky: 'Bluesky',
  instagram: 'Instagram',
  facebook: 'Facebook',
  tiktok: 'TikTok',
  googlemaps: 'Google Maps',
  documentcloud: 'DocumentCloud',
} as const;
export type EmbedProvider = keyof typeof EMBED_PROVIDERS;

export interface ParsedEmbed {
  provider: EmbedProvider;
  /** The address as stored and published: https, no credentials, no fragment. */
  url: string;
}

interface ProviderRule {
  provider: EmbedProvider;
  hosts: readonly string[];
  /** The path (with the query for the few that need it) of an item that can be embedded. */
  path: RegExp;
}

const RULES: readonly ProviderRule[] = [
  { provider: 'youtube', hosts: ['youtube.com', 'www.youtube.com', 'm.youtube.com'], path: /^\/(?:watch\?(?:.*&)?v=[\w-]{11}(?:&.*)?|shorts\/[\w-]{11}|live\/[\w-]{11}|embed\/[\w-]{11})$/ },
  { provider: 'youtube', hosts: ['youtu.be'], path: /^\/[\w-]{11}(?:\?.*)?$/ },
  { provider: 'vimeo', hosts: ['vimeo.com', 'www.vimeo.com', 'player.vimeo.com'], path: /^\/(?:video\/)?\d{3,12}(?:\/[\da-f]+)?(?:\?.*)?$/ },
  { provider: 'x', hosts: ['x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com'], path: /^\/\w{1,15}\/status\/\d{5,25}(?:\?.*)?$/ },
  { provider: 'bluesky', hosts: ['bsky.app'], path: /^\/profile\/[\w.:-]{3,253}\/post\/[a-z0-9]{10,16}$/ },
  { provider: 'instagram', hosts: ['instagram.com', 'www.instagram.com'], path: /^\/(?:[\w.]{1,30}\/)?(?:p|reel|tv)\/[\w-]{5,40}\/?(?:\?.*)?$/ },
  { provider: 'facebook', hosts: ['facebook.com', 'www.facebook.com', 'fb.watch'], path: /^\/(?:[\w.-]{1,80}\/videos\/(?:[\w.-]+\/)?\d{5,25}\/?|watch\/?\?v=\d{5,25}|reel\/\d{5,25}\/?|[\w-]{5,20}\/?)(?:\?.*)?$/ },
  { provider: 'tiktok', hosts: ['tiktok.com', 'www.tiktok.com'], path: /^\/@[\w.-]{1,30}\/video\/\d{5,25}(?:\?.*)?$/ },
  { provider: 'googlemaps', hosts: ['www.google.com', 'google.com', 'maps.google.com'], path: /^\/maps(?:\/embed|\/place|\/@|\/d\/|\/search|\?|\/?$)/ },
  { provider: 'googlemaps', hosts: ['maps.app.goo.gl'], path: /^\/\w{5,40}$/ },
  { provider: 'documentcloud', hosts: ['www.documentcloud.org', 'documentcloud.org', 'embed.documentcloud.org'], path: /^\/documents\/\d{1,12}(?:-[\w-]{1,200})?\/?(?:\.html)?$/ },
];

const MAX_URL_LENGTH = 2048;

/** The provider and clean address of a URL that may be embedded, or null (it stays a link). */
export function parseEmbedUrl(text: string): ParsedEmbed | null {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_URL_LENGTH || /\s/.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '') return null;
  const host = url.hostname.toLowerCase();
  const pathAndQuery = url.pathname + url.search;
  for (const rule of RULES) {
    if (rule.hosts.includes(host) && rule.path.test(pathAndQuery)) {
      url.hash = '';
      return { provider: rule.provider, url: url.toString() };
    }
  }
  return null;
}

/** An embed as the body stores it (the editor's EmbedNode JSON). */
export interface EmbedNodeJson {
  type: typeof EMBED_NODE_TYPE;
  version: 1;
  url: string;
  provider: EmbedProvider;
  /** Known offline only when the editor typed or pasted one; never fetched. */
  title: string;
}

/** A stored embed node read defensively: null when its URL is no longer on the allow-list. */
export function readEmbedNode(node: { [key: string]: unknown }): (ParsedEmbed & { title: string }) | null {
  const parsed = typeof node.url === 'string' ? parseEmbedUrl(node.url) : null;
  if (parsed === null) return null;
  const title = typeof node.title === 'string' ? node.title.replace(/\s+/g, ' ').trim().slice(0, 300) : '';
  return { ...parsed, title };
}

export const providerName = (provider: EmbedProvider): string => EMBED_PROVIDERS[provider];

/** The provider whose hosts include this one (any path), or null: to say why an address is refused. */
export function embedProviderOfHost(hostname: string): EmbedProvider | null {
  const host = hostname.toLowerCase();
  return RULES.find((rule) => rule.hosts.includes(host))?.provider ?? null;
}
