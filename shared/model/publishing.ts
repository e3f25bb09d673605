import { z } from 'zod';
import { ArticleId, IsoTime } from './article';
import { BylineUsers } from './byline-users';
import { PhotoId } from './photo';
import { RemoteEvent, RetractAs } from './remote-history';

export { REMOTE_HISTORY_LIMIT, RemoteEvent, RetractAs } from './remote-history';

/**
 * Where stories are published, and the outbox that gets them there. Secrets (application passwords,
 * bearer tokens) never appear in these shapes: main keeps them encrypted and only says whether one is set.
 */

export const TargetId = z.string().regex(/^t-[a-z0-9]{6,40}$/, 'Not a valid target id');
export type TargetId = z.infer<typeof TargetId>;
export { BylineUserLink } from './byline-users';

const TargetName = z.string().trim().min(1, 'Give the target a name').max(120);
/**
 * Query parameters that carry a credential. Such a key in an address is refused rather than moved
 * to the keychain: Newsdesk sends a token only as an Authorization header, and a key left in an
 * address ends up in the site's access logs, proxies and any log line that names the address.
 */
const CREDENTIAL_PARAMS = /^(access_?token|refresh_?token|token|auth|auth_?token|api_?key|apikey|key|secret|client_?secret|password|passwd|pwd|sig|signature|app_?password|application_?password)$/i;

export function isCredentialParam(name: string): boolean {
  return CREDENTIAL_PARAMS.test(name);
}

/** What is wrong with credentials written into an address, or null when it carries none. */
export function credentialsInUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.username || parsed.password) {
    return 'Remove the user name and password from the address: the WordPress user goes in “User” and the password in “Application password” (or a token in “Bearer token”), where the system keychain keeps it.';
  }
  const named = [...parsed.searchParams.keys()].find(isCredentialParam);
  if (named !== undefined) {
    return `Remove “${named}=…” from the address and enter it in “Bearer token”: Newsdesk keeps it in the system keychain and sends it as a header, never in an address.`;
  }
  return null;
}

/** http is allowed for sites on this machine (a local WordPress); anything else must be https. */
export const TargetUrl = z
  .url({ protocol: /^https?$/, error: 'Enter the full address, starting with https://' })
  .max(2000)
  // First: a password typed into the address is the problem to hear about, whatever the scheme.
  .superRefine((url, context) => {
    const problem = credentialsInUrl(url);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  })
  .refine((url) => url.startsWith('https://') || /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(url), {
    message: 'Use https:// (plain http is allowed only for a site on this computer)',
  });

export const NINJS_VERSIONS = ['2.2', '3.1'] as const;
export const NinjsVersion = z.enum(NINJS_VERSIONS);
export type NinjsVersion = z.infer<typeof NinjsVersion>;

export const WordPressTarget = z
  .object({
    id: TargetId,
    kind: z.literal('wordpress'),
    name: TargetName,
    /** The site's address, e.g. https://example.com (the REST API is found under it). */
    siteUrl: TargetUrl,
    user: z.string().trim().min(1, 'Enter the WordPress user name').max(120),
    /** Byline names that the site spells otherwise, with the site user each stands for. */
    bylineUsers: BylineUsers.optional(),
    /** An application password is stored (encrypted); its value never leaves main. */
    hasSecret: z.boolean(),
    /** What the editor must do before this target can be used again (credentials were removed from its address). */
    attention: z.string().max(1000).optional(),
  })
  .strict();
export type WordPressTarget = z.infer<typeof WordPressTarget>;

export const NinjsTarget = z
  .object({
    id: TargetId,
    kind: z.literal('ninjs'),
    name: TargetName,
    /** Receives each story as a ninjs document in a POST. */
    url: TargetUrl,
    ninjsVersion: NinjsVersion,
    /** A bearer token is stored (encrypted). */
    hasSecret: z.boolean(),
    /** What the editor must do before this target can be used again (credentials were removed from its address). */
    attention: z.string().max(1000).optional(),
  })
  .strict();
export type NinjsTarget = z.infer<typeof NinjsTarget>;

/** Ghost Admin API key: "<24 hex id>:<64 hex secret>", as Ghost shows it for a custom integration. */
export const GHOST_ADMIN_KEY_PATTERN = /^[a-f0-9]{24}:[a-f0-9]{64}$/;

export const GhostTarget = z
  .object({
    id: TargetId,
    kind: z.literal('ghost'),
    name: TargetName,
    /** The site's address, e.g. https://example.com (the Admin API is found under /ghost/api/admin/). */
    siteUrl: TargetUrl,
    /** Byline names with the staff user (email or slug) each stands for. */
    bylineUsers: BylineUsers.optional(),
    /** An Admin API key (a custom integration's) is stored (encrypted). */
    hasSecret: z.boolean(),
    /** What the editor must do before this target can be used again (credentials were removed from its address). */
    attention: z.string().max(1000).optional(),
  })
  .strict();
