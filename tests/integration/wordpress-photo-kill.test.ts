import { afterAll, beforeAll, describe } from 'vitest';
import { startWordPress, wordPressSkipReason, type WordPressSite } from '../wordpress/wordpress-server';
import { photoKillTests } from './photo-kill-helpers';
import { openPublishingDesk, restClient, type PublishingDesk, type RestMedia, type RestPost } from './wordpress-publish-helpers';

const skipReason = wordPressSkipReason();
if (skipReason) console.warn(`[wordpress-photo-kill] skipped: ${skipReason}`);

describe.skipIf(skipReason !== null)('a photo kill on a real WordPress', () => {
  let site: WordPressSite;
  let desk: PublishingDesk;
  let rest: ReturnType<typeof restClient>;

  beforeAll(async () => {
    site = await startWordPress();
    desk = await openPublishingDesk(site, site.url);
    rest = restClient(site);
  }, 120_000);

  afterAll(async () => {
    await desk?.close();
    await site?.stop();
  });

  photoKillTests({
    desk: () => desk,
    liveStatus: 'publish',
    read: async (postId) => {
      const post = await rest.get<RestPost>(`/posts/${postId}?context=edit`);
      const alt = post.featured_media ? (await rest.get<RestMedia>(`/media/${post.featured_media}?context=edit`)).alt_text : '';
      // The content as the site renders it for readers (the raw field is what Newsdesk sent).
      const shown = await rest.get<{ content: { rendered: string } }>(`/posts/${postId}`);
      return { status: post.status, featured: String(post.featured_media), alt, html: shown.content.rendered };
    },
  });
});
