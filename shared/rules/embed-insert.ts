import { EMBED_PROVIDERS, embedProviderOfHost, parseEmbedUrl, providerName, type EmbedProvider, type ParsedEmbed } from './embed-providers';

/**
 * What the Insert embed dialog does with the address typed or pasted into it: an embed when the
 * address is on the allow-list; otherwise a sentence saying why not and, for an ordinary web
 * address, the offer to insert it as a link instead (as a paste would have left it).
 */
export type EmbedInsertDecision =
  | { kind: 'embed'; embed: ParsedEmbed }
  | { kind: 'link'; url: string; message: string }
  | { kind: 'invalid'; message: string };

/** What one provider's embeddable item is called, for the sentence that refuses another address of it. */
const ITEMS: Record<EmbedProvider, string> = {
  youtube: 'video',
  vimeo: 'video',
  x: 'post',
  bluesky: 'post',
  instagram: 'post or reel',
  facebook: 'video',
  tiktok: 'video',
  googlemaps: 'map or place',
  documentcloud: 'document',
};

const names = Object.values(EMBED_PROVIDERS);
/** "YouTube, Vimeo, … and DocumentCloud", for the dialog's explanation. */
export const EMBED_PROVIDER_LIST = `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

// People paste "youtube.com/watch?v=…" or "www.…" without a scheme; the allow-list wants https.
const BARE_ADDRESS = /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:[/?#]|$)/i;

export function decideEmbedInsert(input: string): EmbedInsertDecision {
  const text = input.trim();
  if (text === '') return { kind: 'invalid', message: 'Paste the address of a post, video, map or document.' };
  const candidate = BARE_ADDRESS.test(text) ? `https://${text}` : text;
  const embed = parseEmbedUrl(candidate);
  if (embed !== null) return { kind: 'embed', embed };

  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { kind: 'invalid', message: 'That is not a web address. Paste the full address, starting with https://.' };
  }
  // Only web pages can be links in a story (as in the link editor): no javascript:, data:, file:…
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '' || /\s/.test(candidate)) {
    return { kind: 'invalid', message: 'Only web addresses (https://…) can be embedded or linked.' };
  }
  const provider = embedProviderOfHost(url.hostname);
  if (provider === null) {
    return { kind: 'link', url: url.toString(), message: `${url.hostname} is not a provider Newsdesk embeds; it stays a link.` };
  }
  const name = providerName(provider);
  const message =
    url.protocol === 'http:'
      ? `Newsdesk embeds ${name} only from its secure address (https://); this one stays a link.`
      : `This ${name} address is not a single ${ITEMS[provider]} Newsdesk can embed; it stays a link.`;
  return { kind: 'link', url: url.toString(), message };
}
