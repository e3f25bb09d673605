import { afterAll, beforeAll, describe } from 'vitest';
import { startWordPress, wordPressSkipReason, type WordPressSite } from '../wordpress/wordpress-server';
import { expiryTests } from './site-expiry-helpers';
import { openPublishingDesk, restClient, type PublishingDesk, type RestPost } from './wordpress-publish-helpers';

const skipReason = wordPressSkipReason();
if (skipReason) console.warn(`[wordpress-expiry] skipped: ${skipReason}`);

describe.skipIf(skipReason !== null)('expiry on a real WordPress', () => {
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

  expiryTests({
    desk: () => desk,
    liveStatus: 'publish',
    status: async (postId) => (await rest.get<RestPost>(`/posts/${postId}?context=edit`)).status,
    // Within the same second as the push too: the record's content fingerprint tells the edit apart.
    editOnSite: async (postId) => void (await rest.post(`/posts/${postId}`, { title: 'Edited on the site' })),
  });
});
