import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../shared/model/article';
import { correctionLabel } from '../../shared/rules/corrections';
import { isPublishError } from '../../electron/main/services/publishing/http/publish-error';
import { ghostSkipReason, startGhost, type GhostSite } from '../ghost/ghost-server';
import { ghostAdmin, openGhostDesk } from './ghost-publish-helpers';
import { openStoryLife, plainBody } from './story-life-helpers';
import { attempt, newJob, saveArticle, startRecordingProxy, type PublishingDesk, type RecordingProxy } from './wordpress-publish-helpers';

const skipReason = ghostSkipReason();
if (skipReason) console.warn(`[ghost-retract] skipped: ${skipReason}`);

describe.skipIf(skipReason !== null)('retracting and correcting a story on a real Ghost', () => {
  let site: GhostSite;
  let proxy: RecordingProxy;
  let desk: PublishingDesk;
  let admin: ReturnType<typeof ghostAdmin>;

  const publish = async (headline: string): Promise<{ article: Article; postId: string }> => {
    const article = await saveArticle(desk.drafts, { headline, dek: 'Dek', tags: [], byline: [{ name: 'Jane Doe', role: 'Reporter', avatar: null }], body: plainBody('The council met on Tuesday.') });
    const published = await attempt(desk.publisher, newJob(article.id, desk.target.id));
    expect(published.error).toBeNull();
    const postId = published.outcome?.kind === 'done' ? String(published.outcome.remote.postId) : '';
    expect((await admin.post(postId)).status).toBe('published');
    return { article, postId };
  };
  const retractJob = (article: Article, fields = {}) => newJob(article.id, desk.target.id, { mode: 'draft', retract: { as: 'draft' }, ...fields });
  const updatesOf = (postId: string) => proxy.requests.filter((line) => line.startsWith(`PUT /ghost/api/admin/posts/${postId}/`));

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

  it('publish, then retract: the post is a draft on the site and the record keeps the history', async () => {
    const { article, postId } = await publish('Ghost story to retract');
    const retracted = await attempt(desk.publisher, retractJob(article));
    expect(retracted.error).toBeNull();
    expect(retracted.outcome).toMatchObject({ kind: 'done', remote: { postId } });
    expect((await admin.post(postId)).status).toBe('draft');
    const record = await desk.records.get(desk.target.id, article.id);
    expect(record?.retracted?.as).toBe('draft');
    expect(record?.history?.map((event) => [event.action, event.status])).toEqual([
      ['published', 'publish'],
      ['retracted', 'draft'],
    ]);
  });

  it('a retract whose answer was lost is done once: the retry finds the draft and sends nothing', async () => {
    const { article, postId } = await publish('Ghost story whose retract answer is lost');
    proxy.requests.splice(0);
    const job = retractJob(article);
    proxy.loseNextAnswer('PUT', `/ghost/api/admin/posts/${postId}/`);
    const lost = await attempt(desk.publisher, job);
    expect(isPublishError(lost.error) && lost.error.retryable).toBe(true);
    expect((await admin.post(postId)).status).toBe('draft');
    const retried = await attempt(desk.publisher, job);
    expect(retried.outcome?.kind).toBe('done');
    expect(updatesOf(postId)).toHaveLength(1);
  });

  it('a post edited on the site since the last push is a conflict, not a blind retract', async () => {
    const { article, postId } = await publish('Ghost story edited on the site');
    const before = await admin.post(postId);
    const edited = await admin.call('PUT', `/posts/${postId}/`, { posts: [{ title: 'Edited on the site', updated_at: before.updated_at }] });
    expect(edited.status).toBe(200);
    proxy.requests.splice(0);
    const conflicted = await attempt(desk.publisher, retractJob(article));
    expect(conflicted.outcome?.kind).toBe('conflict');
    expect(conflicted.outcome?.kind === 'conflict' ? conflicted.outcome.conflict.remote.title : '').toBe('Edited on the site');
    expect(updatesOf(postId)).toHaveLength(0);
    expect((await admin.post(postId)).status).toBe('published');
  });

  it('a correction is pushed as an update: Ghost\'s own HTML of the post holds the line', async () => {
    const { article, postId } = await publish('Ghost story to correct');
    const life = await openStoryLife(desk);
    try {
      const added = await life.handlers['corrections:add']({ articleId: article.id, kind: 'update', text: 'The council has now set the date.' });
      expect(added.notPushed).toEqual([]);
      await life.outbox.whenIdle();
      expect(life.outbox.get(added.jobs[0]!.id)?.state).toBe('done');
      const label = correctionLabel('update', new Date(added.entry.at), { timeZone: 'Europe/Paris' });
      expect((await admin.post(postId)).html).toContain(`<p><strong>${label}</strong> The council has now set the date.</p>`);
    } finally {
      await life.close();
    }
  });
});
