import { expect, it } from 'vitest';
import { isPublishError } from '../../electron/main/services/publishing/http/publish-error';
import type { Article } from '../../shared/model/article';
import type { PublishJob } from '../../shared/model/publishing';
import { killNotice } from '../../shared/rules/kill-notice';
import { plainBody } from './story-life-helpers';
import { attempt, newJob, saveArticle, type PublishingDesk, type RecordingProxy } from './wordpress-publish-helpers';

/** What a kill test needs of one CMS: the desk publishing to it through a recording proxy, and how to read and edit a post there. */
export interface KillSite {
  desk: () => PublishingDesk;
  proxy: () => RecordingProxy;
  /** The post as readers get it: status, title, excerpt and the content's HTML. */
  read: (postId: string) => Promise<{ status: string; title: string; excerpt: string; html: string }>;
  liveStatus: string;
  editOnSite: (postId: string) => Promise<void>;
  /** The method and REST path prefix of the write that replaces a post, for the proxy. */
  write: (postId: string) => { method: string; path: string; line: string };
}

const NOTICE = killNotice('The agency withdrew this story; do not use.', new Date('2026-12-07T10:00:00Z'), { timeZone: 'UTC' });

/** The kill tests, the same on every CMS. */
export function killTests(site: KillSite): void {
  const publish = async (headline: string): Promise<{ article: Article; postId: string }> => {
    const desk = site.desk();
    const article = await saveArticle(desk.drafts, { headline, dek: 'A dek that must go too', tags: [], body: plainBody('Words the agency killed.') });
    const sent = await attempt(desk.publisher, newJob(article.id, desk.target.id));
    expect(sent.error).toBeNull();
    return { article, postId: sent.outcome?.kind === 'done' ? String(sent.outcome.remote.postId) : '' };
  };
  const killJob = (article: Article, fields: Partial<PublishJob> = {}) => newJob(article.id, site.desk().target.id, { mode: 'draft', kill: NOTICE, ...fields });
  const writes = (postId: string) => site.proxy().requests.filter((line) => line === site.write(postId).line);

  it('replaces the post with the kill notice: address, headline and status stay; text and dek go; the record says killed', async () => {
    const desk = site.desk();
    const { article, postId } = await publish('Agency story to kill');
    const killed = await attempt(desk.publisher, killJob(article));
    expect(killed.error).toBeNull();
    expect(killed.outcome).toMatchObject({ kind: 'done' });
    const post = await site.read(postId);
    expect(post.status).toBe(site.liveStatus);
    expect(post.title).toBe('Agency story to kill');
    expect(post.excerpt).toBe('');
    expect(post.html).toContain('<strong>Withdrawn, 7 Dec 2026:</strong> The agency withdrew this story; do not use.');
    expect(post.html).not.toContain('Words the agency killed');
    const record = await desk.records.get(desk.target.id, article.id);
    expect(record?.killed?.at).toBeTruthy();
    expect(record?.history?.map((event) => event.action)).toEqual(['published', 'killed']);
  });

  it('a kill whose answer was lost is done once: the retry finds the notice and sends nothing', async () => {
    const desk = site.desk();
    const { article, postId } = await publish('Agency story whose kill answer is lost');
    site.proxy().requests.splice(0);
    const job = killJob(article);
    const { method, path } = site.write(postId);
    site.proxy().loseNextAnswer(method, path);
    const lost = await attempt(desk.publisher, job);
    expect(isPublishError(lost.error) && lost.error.retryable).toBe(true);
    const retried = await attempt(desk.publisher, job);
    expect(retried.outcome?.kind).toBe('done');
    expect(writes(postId)).toHaveLength(1);
    expect((await site.read(postId)).html).toContain('Withdrawn, 7 Dec 2026:');
  });

  it('a post edited on the site since the last push is a conflict, not replaced blindly', async () => {
    const desk = site.desk();
    const { article, postId } = await publish('Agency story edited on the site');
    await site.editOnSite(postId);
    site.proxy().requests.splice(0);
    const conflicted = await attempt(desk.publisher, killJob(article));
    expect(conflicted.outcome?.kind).toBe('conflict');
    expect(writes(postId)).toHaveLength(0);
    expect((await site.read(postId)).html).not.toContain('Withdrawn');
    // The editor chooses to replace it all the same.
    const overwritten = await attempt(desk.publisher, killJob(article, { overwrite: true }));
    expect(overwritten.outcome?.kind).toBe('done');
    expect((await site.read(postId)).html).toContain('Withdrawn, 7 Dec 2026:');
  });
}
