import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../shared/model/article';
import { itemKey } from '../../shared/model/placement';
import { placeItem, setTiming, type Timing } from '../../shared/rules/placement';
import { createJobPublisher } from '../../electron/main/services/publishing/job-publisher';
import type { Publisher } from '../../electron/main/services/publishing/outbox/publisher';
import { startWordPress, wordPressSkipReason, type WordPressSite } from '../wordpress/wordpress-server';
import { attempt, newJob, openPublishingDesk, restClient, saveArticle, startRecordingProxy, type PublishingDesk, type RecordingProxy, type RestPost } from './wordpress-publish-helpers';

/*
 * Embargoes against a desk clock that is wrong: the time is always sent to WordPress as a date and
 * WordPress's clock decides. The desk's clock is injected into the publisher (45 minutes fast); the
 * machine's clock is never touched. The site's clock is learnt from its Date header.
 */

const skipReason = wordPressSkipReason();
if (skipReason) console.warn(`[wordpress-publish-clock] skipped: ${skipReason}`);

const MINUTE = 60_000;
/** Whole seconds: WordPress keeps dates to the second. */
const at = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString();

describe.skipIf(skipReason !== null)('embargoes and a wrong desk clock, against a real WordPress', () => {
  let site: WordPressSite;
  let proxy: RecordingProxy;
  let skewedProxy: RecordingProxy;
  let desk: PublishingDesk;
  let rest: ReturnType<typeof restClient>;
  /** The desk with its clock 45 minutes fast. */
  let fastDesk: Publisher;

  beforeAll(async () => {
    site = await startWordPress();
    proxy = await startRecordingProxy(site.url);
    // The same site seen through a proxy that says its clock is two hours ahead.
    skewedProxy = await startRecordingProxy(site.url, { dateShiftMs: 120 * MINUTE });
    desk = await openPublishingDesk(site, proxy.url);
    rest = restClient(site);
    fastDesk = createJobPublisher({ ...desk, now: () => new Date(Date.now() + 45 * MINUTE) });
  }, 120_000);

  afterAll(async () => {
    await desk?.close();
    await proxy?.close();
    await skewedProxy?.close();
    await site?.stop();
  });

  async function placedStory(headline: string, timing: Timing): Promise<Article> {
    const article = await saveArticle(desk.drafts, { headline, dek: 'Dek.', section: 'Politics' });
    const feed = desk.settings.get().feeds.find((candidate) => candidate.id === 'news-feed')!;
    const ref = { kind: 'article' as const, id: article.id };
    await desk.board.update((board) => setTiming(placeItem(board, ref, feed), itemKey(ref), timing));
    return article;
  }

  async function retime(article: Article, timing: Timing): Promise<void> {
    await desk.board.update((board) => setTiming(board, itemKey({ kind: 'article', id: article.id }), timing));
  }

  it('an embargoed story reaches WordPress as future with its date although the desk clock says the embargo has lifted', async () => {
    const embargo = at(Date.now() + 30 * MINUTE);
    const article = await placedStory('Embargoed budget', { publish: { mode: 'now' }, embargoUntil: embargo, expiresAt: null });
    const result = await attempt(fastDesk, newJob(article.id, desk.target.id));
    expect(result.error).toBeNull();
    const postId = result.outcome?.kind === 'done' ? result.outcome.remote.postId : null;
    const post = await rest.get<RestPost>(`/posts/${postId}?context=edit`);
    expect(post.status).toBe('future');
    expect(post.date_gmt).toBe(embargo.slice(0, 19));
    // The site's Date header showed the desk clock 45 minutes ahead: the job log says so.
    expect(result.log).toContainEqual(expect.stringContaining("warn: This computer's clock is 45 minutes ahead of the site's"));

    // The embargo is lifted on the board: the post goes live now by the site's clock, not by the
    // desk's (45 minutes ahead, which WordPress would take for a new schedule).
    await retime(article, { publish: { mode: 'now' }, embargoUntil: null, expiresAt: null });
    const before = Date.now();
    const again = await attempt(fastDesk, newJob(article.id, desk.target.id));
    expect(again.error).toBeNull();
    const live = await rest.get<RestPost>(`/posts/${postId}?context=edit`);
    expect(live.status).toBe('publish');
    expect(Date.parse(`${live.date_gmt}Z`)).toBeLessThan(before + 5 * MINUTE);
  });

  it('an embargo that has lifted by the site’s clock is sent as a date and WordPress publishes it at once', async () => {
    const embargo = at(Date.now() - 10 * MINUTE);
    const article = await placedStory('Lifted embargo', { publish: { mode: 'now' }, embargoUntil: embargo, expiresAt: null });
    const result = await attempt(desk.publisher, newJob(article.id, desk.target.id));
    expect(result.error).toBeNull();
    const postId = result.outcome?.kind === 'done' ? result.outcome.remote.postId : null;
    const post = await rest.get<RestPost>(`/posts/${postId}?context=edit`);
    expect(post.status).toBe('publish');
    expect(post.date_gmt).toBe(embargo.slice(0, 19));
  });

  it('warns in the job log when the site’s Date header is two hours ahead of this computer', async () => {
    const target = await desk.targets.save({ kind: 'wordpress', name: 'Skewed site', siteUrl: skewedProxy.url, user: site.user, secret: site.appPassword });
    const schedule = at(Date.now() + 24 * 60 * MINUTE);
    const article = await placedStory('Scheduled column', { publish: { mode: 'scheduled', at: schedule }, embargoUntil: null, expiresAt: null });
    const result = await attempt(desk.publisher, newJob(article.id, target.id));
    expect(result.error).toBeNull();
    expect(result.log).toContainEqual(expect.stringContaining("warn: This computer's clock is 2 hours behind the site's"));
    const postId = result.outcome?.kind === 'done' ? result.outcome.remote.postId : null;
    expect((await rest.get<RestPost>(`/posts/${postId}?context=edit`)).date_gmt).toBe(schedule.slice(0, 19));
  });
});
