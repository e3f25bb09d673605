import type { ConflictVersions, PublishMode, RemotePostId } from '../../../../../shared/model/publishing';
import type { PublishContext, PublishOutcome } from '../outbox/publisher';
import { withHistory, type RecordKeeper } from './remote-records';

/**
 * What every CMS does the same with the post itself, before and after writing it: find the post a
 * lost create made (by the marker in its content), notice an edit made on the site since the last
 * push (and tell it from an update of ours whose answer was lost), and record what the site holds
 * afterwards. Each CMS says how its posts look through a SitePosts.
 */

/** A post as the record keeps it. */
export interface PostSummary {
  id: RemotePostId;
  link: string;
  /** The site's modification time, as the site writes it. */
  modified: string;
  /** The post's fingerprint as it is on the site (a change that `modified` missed is an edit too). */
  contentHash: string;
  /** The fingerprint of its text, compared with what an update sent (RemoteRecord.sentTextHash). */
  textHash: string;
}

export interface SitePosts<P> {
  /** The CMS's name in the job's log. */
  cms: string;
  findByMarker(clientKey: string, signal: AbortSignal): Promise<P | null>;
  /** The post as it is now, or why it is not there any more ("deleted", "moved to the trash"). */
  fetch(postId: RemotePostId, signal: AbortSignal): Promise<{ post: P } | { gone: string }>;
  summary(post: P): PostSummary;
  /** A modification time as the log shows it. */
  stamp(modified: string): string;
  /** The two versions the editor chooses between. */
  conflictOf(remote: P, knownModified: string): ConflictVersions;
}

export type ExistingPost<P> = { kind: 'post'; post: P | null } | Extract<PublishOutcome, { kind: 'conflict' }>;

/** The post as it is on the site now, a conflict when someone else changed it, or null for a new post. */
export async function checkExistingPost<P>(context: PublishContext, keeper: RecordKeeper, site: SitePosts<P>): Promise<ExistingPost<P>> {
  const { job, signal } = context;
  const record = keeper.current;
  const announced = record.pending.filter((entry) => entry.kind === 'post');
  if (record.postId === null) {
    for (const { key } of announced) {
      // An earlier attempt sent the create and never heard back: the site may hold the post already.
      context.progress({ step: 'checking', label: 'Looking for the post sent by the last attempt', bytesSent: 0, bytesTotal: 0 });
      const found = await site.findByMarker(key, signal);
      keeper.settle('post', key);
      if (!found) continue;
      const post = site.summary(found);
      context.log('info', `Found the post created by an earlier attempt (post ${post.id}); it is updated, not created again.`);
      for (const other of announced) keeper.settle('post', other.key);
      keeper.change({ postId: post.id, link: post.link, modifiedGmt: post.modified, contentHash: post.contentHash, clientKey: key });
      return { kind: 'post', post: found };
    }
    return { kind: 'post', post: null };
  }
  for (const { key } of announced) keeper.settle('post', key);

  context.progress({ step: 'checking', label: 'Checking the post on the site', bytesSent: 0, bytesTotal: 0 });
  const fetched = await site.fetch(record.postId, signal);
  if ('gone' in fetched) {
    context.log('warn', `Post ${record.postId} was ${fetched.gone} in ${site.cms}; a new post is created.`);
    keeper.change({ postId: null, link: '', modifiedGmt: '', contentHash: '', clientKey: job.clientKey });
    return { kind: 'post', post: null };
  }
  const remote = fetched.post;
  const now = site.summary(remote);
  const changed = now.modified !== record.modifiedGmt || (record.contentHash !== '' && now.contentHash !== record.contentHash);
  if (!changed) return { kind: 'post', post: remote };
  if (record.sentTextHash !== '' && now.textHash === record.sentTextHash) {
    context.log('info', `The update sent by an earlier attempt reached post ${now.id}; the change on the site is Newsdesk's own.`);
    keeper.change({ modifiedGmt: now.modified, contentHash: now.contentHash, sentTextHash: '' });
    return { kind: 'post', post: remote };
  }
  if (job.overwrite) {
    context.log('warn', `Post ${now.id} was changed in ${site.cms} (${site.stamp(now.modified)}); it is overwritten as asked.`);
    return { kind: 'post', post: remote };
  }
  context.log('warn', `Post ${now.id} was changed in ${site.cms} since the last push (${site.stamp(now.modified)}, was ${record.modifiedGmt || 'unknown'}).`);
  return { kind: 'conflict', conflict: site.conflictOf(remote, record.modifiedGmt) };
}

/** A create answered: the announced create is settled and the record names the new post. */
export function recordCreated(context: PublishContext, keeper: RecordKeeper, post: PostSummary, status: string): void {
  const { clientKey } = context.job;
  keeper.settle('post', clientKey, { postId: post.id, clientKey });
  context.log('info', `Created post ${post.id} (${status}).`);
}

/**
 * What the site holds once the post is written, with the step in the record's history (published,
 * or updated when it was live already; a retract or kill notice before it is over): on disk, in
 * one write, before the attempt reports success.
 */
export async function recordWritten(keeper: RecordKeeper, post: PostSummary, now: Date, mode: PublishMode): Promise<void> {
  const at = now.toISOString();
  const written = { ...keeper.current, postId: post.id, link: post.link, modifiedGmt: post.modified, contentHash: post.contentHash, sentTextHash: '', publishedAt: at, retracted: null, killed: null };
  keeper.change(withHistory(written, { at, action: keeper.wasOnSite ? 'updated' : 'published', status: mode, link: post.link }));
  // Back to the announce or the update's intent after a power cut, the next attempt finds the post by its marker or knows the change as its own.
  await keeper.save({ mayRevert: true });
}

/** Before an update is sent: should its answer be lost, the next attempt knows the change is ours. */
export async function recordSending(keeper: RecordKeeper, textHash: string): Promise<void> {
  keeper.change({ sentTextHash: textHash });
  await keeper.save();
}
