import { escapeAttribute, escapeHtml } from './html-escape';
import { providerName, type EmbedProvider, type ParsedEmbed } from './embed-providers';

/**
 * An embed in each output's own form. In HTML (export, ninjs, reader preview) it is a figure with
 * a plain link, which any reader can follow and no script is loaded; WordPress turns that into
 * its embed block, Ghost into its embed card.
 */

export const EMBED_CLASS = 'embed';

/** `<figure class="embed embed-youtube"><a href="…">YouTube: title</a></figure>` */
export function embedFigureHtml(embed: ParsedEmbed & { title: string }): string {
  const label = embed.title ? `${providerName(embed.provider)}: ${embed.title}` : `${providerName(embed.provider)}: ${embed.url}`;
  return `<figure class="${EMBED_CLASS} ${EMBED_CLASS}-${embed.provider}"><a href="${escapeAttribute(embed.url)}">${escapeHtml(label)}</a></figure>\n`;
}

/** WordPress's provider slugs for its embed block (as core/embed's variations name them). */
const WORDPRESS_SLUGS: Record<EmbedProvider, string> = {
  youtube: 'youtube',
  vimeo: 'vimeo',
  x: 'twitter',
  bluesky: 'bluesky',
  instagram: 'instagram',
  facebook: 'facebook',
  tiktok: 'tiktok',
  googlemaps: 'google-maps',
  documentcloud: 'documentcloud',
};

const FIGURE = /<figure class="embed embed-([a-z]+)"><a href="([^"]*)">[^<]*<\/a><\/figure>/g;

const unescapeAttribute = (value: string): string =>
  value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * The post content for WordPress: every embed figure (as the sanitizer leaves it) becomes a
 * `wp:embed` block, which WordPress renders through its own oEmbed on the site.
 */
export function wordpressEmbedBlocks(html: string): string {
  return html.replace(FIGURE, (whole, provider: string, href: string) => {
    if (!Object.hasOwn(WORDPRESS_SLUGS, provider)) return whole;
    const slug = WORDPRESS_SLUGS[provider as EmbedProvider];
    const url = unescapeAttribute(href);
    const type = isVideoProvider(provider as EmbedProvider) ? 'video' : 'rich';
    // JSON in a block comment: "--" must not end the comment early, so it is written as \u002d\u002d.
    const attributes = JSON.stringify({ url, type, providerNameSlug: slug }).replace(/--/g, '\\u002d\\u002d');
    return (
      `<!-- wp:embed ${attributes} -->\n` +
      `<figure class="wp-block-embed is-type-${type} is-provider-${slug} wp-block-embed-${slug}"><div class="wp-block-embed__wrapper">\n${escapeHtml(url)}\n</div></figure>\n` +
      '<!-- /wp:embed -->'
    );
  });
}

/**
 * Providers whose embeds are players: WordPress's core embed variations for them say `type: video`
 * (its editor then keeps the player's aspect ratio), and Ghost's card `embedType: video`.
 */
export function isVideoProvider(provider: EmbedProvider): boolean {
  return provider === 'youtube' || provider === 'vimeo' || provider === 'tiktok';
}

/** Ghost's embed card (mobiledoc/lexical `embed` card): the URL and the HTML Ghost shows for it. */
export interface GhostEmbedCard {
  type: 'embed';
  version: 1;
  url: string;
  embedType: 'video' | 'rich';
  html: string;
  metadata: { provider_name: string; title?: string };
  caption: string;
}

/** The Ghost embed card for an embed: a plain link as its HTML, so nothing runs until Ghost renders it. */
export function embedToGhostCard(embed: ParsedEmbed & { title: string }): GhostEmbedCard {
  const video = isVideoProvider(embed.provider);
  return {
    type: 'embed',
    version: 1,
    url: embed.url,
    embedType: video ? 'video' : 'rich',
    html: `<a href="${escapeAttribute(embed.url)}">${escapeHtml(embed.title || embed.url)}</a>`,
    metadata: embed.title ? { provider_name: providerName(embed.provider), title: embed.title } : { provider_name: providerName(embed.provider) },
    caption: '',
  };
}
