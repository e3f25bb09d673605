import type { ConflictVersions, RemotePostId } from '../../../../../shared/model/publishing';
import type { KillNotice } from '../../../../../shared/rules/kill-notice';
import { PublishError } from '../http/publish-error';
import type { PublishContext, PublishOutcome } from '../outbox/publisher';
import type { RemoteRecords } from './remote-records';
import { withHistory } from './remote-records';
import type { SiteRetract } from './site-retract';

/**
 * A kill: the post on the site keeps its address and headline, and everything else is replaced by
 * the kill notice. Like a retract, the post is read first: one changed on the site since Newsdesk's
 * last write is a conflict for the editor; one that already carries the notice (the retry of an
 * attempt whose answer was lost) is left alone, so the site is written to once.
 */

export interface SiteKill<P> extends Pick<SiteRetract<P>, 'cms' | 'fetch' | 'summary' | 'remoteVersion'> {
  /** Whether the post already shows a kill notice Newsdesk wrote. */
  isKilled(post: P): boolean;
  /** Sends the one write; `collision` when the CMS refused it because the post changed meanwhile. */
  replace(post: P, notice: KillNotice, signal: AbortSignal): Promise<{ post: P } | { collision: P }>;
}

export interface KillInput<P> {
  context: PublishContext;
  records: RemoteRecords;
  local: ConflictVersions['local'];
  site: SiteKill<P>;
  now: () => Date;
}

export async function killPost<P>(input: KillInput<P>): Promise<PublishOutcome> {
  const { context, records, site } = input;
  const { job, signal } = context;
  const notice = job.kill;
  if (!notice) throw new PublishError('local', 'This job carries no kill notice.');
  const record = await records.get(job.targetId, job.articleId);
  if (!record || record.postId === null) throw new PublishError('rejected', 'Newsdesk has no record of this story on the site, so there is no post to replace with the kill notice.');
  const postId: RemotePostId = record.postId;
  context.progress({ step: 'checking', label: 'Checking the post on the site', bytesSent: 0, bytesTotal: 0 });
  const fetched = await site.fetch(postId, signal);
  if ('gone' in fetched) {
    // Nothing left for readers to see: what a kill asks for is already true.
    context.log('info', `Post ${postId} was already ${fetched.gone} in ${site.cms}; there is nothing left to replace.`);
    return settle(input, record, postId, record.link, null, fetched.gone);
  }
  const remote = fetched.post;
  const now = site.summary(remote);
  if (site.isKilled(remote)) {
    context.log('info', `Post ${postId} already shows the kill notice in ${site.cms}; nothing was sent.`);
    return settle(input, record, postId, now.link, now, 'killed');
  }
  const changed = now.modified !== record.modifiedGmt || (record.contentHash !== '' && now.contentHash !== record.contentHash);
  if (changed && !job.overwrite) {
    context.log('warn', `Post ${postId} was changed in ${site.cms} since the last push (${now.modified}); it is not replaced until you choose.`);
    return { kind: 'conflict', conflict: { remote: site.remoteVersion(remote), local: input.local, knownModifiedGmt: record.modifiedGmt } };
  }
  context.progress({ step: 'post', label: 'Replacing the post with the kill notice', bytesSent: 0, bytesTotal: 0 });
  const written = await site.replace(remote, notice, signal);
  if ('collision' in written) {
    context.log('warn', `Post ${postId} was changed in ${site.cms} while the kill notice was being written.`);
    return { kind: 'conflict', conflict: { remote: site.remoteVersion(written.collision), local: input.local, knownModifiedGmt: record.modifiedGmt } };
  }
  const after = site.summary(written.post);
  context.log('info', `Post ${postId} now shows the kill notice in ${site.cms}.`);
  return settle(input, record, postId, after.link, after, 'killed');
}

async function settle<P>(
  input: KillInput<P>,
  record: NonNullable<Awaited<ReturnType<RemoteRecords['get']>>>,
  postId: RemotePostId,
  link: string,
  summary: { modified: string; contentHash: string } | null,
  status: string,
): Promise<PublishOutcome> {
  const at = input.now().toISOString();
  const known = summary ? { modifiedGmt: summary.modified, contentHash: summary.contentHash } : {};
  await input.records.put(withHistory({ ...record, ...known, sentTextHash: '', killed: { at } }, { at, action: 'killed', status, link }));
  input.context.progress({ step: 'done', label: 'Replaced by the kill notice', bytesSent: 0, bytesTotal: 0 });
  return { kind: 'done', remote: { postId, link } };
}
