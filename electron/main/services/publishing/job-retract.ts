import type { ConflictVersions, PublishJob, PublishTarget } from '../../../../shared/model/publishing';
import { articleBodyHtml } from '../../../../shared/rules/article-html';
import { escapeHtml } from '../../../../shared/rules/html-escape';
import type { DraftStore } from '../drafts/types';
import { cleanArticleHtml } from './export/clean-html';
import { retractOnGhost } from './ghost/retract-ghost';
import type { HttpClient } from './http/http-client';
import { PublishError } from './http/publish-error';
import type { PublishContext, PublishOutcome } from './outbox/publisher';
import type { RemoteRecords } from './remote/remote-records';
import { retractOnWordPress } from './wordpress/retract-wordpress';

/** The retract jobs the outbox runs. */

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
