import type { ServerResponse } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/main/ipc/dispatcher';
import type { Channel, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { AppError } from '../../../shared/ipc/result';
import { memorySettingsStore, openTestServices } from '../../support/test-services';
import { httpServer } from './http-test-servers';

/**
 * "Import from site…" through the channels, against a site on loopback that answers what a broken
 * or hostile site may answer: HTML where JSON was asked, JSON that is no list, a post without its
 * content, a picture that is gone. Each gives a sentence; what can be imported is.
 */

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

type Answer = { status: number; type: string; body: string | Uint8Array; headers?: Record<string, string> };
const json = (value: unknown, headers: Record<string, string> = {}): Answer => ({ status: 200, type: 'application/json', body: JSON.stringify(value), headers });

async function fakeSite(routes: Record<string, () => Answer>) {
  const asked: string[] = [];
  const server = await httpServer((request, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://site');
    // Both ways WordPress's API is reached: /wp-json/… and ?rest_route=…
    const path = url.searchParams.get('rest_route') ?? url.pathname.replace(/^\/wp-json/, '');
    asked.push(`${request.method} ${path}`);
    const answer = routes[path]?.() ?? { status: 404, type: 'text/html', body: '<!doctype html><title>Not found</title><p>Nothing here.</p>' };
    response.writeHead(answer.status, { 'content-type': answer.type, ...answer.headers });
    response.end(answer.body);
  });
  cleanups.push(() => server.close());
  return { url: server.url, asked };
}

async function openDesk() {
  const dataDir = await mkdtemp(join(tmpdir(), 'newsdesk-site-import-'));
  const services = await openTestServices(dataDir, { settingsStore: memorySettingsStore(), remoteImages: { allowLoopback: true } });
  cleanups.push(async () => {
    await services.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  const dispatch = createDispatcher(services.handlers, { trustedOrigins: ['app://newsdesk'] });
  const caller = { url: 'app://newsdesk/index.html', isMainFrame: true };
  return {
    services,
    async call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
      const result = await dispatch(channel, request, caller);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
      return result.value as ResponseOf<C>;
    },
    async failure<C extends Channel>(channel: C, request: RequestOf<C>): Promise<AppError> {
      const result = await dispatch(channel, request, caller);
      if (result.ok) throw new Error(`${channel} succeeded but was expected to fail`);
      return result.error;
    },
  };
}

type Desk = Awaited<ReturnType<typeof openDesk>>;

async function wordPressTarget(desk: Desk, siteUrl: string): Promise<string> {
  const target = await desk.call('targets:save', { kind: 'wordpress', name: 'The Daily', siteUrl, user: 'editor', secret: 'abcd efgh ijkl mnop' });
  return target.id;
}

const jpeg = (seed: number): Promise<Buffer> =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: { r: seed, g: 120, b: 200 } } }).jpeg().toBuffer();

function post(id: number, html: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    status: 'publish',
    slug: `post-${id}`,
    link: `http://site/post-${id}/`,
    date_gmt: '2026-12-01T08:00:00',
    modified_gmt: '2026-12-01T09:00:00',
    author: 3,
    featured_media: 0,
    title: { raw: `Post ${id} &amp; more` },
    excerpt: { raw: 'The dek.' },
    content: { raw: html },
    ...extra,
  };
}

