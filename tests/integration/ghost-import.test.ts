import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageNodeJson } from '../../shared/model/photo-use';
import { adminApiBase, ghostAdminToken } from '../../electron/main/services/publishing/ghost/ghost-api';
import { ghostSkipReason, startGhost, type GhostSite } from '../ghost/ghost-server';
import { ghostAdmin, openGhostDesk, type AdminPost } from './ghost-publish-helpers';
import { importHandlersOf, importPosts, listPosts, pictureBytes } from './site-import-helpers';
import { attempt, newJob, type PublishingDesk } from './wordpress-publish-helpers';

const skipReason = ghostSkipReason();
if (skipReason) console.warn(`[ghost-import] skipped: ${skipReason}`);

describe.skipIf(skipReason !== null)('importing posts from a real Ghost', () => {
  let site: GhostSite;
  let desk: PublishingDesk;
  let admin: ReturnType<typeof ghostAdmin>;

  /** A picture uploaded straight to the site, as an editor there would; its address on the site. */
  const upload = async (seed: number): Promise<string> => {
    const dir = join(desk.dir, 'site-pictures');
    await mkdir(dir, { recursive: true });
    const form = new FormData();
    form.append('file', new Blob([(await pictureBytes(dir, seed)).slice()], { type: 'image/jpeg' }), `quay-${seed}.jpg`);
    form.append('purpose', 'image');
    const response = await fetch(`${adminApiBase(site.url)}/images/upload/`, {
      method: 'POST',
      headers: { Authorization: `Ghost ${await ghostAdminToken(site.adminApiKey)}`, 'Accept-Version': 'v5.0' },
      body: form,
    });
    const body = (await response.json()) as { images?: { url: string }[] };
    if (!response.ok || !body.images?.[0]) throw new Error(`image upload: HTTP ${response.status} ${JSON.stringify(body)}`);
    return body.images[0].url;
  };

  beforeAll(async () => {
    site = await startGhost();
    desk = await openGhostDesk(site, site.url);
    admin = ghostAdmin(site);
  }, 180_000);

  afterAll(async () => {
    await desk?.close();
    await site?.stop();
  });

  it('a post written in Ghost comes in with its photos, captions and credits, and the next push updates that post', async () => {
    const feature = await upload(41);
    const inline = await upload(42);
    const html = `<p>The quay reopened on <strong>Monday</strong>.</p><figure class="kg-card kg-image-card kg-card-hascaption"><img src="${inline}" class="kg-image" alt="Cranes at the quay"><figcaption>Cranes unload the first ship (John Smith/AFP)</figcaption></figure><p>More to come.</p>`;
    const { status, json } = await admin.call<{ posts: AdminPost[] }>('POST', '/posts/?source=html', {
      posts: [{ title: 'Quay reopens', custom_excerpt: 'Ships are back.', html, status: 'published', slug: 'quay-reopens', feature_image: feature, feature_image_caption: 'The quay at dawn (Jane Doe/Reuters)', feature_image_alt: 'Boats along the quay' }],
    });
    expect(status).toBe(201);
    const created = json.posts[0]!;

    const handlers = importHandlersOf(desk);
    const page = await listPosts(handlers, desk.target.id, 'Quay');
    expect(page.posts.map((post) => [post.remoteId, post.title, post.status, post.importedAs])).toEqual([[created.id, 'Quay reopens', 'published', null]]);
    expect(page.posts[0]!.author).not.toBe('');

    const [result] = await importPosts(handlers, desk.target.id, [created.id]);
    expect(result).toMatchObject({ outcome: 'imported', message: 'Imported as “Quay reopens”.', leftOut: [] });
    const article = await desk.drafts.get(result!.articleId!);
    expect(article).toMatchObject({ headline: 'Quay reopens', dek: 'Ships are back.', slug: 'quay-reopens' });
    const photo = (article.body.root.children as { type: string }[]).find((node) => node.type === 'newsdesk-photo') as unknown as ImageNodeJson;
    expect(photo).toMatchObject({ captionText: 'Cranes unload the first ship', credit: 'John Smith/AFP', altText: 'Cranes at the quay' });
    expect(article.leadPhoto).toMatchObject({ caption: 'The quay at dawn', credit: 'Jane Doe/Reuters', altText: 'Boats along the quay' });
    const [leadPhoto] = await desk.media.getMany([article.leadPhoto!.photoId]);
    expect(leadPhoto!.metadata).toMatchObject({ description: 'The quay at dawn', creditLine: 'Jane Doe/Reuters' });

    const [again] = await importPosts(handlers, desk.target.id, [created.id]);
    expect(again).toMatchObject({ outcome: 'skipped', articleId: article.id });

    await desk.drafts.save({ ...article, headline: 'Quay reopens: ferries on Friday' }, 'manual');
    const pushed = await attempt(desk.publisher, newJob(article.id, desk.target.id));
    expect(pushed.error).toBeNull();
    expect(pushed.outcome).toMatchObject({ kind: 'done', remote: { postId: created.id } });
    const after = await admin.post(created.id);
    expect(after.title).toBe('Quay reopens: ferries on Friday');
    // The pictures already on the site are used again, not uploaded a second time.
    expect(after.feature_image).toBe(feature);
    expect(after.feature_image_caption).toContain('Jane Doe/Reuters');
    expect(after.lexical).toContain(inline);
    expect(await admin.postsTitled('Quay reopens')).toHaveLength(0);
    expect(await admin.postsTitled('Quay reopens: ferries on Friday')).toHaveLength(1);
  });

  it('the post’s tags come in by name: the primary tag is the section; a feed’s tag and internal tags are left to the site', async () => {
    const { status, json } = await admin.call<{ posts: AdminPost[] }>('POST', '/posts/?source=html', {
      posts: [{ title: 'Council votes the harbour budget', html: '<p>The vote was close.</p>', status: 'published', tags: [{ name: 'Politics & Budget' }, { name: 'News Feed' }, { name: 'Harbour' }, { name: '#imported' }, { name: 'Storms' }] }],
    });
    expect(status).toBe(201);
    const [result] = await importPosts(importHandlersOf(desk), desk.target.id, [json.posts[0]!.id]);
    expect(result).toMatchObject({ outcome: 'imported', leftOut: [] });
    expect(await desk.drafts.get(result!.articleId!)).toMatchObject({ section: 'Politics & Budget', tags: ['Harbour', 'Storms'] });
  });

  it('pages through posts published in the same second without showing one twice or leaving one out, even as one is edited meanwhile', async () => {
    const at = '2026-11-30T08:00:00.000Z';
    const made: string[] = [];
    for (let n = 1; n <= 7; n += 1) {
      const { status, json } = await admin.call<{ posts: AdminPost[] }>('POST', '/posts/?source=html', {
        posts: [{ title: `Batch wire story ${n}`, html: `<p>Wire ${n}.</p>`, status: 'published', published_at: at }],
      });
      expect(status).toBe(201);
      made.push(json.posts[0]!.id);
    }
    const handlers = importHandlersOf(desk);
    const seen: string[] = [];
    for (let page = 1; page <= 4; page += 1) {
      const listed = await listPosts(handlers, desk.target.id, 'Batch wire story', page, 2);
      seen.push(...listed.posts.map((post) => String(post.remoteId)));
      if (page === 1) {
        // Someone edits the oldest of them on the site while the editor turns the pages: it must not move.
        const current = await admin.post(made[0]!);
        const edited = await admin.call('PUT', `/posts/${made[0]!}/`, { posts: [{ title: 'Batch wire story 1, edited', updated_at: current.updated_at }] });
        expect(edited.status).toBe(200);
      }
    }
    expect([...seen].sort()).toEqual([...made].sort());
  });
});