export type GhostTarget = z.infer<typeof GhostTarget>;

export const PublishTarget = z.discriminatedUnion('kind', [WordPressTarget, NinjsTarget, GhostTarget]);
export type PublishTarget = z.infer<typeof PublishTarget>;

/** What the settings form sends: a target without `hasSecret`; `secret` only when typed (null = remove it). */
export const TargetInput = z.discriminatedUnion('kind', [
  WordPressTarget.omit({ hasSecret: true, id: true, attention: true }).extend({ id: TargetId.optional(), secret: z.string().max(500).nullable().optional() }).strict(),
  NinjsTarget.omit({ hasSecret: true, id: true, attention: true }).extend({ id: TargetId.optional(), secret: z.string().max(4000).nullable().optional() }).strict(),
  GhostTarget.omit({ hasSecret: true, id: true, attention: true })
    .extend({
      id: TargetId.optional(),
      secret: z
        .string()
        .trim()
        .regex(GHOST_ADMIN_KEY_PATTERN, 'Paste the Admin API key of a custom integration (Ghost Admin › Settings › Integrations): two parts joined by a colon')
        .nullable()
        .optional(),
    })
    .strict(),
]);
export type TargetInput = z.infer<typeof TargetInput>;

/** One step of "Test connection", in the order run; the first failing step says what is wrong. */
export const ConnectionStep = z.object({
  label: z.string(),
  ok: z.boolean(),
  detail: z.string(),
});
export const ConnectionReport = z.object({
  ok: z.boolean(),
  /** One sentence: what works, or exactly what is wrong. */
  message: z.string(),
  steps: z.array(ConnectionStep),
});
export type ConnectionReport = z.infer<typeof ConnectionReport>;

// ---------------------------------------------------------------------------------------------
// The outbox

/** A post's id on the site: a number on WordPress, 24 hex digits on Ghost. */
export const RemotePostId = z.union([z.number().int().positive(), z.string().regex(/^[a-f0-9]{24}$/)]);
export type RemotePostId = z.infer<typeof RemotePostId>;

export const JobId = z.string().regex(/^j-[a-z0-9-]{6,60}$/, 'Not a valid job id');
export type JobId = z.infer<typeof JobId>;

/**
 * queued: waiting its turn · running: being sent · waiting: failed for a reason that passes
 * (offline, 5xx, 429) and will retry at nextAttemptAt · conflict: the post changed in the CMS,
 * the editor decides · done · failed: stopped on an error retrying will not fix · cancelled.
 */
export const JOB_STATES = ['queued', 'running', 'waiting', 'conflict', 'done', 'failed', 'cancelled'] as const;
export const JobState = z.enum(JOB_STATES);
export type JobState = z.infer<typeof JobState>;

export const FINISHED_JOB_STATES: readonly JobState[] = ['done', 'failed', 'cancelled'];

/** publish: live now or at its scheduled time · draft: sent as a draft in the CMS. */
export const PublishMode = z.enum(['publish', 'draft']);
export type PublishMode = z.infer<typeof PublishMode>;

export const JobProgress = z.object({
  /** What is happening, for people: "Uploading photo 2 of 3 (“Macron at the Elysee”)". */
  label: z.string(),
  step: z.enum(['waiting', 'checking', 'uploading', 'captioning', 'terms', 'post', 'sending', 'done']),
  photoIndex: z.number().int().nonnegative(),
  photoCount: z.number().int().nonnegative(),
  bytesSent: z.number().int().nonnegative(),
  bytesTotal: z.number().int().nonnegative(),
});
export type JobProgress = z.infer<typeof JobProgress>;

export const JobLogEntry = z.object({
  at: IsoTime,
  level: z.enum(['info', 'warn', 'error']),
  message: z.string(),
});
export type JobLogEntry = z.infer<typeof JobLogEntry>;

/** The remote and local versions shown side by side when the post changed in the CMS. */
export const ConflictVersions = z.object({
  remote: z.object({ title: z.string(), excerpt: z.string(), html: z.string(), modifiedGmt: z.string(), link: z.string() }),
  local: z.object({ title: z.string(), excerpt: z.string(), html: z.string() }),
  /** modified_gmt recorded at the last push from Newsdesk. */
  knownModifiedGmt: z.string(),
});
export type ConflictVersions = z.infer<typeof ConflictVersions>;

