import { afterAll, beforeAll, describe, expect } from 'vitest';
import { ghostSkipReason, startGhost, type GhostSite } from '../ghost/ghost-server';
import { ghostAdmin, openGhostDesk } from './ghost-publish-helpers';
import { photoKillTests } from './photo-kill-helpers';
import type { PublishingDesk } from './wordpress-publish-helpers';

const skipReason = ghostSkipReason();
if (skipReason) console.warn(`[ghost-photo-kill] skipped: ${skipReason}`);

describe.skipIf(skipReason !== null)('a photo kill on a real Ghost', () => {
  let site: GhostSite;
  let desk: PublishingDesk;
  let admin: ReturnType<typeof ghostAdmin>;

  beforeAll(async () => {
    site = await startGhost();
    desk = await openGhostDesk(site, site.url);
    admin = ghostAdmin(site);
  }, 300_000);

  afterAll(async () => {
    await desk?.close();
    await site?.stop();
  });

  photoKillTests({
    desk: () => desk,
    liveStatus: 'published',
    read: async (postId) => {
      const post = await admin.post(postId);
      // Each upload is a new file under Ghost's images folder, named by the desk.
      if (post.feature_image) expect(post.feature_image).toMatch(/\/content\/images\/\d{4}\/\d{2}\/nd[a-f0-9]{24}\.jpg$/);
      return { status: post.status, featured: post.feature_image ?? '', alt: post.feature_image_alt ?? '', html: post.html ?? '' };
    },
  });
});
