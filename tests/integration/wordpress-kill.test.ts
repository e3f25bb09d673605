import { afterAll, beforeAll, describe } from 'vitest';
import { startWordPress, wordPressSkipReason, type WordPressSite } from '../wordpress/wordpress-server';
import { killTests } from './site-kill-helpers';
import { openPublishingDesk, restClient, startRecordingProxy, type PublishingDesk, type RecordingProxy, type RestPost } from './wordpress-publish-helpers';

const skipReason = wordPressSkipReason();
if (skipReason) console.warn(`[wordpress-kill] skipped: ${skipReason}`);

describe.skipIf(skipReason !== null)('kill notices on a real WordPress', () => {
  let site: WordPressSite;
  let proxy: RecordingProxy;
  let desk: PublishingDesk;
  let rest: ReturnType<typeof restClient>;

  beforeAll(async () => {
    site = await startWordPress();
    proxy = await startRecordingProxy(site.url);
    desk = await openPublishingDesk(site, proxy.url);
    rest = restClient(site);
  }, 120_000);

  afterAll(async () => {
    await desk?.close();
    await proxy?.close();
    await site?.stop();
  });

  killTests({
    desk: () => desk,
    proxy: () => proxy,
    liveStatus: 'publish',
    read: async (postId) => {
      const post = await rest.get<RestPost>(`/posts/${postId}?context=edit`);
      // The content as the site renders it for readers (the raw field is what Newsdesk sent).
      const shown = await rest.get<{ content: { rendered: string } }>(`/posts/${postId}`);
      return { status: post.status, title: post.title.raw, excerpt: post.excerpt.raw, html: shown.content.rendered };
    },
    editOnSite: async (postId) => void (await rest.post(`/posts/${postId}`, { title: 'Edited on the site' })),
    write: (postId) => ({ method: 'POST', path: `/wp/v2/posts/${postId}`, line: `POST /wp/v2/posts/${postId}` }),
  });
});
