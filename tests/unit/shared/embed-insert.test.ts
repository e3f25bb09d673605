import { describe, expect, it } from 'vitest';
import { decideEmbedInsert, EMBED_PROVIDER_LIST } from '../../../shared/rules/embed-insert';

// The Insert embed dialog's decision: an allow-listed address becomes an embed; anything else is
// refused with a sentence, and an ordinary web address is offered as a link instead.

describe('what the Insert embed dialog does with an address', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['  https://bsky.app/profile/bsky.app/post/3l6oveex3ii2l  ', 'bluesky', 'https://bsky.app/profile/bsky.app/post/3l6oveex3ii2l'],
    // Pasted without a scheme, as an address bar copies it on some systems.
    ['youtube.com/watch?v=dQw4w9WgXcQ', 'youtube', 'https://youtube.com/watch?v=dQw4w9WgXcQ'],
    ['www.tiktok.com/@scout2015/video/6718335390845095173', 'tiktok', 'https://www.tiktok.com/@scout2015/video/6718335390845095173'],
  ])('%s is embedded as %s', (input, provider, url) => {
    expect(decideEmbedInsert(input)).toEqual({ kind: 'embed', embed: { provider, url } });
  });

  it('an address of another site is refused by name and offered as a link', () => {
    expect(decideEmbedInsert('https://example.com/story')).toEqual({
      kind: 'link',
      url: 'https://example.com/story',
      message: 'example.com is not a provider Newsdesk embeds; it stays a link.',
    });
  });

  it("a provider's address that is not one item says what is missing", () => {
    const decision = decideEmbedInsert('https://www.youtube.com/channel/UC123');
    expect(decision).toMatchObject({ kind: 'link', url: 'https://www.youtube.com/channel/UC123' });
    expect(decision.kind === 'link' && decision.message).toBe('This YouTube address is not a single video Newsdesk can embed; it stays a link.');
  });

  it('a provider over plain http is not embedded, and says why', () => {
    const decision = decideEmbedInsert('http://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(decision.kind).toBe('link');
    expect(decision.kind === 'link' && decision.message).toContain('secure address (https://)');
  });

  it('a look-alike host is not the provider', () => {
    const decision = decideEmbedInsert('https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ');
    expect(decision).toMatchObject({ kind: 'link', message: 'www.youtube.com.evil.example is not a provider Newsdesk embeds; it stays a link.' });
  });

  it.each([
    ['', 'Paste the address of a post, video, map or document.'],
    ['   ', 'Paste the address of a post, video, map or document.'],
    ['not an address', 'That is not a web address. Paste the full address, starting with https://.'],
    ['javascript:alert(1)', 'Only web addresses (https://…) can be embedded or linked.'],
    ['file:///etc/passwd', 'Only web addresses (https://…) can be embedded or linked.'],
    ['data:text/html,<script>alert(1)</script>', 'Only web addresses (https://…) can be embedded or linked.'],
  ])('%j is neither an embed nor a link', (input, message) => {
    expect(decideEmbedInsert(input)).toEqual({ kind: 'invalid', message });
  });

  it('names every provider for the dialog', () => {
    expect(EMBED_PROVIDER_LIST).toBe('YouTube, Vimeo, X, Bluesky, Instagram, Facebook, TikTok, Google Maps and DocumentCloud');
  });
});
