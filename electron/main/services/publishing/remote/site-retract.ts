import type { ConflictVersions, RemotePostId, RetractAs } from '../../../../../shared/model/publishing';
import { PublishError } from '../http/publish-error';
import type { PublishContext, PublishOutcome } from '../outbox/publisher';
import { withHistory, type RemoteRecords } from './remote-records';
import type { PostSummary } from './site-post';

/**
 * Taking a published post off its site (a retract), the same on every CMS: the post is read
 * first, and one that changed on the site since Newsdesk's last write is a conflict for the
 * editor, never a blind write. A post already off the site (a draft, in the trash, deleted) is
 * left alone: that is also how a retry after a lost answer finds its own work done, so the site
 * is written to once. Each CMS says how its posts look through a SiteRetract.
 */

export interface SiteRetract<P> {
  /** The CMS's name in the job's log. */
  cms: string;
  /** The post as it is now, or why it is not there any more. */
  fetch(postId: RemotePostId, signal: AbortSignal): Promise<{ post: P } | { gone: string }>;
  summary(post: P): PostSummary;
  /** The post's status as the CMS names it. */
  status(post: P): string;
  /** Whether readers can no longer see the post, as asked (a trashed post is off the site for a "draft" retract too). */
  isOff(post: P, as: RetractAs): boolean;
  /** The site's version, for the side-by-side view of a conflict. */
  remoteVersion(post: P): ConflictVersions['remote'];
  /** Sends the one write; `collision` when the CMS refused it because the post changed meanwhile. */
  takeOff(post: P, as: RetractAs, signal: AbortSignal): Promise<{ post: P } | { collision: P }>;
}

export interface RetractInput<P> {
  context: PublishContext;
  records: RemoteRecords;
  /** What Newsdesk holds of the story, for the conflict view (the article may be in the trash). */
  local: ConflictVersions['local'];
  site: SiteRetract<P>;
  now: () => Date;
}

export async function retractPost<P>(input: RetractInput<P>): Promise<PublishOutcome> {
  const { context, records, site } = input;
  const { job, signal } = context;
  const as = job.retract?.as ?? 'draft';
  const record = await records.get(job.targetId, job.articleId);
  if (!record || record.postId === null) {
    throw new PublishError('rejected', `Newsdesk has no record of this story on the site, so there is nothing to retract there.`);
  }
  const postId = record.postId;
  context.progress({ step: 'checking', label: 'Checking the post on the site', bytesSent: 0, bytesTotal: 0 });
  const fetched = await site.fetch(postId, signal);
  const settle = async (status: string, link: string, summary: PostSummary | null): Promise<PublishOutcome> => {
    const at = input.now().toISOString();
    const known = summary ? { modifiedGmt: summary.modified, contentHash: summary.contentHash } : {};
    await records.put(withHistory({ ...record, ...known, sentTextHash: '', retracted: { at, as } }, { at, action: 'retracted', status, link }));
    context.progress({ step: 'done', label: as === 'trash' ? 'Moved to the trash' : 'Retracted', bytesSent: 0, bytesTotal: 0 });
    return { kind: 'done', remote: { postId, link } };
  };
  if ('gone' in fetched) {
    context.log('info', `Post ${postId} was already ${fetched.gone} in ${site.cms}; readers no longer see it.`);
    return settle(fetched.gone, record.link, null);
  }
  const remote = fetched.post;
  const now = site.summary(remote);
  if (site.isOff(remote, as)) {
    // Also the retry of an attempt whose answer was lost: the site did it, nothing is sent again.
    context.log('info', `Post ${postId} is already ${site.status(remote)} in ${site.cms}; nothing was sent.`);
    return settle(site.status(remote), now.link, now);
  }
  const changed = now.modified !== record.modifiedGmt || (record.contentHash !== '' && now.contentHash !== record.contentHash);
  if (changed && !job.overwrite) {
    context.log('warn', `Post ${postId} was changed in ${site.cms} since the last push (${now.modified}, was ${record.modifiedGmt || 'unknown'}); it is not retracted until you choose.`);
    return { kind: 'conflict', conflict: { remote: site.remoteVersion(remote), local: input.local, knownModifiedGmt: record.modifiedGmt } };
  }
  if (changed) context.log('warn', `Post ${postId} was changed in ${site.cms} (${now.modified}); it is retracted as asked.`);
  context.progress({ step: 'post', label: as === 'trash' ? 'Moving the post to the trash' : 'Taking the post back to a draft', bytesSent: 0, bytesTotal: 0 });
  const written = await site.takeOff(remote, as, signal);
  if ('collision' in written) {
    context.log('warn', `Post ${postId} was changed in ${site.cms} while it was being retracted.`);
    return { kind: 'conflict', conflict: { remote: site.remoteVersion(written.collision), local: input.local, knownModifiedGmt: record.modifiedGmt } };
  }
  const after = site.summary(written.post);
  context.log('info', `Post ${postId} is now ${site.status(written.post)} in ${site.cms}; readers no longer see it.`);
  return settle(site.status(written.post), after.link, after);
}
