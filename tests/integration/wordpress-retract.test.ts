import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../shared/model/article';
import { correctionLabel } from '../../shared/rules/corrections';
import { isPublishError } from '../../electron/main/services/publishing/http/publish-error';
import { startWordPress, wordPressSkipReason, type WordPressSite } from '../wordpress/wordpress-server';
import { openStoryLife, plainBody } from './story-life-helpers';
import { attempt, newJob, openPublishingDesk, restClient, saveArticle, startRecordingProxy, type PublishingDesk, type RecordingProxy, type RestPost } from './wordpress-publish-helpers';

const skipReason = wordPressSkipReason();
if (skipReason) console.warn(`[wordpress-retract] skipped: ${skipReason}`);

describe.skipIf(skipReason !== null)('retracting and correcting a story on a real WordPress', () => {
  let site: WordPressSite;
  let proxy: RecordingProxy;
  let desk: PublishingDesk;
  let rest: ReturnType<typeof restClient>;

  const publish = async (headline: string): Promise<{ article: Article; postId: number }> => {
    const article = await saveArticle(desk.drafts, { headline, dek: 'Dek', tags: [], byline: [{ name: 'Jane Doe', role: 'Reporter', avatar: null }], body: plainBody('The council met on Tuesday.', 'The vote is next week.') });
    const published = await attempt(desk.publisher, newJob(article.id, desk.target.id));
    expect(published.error).toBeNull();
    const postId = published.outcome?.kind === 'done' ? (published.outcome.remote.postId as number) : 0;
    expect((await rest.get<RestPost>(`/posts/${postId}?context=edit`)).status).toBe('publish');
    return { article, postId };
  };
  const retract = (article: Article, as: 'draft' | 'trash', fields = {}) => attempt(desk.publisher, newJob(article.id, desk.target.id, { mode: 'draft', retract: { as }, ...fields }));
  const writesTo = (postId: number) => proxy.requests.filter((line) => line === `POST /wp/v2/posts/${postId}` || line === `DELETE /wp/v2/posts/${postId}`);

  beforeAll(async () => {
    site = await startWordPress();
    proxy = await startRecordingProxy(site.url);
    desk = await openPublishingDesk(site, proxy.url);
    rest = restClient(site);
  }, 120_000);

  afterAll(async () => {
    await desk?.close();
    await proxy?.close();
    await site?.stop();
  });

  it('publish, then retract: the post is a draft on the site and the record keeps the history', async () => {
    const { article, postId } = await publish('Council story to retract');
    const retracted = await retract(article, 'draft');
    expect(retracted.error).toBeNull();
    expect(retracted.outcome).toMatchObject({ kind: 'done', remote: { postId } });
    expect((await rest.get<RestPost>(`/posts/${postId}?context=edit`)).status).toBe('draft');

    const record = await desk.records.get(desk.target.id, article.id);
    expect(record?.postId).toBe(postId);
    expect(record?.retracted?.as).toBe('draft');
    expect(record?.history?.map((event) => [event.action, event.status])).toEqual([
      ['published', 'publish'],
      ['retracted', 'draft'],
    ]);

    // Published again: live once more, the same post, and the retract is behind it in the history.
    const again = await attempt(desk.publisher, newJob(article.id, desk.target.id));
    expect(again.outcome).toMatchObject({ kind: 'done', remote: { postId } });
    expect((await rest.get<RestPost>(`/posts/${postId}?context=edit`)).status).toBe('publish');
    const after = await desk.records.get(desk.target.id, article.id);
    expect(after?.retracted).toBeNull();
    expect(after?.history?.map((event) => event.action)).toEqual(['published', 'retracted', 'published']);
  });

  it('a retract whose answer was lost is done once: the retry finds the draft and sends nothing', async () => {
    const { article, postId } = await publish('Council story whose retract answer is lost');
    proxy.requests.splice(0);
    const job = newJob(article.id, desk.target.id, { mode: 'draft', retract: { as: 'draft' } });
    proxy.loseNextAnswer('POST', `/wp/v2/posts/${postId}`);
    const lost = await attempt(desk.publisher, job);
    expect(isPublishError(lost.error) && lost.error.retryable).toBe(true);
    expect((await rest.get<RestPost>(`/posts/${postId}?context=edit`)).status).toBe('draft');

    const retried = await attempt(desk.publisher, job);
    expect(retried.error).toBeNull();
    expect(retried.outcome?.kind).toBe('done');
    expect(retried.log.join('\n')).toContain('already draft');
    expect(writesTo(postId)).toHaveLength(1);
  });

  it('a post edited on the site since the last push is a conflict, not a blind retract; overwrite retracts it', async () => {
    const { article, postId } = await publish('Council story edited on the site');
    await rest.post(`/posts/${postId}`, { title: 'Edited on the site' });
    proxy.requests.splice(0);
    const conflicted = await retract(article, 'draft');
    expect(conflicted.error).toBeNull();
    expect(conflicted.outcome?.kind).toBe('conflict');
    const conflict = conflicted.outcome?.kind === 'conflict' ? conflicted.outcome.conflict : null;
    expect(conflict?.remote.title).toBe('Edited on the site');
    expect(conflict?.local.title).toBe('Council story edited on the site');
    expect(writesTo(postId)).toHaveLength(0);
    expect((await rest.get<RestPost>(`/posts/${postId}?context=edit`)).status).toBe('publish');

    const overwritten = await retract(article, 'draft', { overwrite: true });
    expect(overwritten.outcome?.kind).toBe('done');
    expect((await rest.get<RestPost>(`/posts/${postId}?context=edit`)).status).toBe('draft');
  });

  it('"remove" moves the post to the trash on the site, where it can be restored', async () => {
    const { article, postId } = await publish('Council story to remove');
    const removed = await retract(article, 'trash');
    expect(removed.error).toBeNull();
    expect(removed.outcome?.kind).toBe('done');
    expect((await rest.get<RestPost>(`/posts/${postId}?context=edit`)).status).toBe('trash');
    expect((await desk.records.get(desk.target.id, article.id))?.retracted?.as).toBe('trash');
  });

  it('a correction is appended in the house format, logged, and pushed: the site\'s HTML holds the line', async () => {
    const { article, postId } = await publish('Council story to correct');
    const life = await openStoryLife(desk);
    try {
      const added = await life.handlers['corrections:add']({ articleId: article.id, kind: 'correction', text: 'An earlier version gave the wrong day of the vote.' });
      expect(added.notPushed).toEqual([]);
      expect(added.jobs).toHaveLength(1);
      await life.outbox.whenIdle();
      expect(life.outbox.get(added.jobs[0]!.id)?.state).toBe('done');

      const label = correctionLabel('correction', new Date(added.entry.at), { timeZone: 'Europe/Paris' });
      expect(added.entry.line).toBe(`${label} An earlier version gave the wrong day of the vote.`);
      const post = await rest.get<{ content: { rendered: string } }>(`/posts/${postId}`);
      expect(post.content.rendered).toContain(`<p><strong>${label}</strong> An earlier version gave the wrong day of the vote.</p>`);
      const page = await (await fetch(`${site.url}/?p=${postId}`)).text();
      expect(page).toContain(`<strong>${label}</strong> An earlier version gave the wrong day of the vote.`);
      expect(await life.handlers['corrections:list']({ articleId: article.id })).toEqual([added.entry]);

      const onSites = await life.handlers['publish:onSites']({ articleId: article.id });
      expect(onSites.map((site) => site.history.map((event) => event.action))).toEqual([['published', 'updated']]);
    } finally {
      await life.close();
    }
  });
});
