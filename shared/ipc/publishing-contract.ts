import { z } from 'zod';
import { ArticleId } from '../model/article';
import {
  ConnectionReport,
  JobId,
  NinjsVersion,
  PublishJob,
  PublishMode,
  PublishTarget,
  RemoteEvent,
  RetractAs,
  TargetId,
  TargetInput,
} from '../model/publishing';
import { PublishCheck } from '../model/publish-check';
import { CorrectionEntry, CorrectionKind, CorrectionText } from '../model/corrections';
import { IsoTime } from '../model/article';

/** The publishing, outbox and export channels and their schemas (contract.ts assembles every domain). */

const Empty = z.object({}).strict();
/** 'video': `articleId` names a video item, published (or exported) as the post it makes; absent: an article. */
const ItemKind = z.literal('video').optional();

export const QueueRequest = z
  .object({
    articleId: ArticleId,
    itemKind: ItemKind,
    targetId: TargetId,
    mode: PublishMode,
    /** The warning codes the editor acknowledged; every warning of the check must be among them. */
    acknowledged: z.array(z.string().max(80)).max(200),
  })
  .strict();

export const OutboxView = z.object({
  jobs: z.array(PublishJob),
  /** False while some target's last attempt found no connection; its jobs go when it answers again. */
  online: z.boolean(),
  /** Those targets: only their jobs are "queued — will publish when online". */
  unreachable: z.array(TargetId),
});
export type OutboxView = z.infer<typeof OutboxView>;

/** Where a story is on each site Newsdesk pushed it to (from the remote records), for the Publish panel. */
export const StoryOnSite = z.object({
  targetId: TargetId,
  targetName: z.string(),
  kind: z.enum(['wordpress', 'ghost', 'ninjs']),
  link: z.string(),
  /** Taken off the site: when, and how. */
  retracted: z.object({ at: IsoTime, as: RetractAs }).nullable(),
  /** Replaced by a kill notice there: when. */
  killed: z.object({ at: IsoTime }).nullable().optional(),
  history: z.array(RemoteEvent),
});
export type StoryOnSite = z.infer<typeof StoryOnSite>;

/** `itemKind: 'video'`: the note goes on the video item named by `articleId`. */
export const AddCorrectionRequest = z.object({ articleId: ArticleId, itemKind: ItemKind, kind: CorrectionKind, text: CorrectionText }).strict();
export const AddCorrectionResult = z.object({
  entry: CorrectionEntry,
  /** The update pushed to each site where the story is live. */
  jobs: z.array(PublishJob),
  /** Sites where the story is live but the update was not queued, each with why. */
  notPushed: z.array(z.string()),
});
export type AddCorrectionResult = z.infer<typeof AddCorrectionResult>;

export const ConflictChoice = z.enum(['overwrite', 'takeRemote', 'cancel']);
export type ConflictChoice = z.infer<typeof ConflictChoice>;

export const publishingChannels = {
  /** Targets without their secrets. */
  'targets:list': { request: Empty, response: z.array(PublishTarget) },
  /** Adds (no id) or changes a target; a typed secret is encrypted with the OS keychain before it is stored. */
  'targets:save': { request: TargetInput, response: PublishTarget },
  'targets:remove': { request: z.object({ id: TargetId }).strict(), response: z.null() },
  /** Tries a saved target, or the form's values before saving them. */
  'targets:test': {
    request: z.union([z.object({ id: TargetId }).strict(), z.object({ input: TargetInput }).strict()]),
    response: ConnectionReport,
  },
  /** The pre-publish check and what the target will receive, without queueing anything. */
  'publish:check': { request: z.object({ articleId: ArticleId, itemKind: ItemKind, targetId: TargetId, mode: PublishMode }).strict(), response: PublishCheck },
  /** Runs the check again, then stores the job in the outbox (refused while anything blocks). */
  'publish:queue': { request: QueueRequest, response: PublishJob },
  /** The sites the story is on (or was, before a retract), with each post's address and history. */
  'publish:onSites': { request: z.object({ articleId: ArticleId }).strict(), response: z.array(StoryOnSite) },
  /** Queues a retract: the post goes back to a draft (or, on WordPress, to the trash) on that site. */
  'publish:retract': { request: z.object({ articleId: ArticleId, itemKind: ItemKind, targetId: TargetId, as: RetractAs }).strict(), response: PublishJob },
  /** Queues a kill: the post keeps its address and headline and shows only the kill notice ("Withdrawn, <date>: text"). */
  'publish:kill': { request: z.object({ articleId: ArticleId, targetId: TargetId, text: z.string().trim().min(1, 'Say why the story is withdrawn').max(2000) }).strict(), response: PublishJob },
  /** The story's corrections log, oldest first. */
  'corrections:list': { request: z.object({ articleId: ArticleId }).strict(), response: z.array(CorrectionEntry) },
  /** Appends the note to the story in the house format, logs it, and pushes the story as an update where it is live. */
  'corrections:add': { request: AddCorrectionRequest, response: AddCorrectionResult },
  'outbox:list': { request: Empty, response: OutboxView },
  /** Stops a job; an upload under way is aborted. */
  'outbox:cancel': { request: z.object({ id: JobId }).strict(), response: PublishJob },
  /** Tries waiting jobs now instead of at their next retry (the network came back). */
  'outbox:retryNow': { request: Empty, response: OutboxView },
  /** Removes finished jobs (done, failed, cancelled) from the list. */
  'outbox:clearFinished': { request: Empty, response: OutboxView },
  /**
   * The editor's answer to a conflict: overwrite the CMS's version, take it as a new local revision
   * (the job is then closed), or cancel the job.
   */
  'outbox:resolveConflict': { request: z.object({ id: JobId, choice: ConflictChoice }).strict(), response: PublishJob },
  /** Saves the article as clean HTML (photos in a folder beside it); null when the dialog was closed. */
  'export:html': { request: z.object({ articleId: ArticleId, itemKind: ItemKind }).strict(), response: z.object({ path: z.string() }).nullable() },
  'export:ninjs': {
    request: z.object({ articleId: ArticleId, itemKind: ItemKind, version: NinjsVersion }).strict(),
    response: z.object({ path: z.string() }).nullable(),
  },
} as const;
