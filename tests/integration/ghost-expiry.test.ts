import { afterAll, beforeAll, describe, expect } from 'vitest';
import { ghostSkipReason, startGhost, type GhostSite } from '../ghost/ghost-server';
import { ghostAdmin, openGhostDesk } from './ghost-publish-helpers';
import { expiryTests } from './site-expiry-helpers';
import type { PublishingDesk } from './wordpress-publish-helpers';

const skipReason = ghostSkipReason();
if (skipReason) console.warn(`[ghost-expiry] skipped: ${skipReason}`);

describe.skipIf(skipReason !== null)('expiry on a real Ghost', () => {
  let site: GhostSite;
  let desk: PublishingDesk;
  let admin: ReturnType<typeof ghostAdmin>;

  beforeAll(async () => {
    site = await startGhost();
    desk = await openGhostDesk(site, site.url);
    admin = ghostAdmin(site);
  }, 180_000);

  afterAll(async () => {
    await desk?.close();
    await site?.stop();
  });

  expiryTests({
    desk: () => desk,
    liveStatus: 'published',
    status: async (postId) => (await admin.post(postId)).status,
    editOnSite: async (postId) => {
      const before = await admin.post(postId);
      const edited = await admin.call('PUT', `/posts/${postId}/`, { posts: [{ title: 'Edited on the site', updated_at: before.updated_at }] });
      expect(edited.status).toBe(200);
    },
  });
});
