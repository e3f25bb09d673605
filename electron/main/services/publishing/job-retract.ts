import type { ConflictVersions, PublishJob, PublishTarget } from '../../../../shared/model/publishing';
import { messageOf } from '../../../../shared/model/errors';
import { articleBodyHtml } from '../../../../shared/rules/article-html';
import { escapeHtml } from '../../../../shared/rules/html-escape';
import type { DraftStore } from '../drafts/types';
import { cleanArticleHtml } from './export/clean-html';
import { retractOnGhost } from './ghost/retract-ghost';
import type { HttpClient } from './http/http-client';
import { PublishError } from './http/publish-error';
import type { PublishContext, PublishOutcome } from './outbox/publisher';
import type { RemoteRecords } from './remote/remote-records';
import { withHistory } from './remote/site-retract';
import { retractOnWordPress } from './wordpress/retract-wordpress';

/** The retract jobs the outbox runs, and the history a publish leaves in the remote record. */

export interface RetractDeps {
  drafts: Pick<DraftStore, 'get'>;
  records: RemoteRecords;
  http: HttpClient;
  requestTimeoutMs?: number;
  now?: () => Date;
}

/** The story as Newsdesk holds it, for the conflict view; the headline alone when the article is gone or in the trash. */
export async function localVersion(drafts: RetractDeps['drafts'], job: PublishJob): Promise<ConflictVersions['local']> {
  try {
    const article = await drafts.get(job.articleId);
    return { title: escapeHtml(article.headline), excerpt: escapeHtml(article.dek), html: cleanArticleHtml(articleBodyHtml(article.body, { photoSrc: () => null })) };
  } catch {
    return { title: escapeHtml(job.headline), excerpt: '', html: '' };
  }
}

export async function runRetract(deps: RetractDeps, context: PublishContext, target: PublishTarget, secret: string | null): Promise<PublishOutcome> {
  const local = await localVersion(deps.drafts, context.job);
  const common = { context, records: deps.records, local, http: deps.http, requestTimeoutMs: deps.requestTimeoutMs, ...(deps.now ? { now: deps.now } : {}) };
  if (target.kind === 'wordpress') {
    if (!secret) throw new PublishError('local', `No application password is stored for “${target.name}”. Enter it in Settings › Publishing, then retry.`);
    return retractOnWordPress({ ...common, target, password: secret });
  }
  if (target.kind === 'ghost') {
    if (!secret) throw new PublishError('local', `No Admin API key is stored for “${target.name}”. Enter it in Settings › Publishing, then retry.`);
    return retractOnGhost({ ...common, target, adminApiKey: secret });
  }
  throw new PublishError('rejected', `“${target.name}” receives ninjs documents and keeps no posts Newsdesk can take back; ask the receiving desk to withdraw the story.`);
}

/**
 * After a publish got through: one more step in the record's history, and the retract (if any)
 * forgotten, since the post is back on the site. A record that cannot be written here costs only
 * the history line (the post and its ids are recorded already), so it is said in the log, not failed.
 */
export async function notePublished(deps: Pick<RetractDeps, 'records' | 'now'>, context: PublishContext, wasOnSite: boolean, outcome: PublishOutcome): Promise<void> {
  if (outcome.kind !== 'done') return;
  const { job } = context;
  try {
    const record = await deps.records.get(job.targetId, job.articleId);
    if (!record) return;
    const at = (deps.now?.() ?? new Date()).toISOString();
    const action = wasOnSite ? 'updated' : 'published';
    await deps.records.put(withHistory({ ...record, retracted: null, killed: null }, { at, action, status: job.mode, link: outcome.remote.link }));
  } catch (error) {
    context.log('warn', `The post is on the site, but its history could not be written here (${messageOf(error)}).`);
  }
}