describe('importing from a site that answers badly', () => {
  it('HTML where the list of posts should be: a sentence naming the site, no crash', async () => {
    const site = await fakeSite({ '/wp/v2/posts': () => ({ status: 200, type: 'text/html; charset=UTF-8', body: '<!doctype html><h1>Maintenance</h1>' }) });
    const desk = await openDesk();
    const targetId = await wordPressTarget(desk, site.url);
    const failure = await desk.failure('siteImport:list', { targetId });
    expect(failure.code).toBe('io');
    expect(failure.message).toBe('The posts of “The Daily” could not be listed: WordPress answered the request to list the posts with something that is not JSON (HTTP 200).');
  });

  it('JSON that is not a list of posts, and entries that are not posts', async () => {
    const desk = await openDesk();
    const object = await fakeSite({ '/wp/v2/posts': () => json({ code: 'surprise', posts: 'none' }) });
    const failure = await desk.failure('siteImport:list', { targetId: await wordPressTarget(desk, object.url) });
    expect(failure.message).toContain('WordPress answered the list of posts with something that is not a list of posts.');

    const mixed = await fakeSite({
      '/wp/v2/posts': () => json([post(5, '<p>Hi</p>'), { id: 'x' }, null, 7], { 'x-wp-total': '4', 'x-wp-totalpages': '1' }),
      '/wp/v2/users': () => json([{ id: 3, name: 'Lucy Pakhnyuk' }]),
    });
    const page = await desk.call('siteImport:list', { targetId: await wordPressTarget(desk, mixed.url), search: 'harbour' });
    expect(page.posts).toEqual([{ remoteId: 5, title: 'Post 5 & more', date: '2026-12-01T08:00:00.000Z', status: 'publish', author: 'Lucy Pakhnyuk', link: 'http://site/post-5/', importedAs: null }]);
    expect(page).toMatchObject({ page: 1, totalPages: 1, total: 4 });
    expect(mixed.asked).toContain('GET /wp/v2/posts');
  });

  it('a post without content fails with a sentence; a gone picture is left out and said; the rest is imported once', async () => {
    const picture = await jpeg(10);
    const site = await fakeSite({
      '/wp/v2/posts/7': () =>
        json(post(7, '<p>Opening words.</p><figure><img src="/pics/ok.jpg" alt="A crane"><figcaption>The crane (Jane Doe/Reuters)</figcaption></figure><figure><img src="/pics/gone.jpg"></figure><iframe src="https://video.example/x"></iframe>')),
      '/wp/v2/posts/8': () => json({ id: 8, status: 'publish' }),
      '/wp/v2/posts/9': () => ({ status: 200, type: 'application/json', body: '{"id": 9, "title": ' }),
      '/wp/v2/users': () => json([{ id: 3, name: 'Lucy Pakhnyuk' }]),
      '/pics/ok.jpg': () => ({ status: 200, type: 'image/jpeg', body: picture }),
    });
    const desk = await openDesk();
    const targetId = await wordPressTarget(desk, site.url);
    const { results } = await desk.call('siteImport:import', { targetId, postIds: [7, 8, 9, 7] });
    expect(results.map((result) => result.outcome)).toEqual(['imported', 'failed', 'failed', 'skipped']);

    const [imported, noContent, brokenJson, again] = results;
    expect(imported!.message).toBe('Imported as “Post 7 & more”, with 2 things left out.');
    expect(imported!.leftOut).toHaveLength(2);
    expect(imported!.leftOut[0]).toMatch(/^The picture http:\/\/127\.0\.0\.1:\d+\/pics\/gone\.jpg could not be brought in \(127\.0\.0\.1 answered 404 Not Found\); it was left out\.$/);
    expect(imported!.leftOut[1]).toBe('The CMS version holds an embedded frame, which Newsdesk articles cannot hold; it was left out.');
    expect(noContent!.message).toBe('Post 8 could not be imported: WordPress answered with something that is not a post.');
    expect(brokenJson!.message).toBe('Post 9 could not be imported: WordPress answered the request to read the post with something that is not JSON (HTTP 200).');
    expect(again!.message).toBe('Already in Newsdesk as “Post 7 & more”; not imported twice.');
    expect(again!.articleId).toBe(imported!.articleId);

    const article = await desk.call('drafts:get', { id: imported!.articleId! });
    expect(article).toMatchObject({ headline: 'Post 7 & more', dek: 'The dek.', slug: 'post-7', byline: [{ name: 'Lucy Pakhnyuk', role: '', avatar: null }] });
    const photoNode = (article.body.root.children as Record<string, unknown>[]).find((node) => node.type === 'newsdesk-photo');
    expect(photoNode).toMatchObject({ captionText: 'The crane', credit: 'Jane Doe/Reuters', altText: 'A crane' });
    const photo = await desk.call('media:get', { id: photoNode!.photoId as string });
    expect(photo.metadata).toMatchObject({ description: 'The crane', creditLine: 'Jane Doe/Reuters', altText: 'A crane' });

    // Linked to the post: the record a push would have left, so the next push is an update of post 7.
    const record = await desk.services.publishing.records.get(targetId, article.id);
    expect(record).toMatchObject({ postId: 7, link: 'http://site/post-7/', modifiedGmt: '2026-12-01T09:00:00', pending: [] });
    expect(record!.contentHash).not.toBe('');
    // The <img> had no WordPress media id: the next push uploads it rather than guessing one.
    expect(record!.media).toEqual([]);

    const listed = await fakeSite({ '/wp/v2/posts': () => json([post(7, '')]) });
    await desk.call('targets:save', { id: targetId, kind: 'wordpress', name: 'The Daily', siteUrl: listed.url, user: 'editor' });
    const page = await desk.call('siteImport:list', { targetId });
    expect(page.posts[0]!.importedAs).toEqual({ articleId: article.id, headline: 'Post 7 & more' });
  });

  it('Ghost: HTML where the posts should be, a post id that is not there, the search sent as a filter', async () => {
    const key = `${'a'.repeat(24)}:${'b'.repeat(64)}`;
    const site = await fakeSite({
      '/ghost/api/admin/posts/': () => ({ status: 200, type: 'text/html', body: '<!doctype html><p>Ghost is starting…</p>' }),
    });
    const desk = await openDesk();
    const target = await desk.call('targets:save', { kind: 'ghost', name: 'Ghost Gazette', siteUrl: site.url, secret: key });
    const failure = await desk.failure('siteImport:list', { targetId: target.id, search: "Harbour's future" });
    expect(failure.message).toBe('The posts of “Ghost Gazette” could not be listed: Ghost answered the request to list the posts with something that is not a list of posts (HTTP 200).');
    const { results } = await desk.call('siteImport:import', { targetId: target.id, postIds: ['0123456789abcdef01234567', 12] });
    expect(results.map((result) => result.message)).toEqual([
      'Post 0123456789abcdef01234567 could not be imported: it is no longer on the site.',
      'Post 12 could not be imported: it is not a Ghost post id.',
    ]);
    expect(site.asked).toContain('GET /ghost/api/admin/posts/');
  });

  it('a ninjs endpoint and a site without its secret are refused with a sentence', async () => {
    const desk = await openDesk();
    const ninjs = await desk.call('targets:save', { kind: 'ninjs', name: 'Wire desk', url: 'https://wire.example/stories', ninjsVersion: '2.2', secret: 'token' });
    expect((await desk.failure('siteImport:list', { targetId: ninjs.id })).message).toBe('“Wire desk” is a ninjs endpoint: it keeps no posts to bring in. Choose a WordPress or Ghost site.');
    const bare = await desk.call('targets:save', { kind: 'wordpress', name: 'No password', siteUrl: 'https://daily.example.com', user: 'editor' });
    expect((await desk.failure('siteImport:import', { targetId: bare.id, postIds: [1] })).message).toBe('“No password” has no application password stored; add it in Settings › Publishing first.');
    expect((await desk.failure('siteImport:import', { targetId: bare.id, postIds: [] })).code).toBe('invalid-request');
  });
});