export const PublishJob = z.object({
  id: JobId,
  articleId: ArticleId,
  targetId: TargetId,
  /** The headline when queued, so the outbox can list jobs without opening articles. */
  headline: z.string(),
  /**
   * 'video' when the job sends a video item (its id is then in `articleId`: both are random UUIDs,
   * so one never names the other); absent for an article, as in every job stored before videos.
   */
  itemKind: z.literal('video').optional(),
  mode: PublishMode,
  /**
   * Written to disk before anything is sent. Every resource the job creates is tagged with it, so a
   * retry after a lost response finds what was created instead of creating it twice.
   */
  clientKey: z.string().regex(/^[a-z0-9]{16,64}$/),
  /** Replace the remote post even if it changed in the CMS (the editor chose "Overwrite"). */
  overwrite: z.boolean(),
  /** Set on a retract job: the post already on the site is taken off it (nothing else is sent). Absent on a publish. */
  retract: z
    .object({
      as: RetractAs,
      /** The story's expiry that queued this retract (absent when an editor asked for it). */
      expiredAt: IsoTime.optional(),
    })
    .strict()
    .optional(),
  /** Set on a kill: the post keeps its address and headline, its content is replaced by this notice (nothing else is sent). */
  kill: z.object({ label: z.string().min(1).max(200), text: z.string().min(1).max(2000) }).strict().optional(),
  state: JobState,
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: IsoTime.nullable(),
  /** Why the job is waiting, failed or in conflict, in a sentence (the CMS's own message when it gave one). */
  lastError: z.string().nullable(),
  progress: JobProgress,
  log: z.array(JobLogEntry),
  conflict: ConflictVersions.nullable(),
  /** Where the story is on the site once done (WordPress). */
  remote: z.object({ postId: RemotePostId.nullable(), link: z.string() }).nullable(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type PublishJob = z.infer<typeof PublishJob>;

/** What Newsdesk knows of an article on a WordPress site after a push: reused by the next push. */
export const RemoteMedia = z.object({
  photoId: PhotoId,
  /** WordPress's media id; 0 on Ghost, whose images have no id (the URL is the image). */
  mediaId: z.number().int().nonnegative(),
  sourceUrl: z.string(),
  /** Caption, credit and alt text last written, so unchanged photos are not touched again. */
  fieldsHash: z.string(),
});
export type RemoteMedia = z.infer<typeof RemoteMedia>;

/** What a create request is about to make: a post (key: the client key in its marker) or a media item (key: its slug). */
export const PendingCreate = z.object({ kind: z.enum(['post', 'media']), key: z.string().regex(/^[a-z0-9]{16,64}$/) });
export type PendingCreate = z.infer<typeof PendingCreate>;

export const RemoteRecord = z.object({
  targetId: TargetId,
  articleId: ArticleId,
  postId: RemotePostId.nullable(),
  link: z.string(),
  /** The post's modified_gmt (Ghost: updated_at) after our last write: a different value later means someone else edited it. */
  modifiedGmt: z.string(),
  media: z.array(RemoteMedia),
  /** The client key of the job that created the post, for the lookup after a lost response. */
  clientKey: z.string(),
  publishedAt: IsoTime.nullable(),
  /**
   * Creates announced but whose answers are not recorded yet: written (all at once) before the first
   * of those requests is sent, each removed once its answer is recorded. The next attempt first
   * looks each one up by its key, since the CMS may have created it and only the answer was lost.
   */
  pending: z.array(PendingCreate).default([]),
  /**
   * A fingerprint of the post's title, excerpt and content as the CMS held them after our last write:
   * modified_gmt has one-second steps, so an edit in the same second is caught by this instead.
   */
  contentHash: z.string().default(''),
  /**
   * The text of an update sent and not yet answered: if its answer is lost (or the app quits while
   * it is on its way), the next attempt finds the post changed, and this tells our own update
   * apart from someone else's edit.
   */
  sentTextHash: z.string().default(''),
  /** When and how the post was last taken off the site; null once it is published again. */
  retracted: z.object({ at: IsoTime, as: RetractAs }).nullable().optional(),
  /** When the post was replaced by a kill notice; null once the story is published there again. Updates are not pushed to a killed post. */
  killed: z.object({ at: IsoTime }).nullable().optional(),
  /** The post's life on the site as Newsdesk wrote it: publishes, updates, retracts. */
  history: z.array(RemoteEvent).optional(),
});
export type RemoteRecord = z.infer<typeof RemoteRecord>;

/** Placement that a target cannot carry, said to the editor before publishing ("not sent: …"). */
export const PublishPlan = z.object({
  targetKind: z.enum(['wordpress', 'ninjs', 'ghost']),
  /** draft | publish | future, as the CMS will hold it. */
  status: z.enum(['draft', 'publish', 'future']),
  /** For future: when it goes live (UTC, ISO). */
  goLiveAt: IsoTime.nullable(),
  categories: z.array(z.string()),
  tags: z.array(z.string()),
  sticky: z.boolean(),
  photoCount: z.number().int().nonnegative(),
  /** An update of an earlier push (the post id), or null for a new post. */
  existingPostId: RemotePostId.nullable(),
  existingLink: z.string().nullable(),
  notCarried: z.array(z.string()),
  /** What the site will show as the story's author and byline, one sentence each; absent for ninjs. */
  byline: z.array(z.string()).optional(),
  /** Warnings about time: this computer's clock differs from the site's, or the go-live time has passed here. */
  clockNotes: z.array(z.string()).optional(),
});
export type PublishPlan = z.infer<typeof PublishPlan>;
