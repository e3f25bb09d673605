import { afterAll, beforeAll, describe, expect } from 'vitest';
import { ghostSkipReason, startGhost, type GhostSite } from '../ghost/ghost-server';
import { ghostAdmin, openGhostDesk } from './ghost-publish-helpers';
import { killTests } from './site-kill-helpers';
import { startRecordingProxy, type PublishingDesk, type RecordingProxy } from './wordpress-publish-helpers';

const skipReason = ghostSkipReason();
if (skipReason) console.warn(`[ghost-kill] skipped: ${skipReason}`);

describe.skipIf(skipReason !== null)('kill notices on a real Ghost', () => {
  let site: GhostSite;
  let proxy: RecordingProxy;
  let desk: PublishingDesk;
  let admin: ReturnType<typeof ghostAdmin>;

  beforeAll(async () => {
    site = await startGhost();
    proxy = await startRecordingProxy(site.url);
    desk = await openGhostDesk(site, proxy.url);
    admin = ghostAdmin(site);
  }, 180_000);

  afterAll(async () => {
    await desk?.close();
    await proxy?.close();
    await site?.stop();
  });

  killTests({
    desk: () => desk,
    proxy: () => proxy,
    liveStatus: 'published',
    read: async (postId) => {
      const post = await admin.post(postId);
      // Ghost's own HTML rendering of the post, as readers get it.
      return { status: post.status, title: post.title, excerpt: post.custom_excerpt ?? '', html: post.html ?? '' };
    },
    editOnSite: async (postId) => {
      const before = await admin.post(postId);
      const edited = await admin.call('PUT', `/posts/${postId}/`, { posts: [{ title: 'Edited on the site', updated_at: before.updated_at }] });
      expect(edited.status).toBe(200);
    },
    write: (postId) => ({ method: 'PUT', path: `/ghost/api/admin/posts/${postId}/`, line: `PUT /ghost/api/admin/posts/${postId}/` }),
  });
});
