import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startSiteExpiry, type SiteExpiry } from '../../electron/main/services/publishing/site-expiry';
import { openOutbox, type Outbox } from '../../electron/main/services/publishing/outbox/outbox';
import type { Article } from '../../shared/model/article';
import { itemKey } from '../../shared/model/placement';
import type { PublishMode } from '../../shared/model/publishing';
import { placeItem, setTiming } from '../../shared/rules/placement';
import { plainBody } from './story-life-helpers';
import { attempt, newJob, saveArticle, type PublishingDesk } from './wordpress-publish-helpers';

/** What an expiry test needs of one CMS: the desk publishing to it, and how to read and edit a post there. */
export interface ExpirySite {
  desk: () => PublishingDesk;
  /** The post's status as the CMS names it. */
  status: (postId: string) => Promise<string>;
  /** What the CMS calls a published post ('publish' on WordPress, 'published' on Ghost). */
  liveStatus: string;
  /** Edits the post directly on the site, as someone in the CMS would. */
  editOnSite: (postId: string) => Promise<void>;
}

const HOUR_MS = 3_600_000;

/** A clock the test moves: the expiry's view of the time, while the outbox and the site keep the real one. */
function testClock(startMs: number) {
  let nowMs = startMs;
  return { now: () => new Date(nowMs), set: (ms: number) => void (nowMs = ms) };
}

/** The desk's expiry over a real outbox running the desk's publisher. */
async function openExpiry(desk: PublishingDesk, clock: ReturnType<typeof testClock>): Promise<{ outbox: Outbox; expiry: SiteExpiry; warnings: string[]; close(): Promise<void> }> {
  const outbox = await openOutbox({ dir: join(desk.dir, 'library', 'publishing', 'outbox'), publisher: desk.publisher, retry: { baseMs: 50, capMs: 200 } });
  const warnings: string[] = [];
  const expiry = startSiteExpiry({
    board: desk.board,
    targets: desk.targets,
    records: desk.records,
    outbox,
    headlineOf: async (id) => (await desk.drafts.get(id)).headline,
    now: clock.now,
    warn: (message) => void warnings.push(message),
    pollMs: 0,
  });
  return {
    outbox,
    expiry,
    warnings,
    close: async () => {
      expiry.stop();
      await outbox.close();
    },
  };
}

/** A story sent to the site (published or as a draft), placed in a feed with an expiry. */
async function sentStory(site: ExpirySite, headline: string, mode: PublishMode, expiresAt: string): Promise<{ article: Article; postId: string }> {
  const desk = site.desk();
  const article = await saveArticle(desk.drafts, { headline, dek: 'Dek', tags: [], body: plainBody('The fair closes on Sunday.') });
  const sent = await attempt(desk.publisher, newJob(article.id, desk.target.id, { mode }));
  expect(sent.error).toBeNull();
  const postId = sent.outcome?.kind === 'done' ? String(sent.outcome.remote.postId) : '';
  const feed = desk.settings.get().feeds.find((candidate) => candidate.id === 'news-feed')!;
  const ref = { kind: 'article' as const, id: article.id };
  await desk.board.update((board) => setTiming(placeItem(board, ref, feed), itemKey(ref), { publish: { mode: 'now' }, embargoUntil: null, expiresAt }));
  return { article, postId };
}

/** The expiry tests, the same on every CMS. */
export function expiryTests(site: ExpirySite): void {
  it('at its expiry a live story goes back to a draft through the outbox, once; drafts, retracted and unexpired stories are left alone', async () => {
    const desk = site.desk();
    const expiresMs = Date.now() + HOUR_MS;
    const expiresAt = new Date(expiresMs).toISOString();
    const live = await sentStory(site, 'Fair story that expires', 'publish', expiresAt);
    const draft = await sentStory(site, 'Fair story sent as a draft', 'draft', expiresAt);
    const later = await sentStory(site, 'Fair story that expires tomorrow', 'publish', new Date(expiresMs + 24 * HOUR_MS).toISOString());
    const retracted = await sentStory(site, 'Fair story retracted by hand', 'publish', expiresAt);
    expect((await attempt(desk.publisher, newJob(retracted.article.id, desk.target.id, { mode: 'draft', retract: { as: 'draft' } }))).error).toBeNull();

    const clock = testClock(expiresMs - 60_000);
    const expiry = await openExpiry(desk, clock);
    try {
      expect(await expiry.expiry.check()).toEqual([]);
      expect(await site.status(live.postId)).toBe(site.liveStatus);

      clock.set(expiresMs + 60_000);
      const queued = await expiry.expiry.check();
      expect(queued.map((job) => [job.articleId, job.retract])).toEqual([[live.article.id, { as: 'draft', expiredAt: expiresAt }]]);
      expect(queued[0]!.log[0]!.message).toMatch(/^The story expired .* UTC; queued to take the post back to a draft on the site\.$/);
      await expiry.outbox.whenIdle();

      expect(expiry.outbox.get(queued[0]!.id)?.state).toBe('done');
      expect(await site.status(live.postId)).toBe('draft');
      expect(await site.status(later.postId)).toBe(site.liveStatus);
      expect(await site.status(draft.postId)).toBe('draft');
      const record = await desk.records.get(desk.target.id, live.article.id);
      expect(record?.retracted?.as).toBe('draft');
      expect(record?.history?.map((event) => event.action)).toEqual(['published', 'retracted']);

      // Looked at again (a timer, a job finishing): nothing more is queued.
      expect(await expiry.expiry.check()).toEqual([]);
      expect(expiry.outbox.list()).toHaveLength(1);
      expect(expiry.warnings).toEqual([]);
    } finally {
      await expiry.close();
    }
  });

  it('a post edited on the site since the last push is a conflict for the editor at its expiry, asked once', async () => {
    const desk = site.desk();
    const expiresMs = Date.now() + HOUR_MS;
    const story = await sentStory(site, 'Fair story edited on the site', 'publish', new Date(expiresMs).toISOString());
    await site.editOnSite(story.postId);
    const expiry = await openExpiry(desk, testClock(expiresMs + 1000));
    try {
      // The first look happens as it starts (a Newsdesk that was closed at the expiry catches up).
      await expiry.expiry.check();
      await expiry.outbox.whenIdle();
      const jobs = expiry.outbox.list().filter((job) => job.articleId === story.article.id);
      expect(jobs.map((job) => job.state)).toEqual(['conflict']);
      expect(await site.status(story.postId)).toBe(site.liveStatus);
      expect(await expiry.expiry.check()).toEqual([]);
    } finally {
      await expiry.close();
    }
  });
}
