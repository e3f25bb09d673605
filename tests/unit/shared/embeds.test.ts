import { describe, expect, it } from 'vitest';
import type { LexicalDocument } from '../../../shared/model/article';
import { articleBodyHtml } from '../../../shared/rules/article-html';
import { embedToGhostCard, wordpressEmbedBlocks } from '../../../shared/rules/embed-output';
import { parseEmbedUrl } from '../../../shared/rules/embed-providers';
import { cleanArticleHtml } from '../../../electron/main/services/publishing/export/clean-html';

// Embeds: the per-provider allow-list, and the embed in the HTML, WordPress and Ghost outputs.

describe('the embed allow-list', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'youtube'],
    ['https://youtu.be/dQw4w9WgXcQ?t=42', 'youtube'],
    ['https://vimeo.com/76979871', 'vimeo'],
    ['https://x.com/nasa/status/1790000000000000000', 'x'],
    ['https://twitter.com/nasa/status/1790000000000000000', 'x'],
    ['https://bsky.app/profile/bsky.app/post/3l6oveex3ii2l', 'bluesky'],
    ['https://www.instagram.com/p/C1a2b3c4d5e/', 'instagram'],
    ['https://www.facebook.com/nasa/videos/1234567890123/', 'facebook'],
    ['https://www.tiktok.com/@scout2015/video/6718335390845095173', 'tiktok'],
    ['https://www.google.com/maps/place/Leeds', 'googlemaps'],
    ['https://www.documentcloud.org/documents/20059068-the-mueller-report', 'documentcloud'],
  ])('%s is a %s embed', (url, provider) => {
    expect(parseEmbedUrl(url)?.provider).toBe(provider);
  });

  it.each([
    'http://www.youtube.com/watch?v=dQw4w9WgXcQ', // not https
    'https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ', // look-alike host
    'https://user:pw@www.youtube.com/watch?v=dQw4w9WgXcQ', // credentials
    'https://www.youtube.com/channel/UC123', // not an item
    'https://x.com/nasa', // a profile, not a post
    'https://example.com/video', // unknown provider
    'javascript:alert(1)',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ and more', // text around it
  ])('%s stays a link', (url) => {
    expect(parseEmbedUrl(url)).toBeNull();
  });

  it('drops the fragment', () => {
    expect(parseEmbedUrl('https://vimeo.com/76979871#t=10')?.url).toBe('https://vimeo.com/76979871');
  });
});

const doc = (...children: unknown[]): LexicalDocument => ({ root: { type: 'root', version: 1, format: '', indent: 0, direction: null, children } }) as unknown as LexicalDocument;
const embed = (url: string, provider: string, title = '') => ({ type: 'embed', version: 1, url, provider, title });
const photoSrc = () => null;

describe('embeds in the outputs', () => {
  const body = doc(embed('https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=a"b', 'youtube', 'Launch <live>'));

  it('HTML: a figure with a plain link, kept by the sanitizer', () => {
    const html = articleBodyHtml(body, { photoSrc });
    expect(html).toBe('<figure class="embed embed-youtube"><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;list=a%22b">YouTube: Launch &lt;live&gt;</a></figure>\n');
    expect(cleanArticleHtml(html)).toBe(html);
  });

  it('HTML: a stored address off the allow-list prints nothing', () => {
    expect(articleBodyHtml(doc(embed('https://evil.example/x', 'youtube')), { photoSrc })).toBe('');
  });

  it('WordPress: an embed block with the URL, a player typed as video with the classes WordPress writes', () => {
    const html = wordpressEmbedBlocks(cleanArticleHtml(articleBodyHtml(body, { photoSrc })));
    expect(html).toBe(
      '<!-- wp:embed {"url":"https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=a%22b","type":"video","providerNameSlug":"youtube"} -->\n' +
        '<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">\n' +
        'https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;list=a%22b\n</div></figure>\n<!-- /wp:embed -->\n',
    );
  });

  it('Ghost: an embed card', () => {
    expect(embedToGhostCard({ provider: 'bluesky', url: 'https://bsky.app/profile/a.b/post/3l6oveex3ii2l', title: '' })).toEqual({
      type: 'embed',
      version: 1,
      url: 'https://bsky.app/profile/a.b/post/3l6oveex3ii2l',
      embedType: 'rich',
      html: '<a href="https://bsky.app/profile/a.b/post/3l6oveex3ii2l">https://bsky.app/profile/a.b/post/3l6oveex3ii2l</a>',
      metadata: { provider_name: 'Bluesky' },
      caption: '',
    });
  });
});
