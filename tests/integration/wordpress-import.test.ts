import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageNodeJson } from '../../shared/model/photo-use';
import { startWordPress, wordPressSkipReason, type WordPressSite } from '../wordpress/wordpress-server';
import { importHandlersOf, importPosts, listPosts, pictureBytes } from './site-import-helpers';
import { attempt, newJob, openPublishingDesk, restClient, type PublishingDesk, type RestMedia, type RestPost, type RestTerm } from './wordpress-publish-helpers';

const skipReason = wordPressSkipReason();
if (skipReason) console.warn(`[wordpress-import] skipped: ${skipReason}`);

describe.skipIf(skipReason !== null)('importing posts from a real WordPress', () => {
  let site: WordPressSite;
  let desk: PublishingDesk;
  let rest: ReturnType<typeof restClient>;

  /** A picture uploaded straight to the site's media library, as an editor there would. */
  const upload = async (seed: number, caption: string, alt: string): Promise<RestMedia> => {
    const dir = join(desk.dir, 'site-pictures');
    await mkdir(dir, { recursive: true });
    const form = new FormData();
    form.append('file', new Blob([(await pictureBytes(dir, seed)).slice()], { type: 'image/jpeg' }), `harbour-${seed}.jpg`);
    form.append('caption', caption);
    form.append('alt_text', alt);
    const response = await fetch(`${site.url}/wp-json/wp/v2/media`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${site.user}:${site.appPassword}`).toString('base64')}` },
      body: form,
    });
    if (!response.ok) throw new Error(`media upload: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as RestMedia;
  };

  beforeAll(async () => {
    site = await startWordPress();
    desk = await openPublishingDesk(site, site.url);
    rest = restClient(site);
  }, 120_000);

  afterAll(async () => {
    await desk?.close();
    await site?.stop();
  });

  it('a post written on the site comes in with its text, photos, captions and credits, and the next push updates that post', async () => {
    const lead = await upload(31, 'Harbour at dawn (Jane Doe/Reuters)', 'Boats in the harbour at dawn');
    const inline = await upload(32, 'unused', 'unused');
    const content = [
      '<!-- wp:paragraph --><p>The harbour reopened on <strong>Monday</strong> after the storm.</p><!-- /wp:paragraph -->',
      `<!-- wp:image {"id":${inline.id}} --><figure class="wp-block-image size-large"><img src="${inline.source_url}" alt="Cranes at the quay" class="wp-image-${inline.id}"/><figcaption class="wp-element-caption">Cranes unload the first ship (John Smith/AFP)</figcaption></figure><!-- /wp:image -->`,
      '<!-- wp:heading --><h2 class="wp-block-heading">What comes next</h2><!-- /wp:heading -->',
      '<!-- wp:list --><ul class="wp-block-list"><li>Ferries on Friday</li><li>Cargo next week</li></ul><!-- /wp:list -->',
    ].join('\n\n');
    const created = await rest.post<RestPost>('/posts?context=edit', { title: 'Harbour reopens after the storm', excerpt: 'Ships are back in port.', content, status: 'publish', featured_media: lead.id, slug: 'harbour-reopens' });
    const postsBefore = await rest.total('/posts?status=publish,draft,future,private');
    const mediaBefore = await rest.total('/media');

    const handlers = importHandlersOf(desk);
    const page = await listPosts(handlers, desk.target.id, 'Harbour reopens');
    expect(page.posts.map((post) => [post.remoteId, post.title, post.status, post.importedAs])).toEqual([[created.id, 'Harbour reopens after the storm', 'publish', null]]);
    expect(page.posts[0]!.author).not.toBe('');

    const [result] = await importPosts(handlers, desk.target.id, [created.id]);
    expect(result).toMatchObject({ outcome: 'imported', message: 'Imported as “Harbour reopens after the storm”.', leftOut: [] });
    const article = await desk.drafts.get(result!.articleId!);
    expect(article).toMatchObject({ headline: 'Harbour reopens after the storm', dek: 'Ships are back in port.', slug: 'harbour-reopens', status: 'draft' });
    const blocks = article.body.root.children as { type: string; tag?: string }[];
    expect(blocks.map((block) => (block.type === 'heading' ? `heading:${block.tag}` : block.type))).toEqual(['paragraph', 'newsdesk-photo', 'heading:h2', 'list']);
    const inlineNode = blocks[1] as unknown as ImageNodeJson;
    expect(inlineNode).toMatchObject({ captionText: 'Cranes unload the first ship', credit: 'John Smith/AFP', creditEdited: false, altText: 'Cranes at the quay' });
    expect(article.leadPhoto).toMatchObject({ caption: 'Harbour at dawn', credit: 'Jane Doe/Reuters', altText: 'Boats in the harbour at dawn', creditEdited: false });

    // Both pictures are in the library, with the site's caption and credit where the files had none.
    const [leadPhoto, inlinePhoto] = await desk.media.getMany([article.leadPhoto!.photoId, inlineNode.photoId]);
    expect(leadPhoto!.metadata).toMatchObject({ description: 'Harbour at dawn', creditLine: 'Jane Doe/Reuters', altText: 'Boats in the harbour at dawn' });
    expect(inlinePhoto!.metadata).toMatchObject({ description: 'Cranes unload the first ship', creditLine: 'John Smith/AFP' });

    // Imported once: asked again, it is skipped and says where it is.
    const [again] = await importPosts(handlers, desk.target.id, [created.id]);
    expect(again).toMatchObject({ outcome: 'skipped', articleId: article.id, message: 'Already in Newsdesk as “Harbour reopens after the storm”; not imported twice.' });
    expect((await listPosts(handlers, desk.target.id, 'Harbour reopens')).posts[0]!.importedAs).toEqual({ articleId: article.id, headline: 'Harbour reopens after the storm' });

    // Edited here and pushed: the same post is updated, the site's media re-used, nothing created.
    await desk.drafts.save({ ...article, headline: 'Harbour reopens: ferries back on Friday' }, 'manual');
    const pushed = await attempt(desk.publisher, newJob(article.id, desk.target.id));
    expect(pushed.error).toBeNull();
    expect(pushed.outcome).toMatchObject({ kind: 'done', remote: { postId: created.id } });
    const after = await rest.get<RestPost>(`/posts/${created.id}?context=edit`);
    expect(after.title.raw).toBe('Harbour reopens: ferries back on Friday');
    expect(after.featured_media).toBe(lead.id);
    expect(after.content.raw).toContain(inline.source_url);
    expect(after.content.raw).toContain('John Smith/AFP');
    expect(await rest.total('/posts?status=publish,draft,future,private')).toBe(postsBefore);
    expect(await rest.total('/media')).toBe(mediaBefore);
  });

  it('a picture that is gone from the site is left out and said; the article is still imported and linked', async () => {
    const content = `<p>Words survive.</p><figure class="wp-block-image"><img src="${site.url}/wp-content/uploads/2020/01/never-there.jpg" alt=""/></figure>`;
    const created = await rest.post<RestPost>('/posts?context=edit', { title: 'A story with a lost picture', content, status: 'draft' });
    const handlers = importHandlersOf(desk);
    const [result] = await importPosts(handlers, desk.target.id, [created.id]);
    expect(result!.outcome).toBe('imported');
    expect(result!.message).toBe('Imported as “A story with a lost picture”, with one thing left out.');
    expect(result!.leftOut).toEqual([`The picture ${site.url}/wp-content/uploads/2020/01/never-there.jpg could not be brought in (127.0.0.1 answered 404 Not Found); it was left out.`]);
    const record = await desk.records.get(desk.target.id, result!.articleId!);
    expect(record?.postId).toBe(created.id);
    const article = await desk.drafts.get(result!.articleId!);
    expect(JSON.stringify(article.body)).toContain('Words survive.');
  });

  it('the post’s categories and tags come in by name: the category is the section, a feed’s and the default one none', async () => {
    const politics = await rest.post<RestTerm>('/categories', { name: 'Politics & Budget' });
    // A feed's name, as a push adds for a story placed in it (DEFAULT_FEEDS): the board's placement, not a section.
    const feed = await rest.post<RestTerm>('/categories', { name: 'News Feed' });
    const other = await rest.post<RestTerm>('/categories', { name: 'Harbour life' });
    const tags = await Promise.all(['Harbour', 'Storms'].map((name) => rest.post<RestTerm>('/tags', { name })));
    const created = await rest.post<RestPost>('/posts?context=edit', {
      title: 'Council votes the harbour budget',
      content: '<p>The vote was close.</p>',
      status: 'publish',
      categories: [politics.id, feed.id],
      tags: tags.map((tag) => tag.id),
    });
    const twoSections = await rest.post<RestPost>('/posts?context=edit', { title: 'A post in two sections', content: '<p>Words.</p>', status: 'draft', categories: [politics.id, other.id] });
    const plain = await rest.post<RestPost>('/posts?context=edit', { title: 'A post without a category', content: '<p>Words.</p>', status: 'draft' });
    const handlers = importHandlersOf(desk);
    const [result, uncategorized, two] = await importPosts(handlers, desk.target.id, [created.id, plain.id, twoSections.id]);
    expect(result!.leftOut).toEqual([]);
    expect(await desk.drafts.get(result!.articleId!)).toMatchObject({ section: 'Politics & Budget', tags: ['Harbour', 'Storms'] });
    expect(uncategorized!.leftOut).toEqual([]);
    expect(await desk.drafts.get(uncategorized!.articleId!)).toMatchObject({ section: '', tags: [] });
    // WordPress keeps a post's categories by name, not in the order they were given: the first by name is the section.
    expect(two!.leftOut).toEqual(['The categories “Politics & Budget” were not kept: an article has one section (“Harbour life”).']);
    expect((await desk.drafts.get(two!.articleId!)).section).toBe('Harbour life');

    // Pushed back, the post keeps its section and tags: the same terms, none created.
    const pushed = await attempt(desk.publisher, newJob(result!.articleId!, desk.target.id));
    expect(pushed.error).toBeNull();
    const after = await rest.get<RestPost>(`/posts/${created.id}?context=edit`);
    expect(after.categories).toEqual([politics.id]);
    expect([...after.tags].sort()).toEqual(tags.map((tag) => tag.id).sort());
  });
});
