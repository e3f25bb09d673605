import { z } from 'zod';
import { Article, ArticleId, ArticleStatus, DraftSummary, IsoTime } from '../model/article';
import { Settings, SettingsPatch } from '../model/settings';
import { Photo, PhotoId, PhotoMetadata } from '../model/photo';
import { BatchPhotoChanges, ImportJob, ImportJobId, PhotoPage, PhotoQuery } from './media-contract';
import { desktopChannels } from './desktop-contract';
import { feedsChannels } from './feeds-contract';
import { publishingChannels } from './publishing-contract';
import { photoTrashChannels } from './photo-trash-contract';
import type { ChannelName } from './channels';

/**
 * The one table of every call the renderer may make: channel → request schema → response schema.
 * The preload exposes exactly these channels; main validates every request against them.
 */
const Empty = z.object({}).strict();
const ById = z.object({ id: ArticleId }).strict();

export const RevisionInfo = z.object({
  revisionId: z.string(),
  savedAt: IsoTime,
  reason: z.enum(['auto', 'manual', 'before-restore', 'created']),
  headline: z.string(),
  wordCount: z.number().int().nonnegative(),
});
export type RevisionInfo = z.infer<typeof RevisionInfo>;

export const QuarantinedFile = z.object({
  file: z.string(),
  movedTo: z.string(),
  reason: z.string(),
  at: IsoTime,
});
export type QuarantinedFile = z.infer<typeof QuarantinedFile>;

export const DraftQuery = z
  .object({
    text: z.string().max(500).default(''),
    status: ArticleStatus.optional(),
    section: z.string().max(120).optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .strict();
export type DraftQuery = z.input<typeof DraftQuery>;

export const DraftPage = z.object({ items: z.array(DraftSummary), total: z.number().int().nonnegative() });
export type DraftPage = z.infer<typeof DraftPage>;

/**
 * How deep an article body's JSON may nest. Lexical nests two levels per node (node, children), so
 * this allows well over a hundred nested lists or quotes; far deeper, the draft file's
 * JSON.stringify runs out of stack.
 */
export const MAX_BODY_DEPTH = 256;

/**
 * What in `body` cannot be stored as JSON as it is, or null. The article schema checks the root
 * and the top-level nodes only; beyond them any value passes, yet over IPC a body may carry a
 * BigInt (JSON.stringify throws), a Map, Set, Date or byte array (silently written as something
 * else), or nesting too deep to serialise. Walked with an explicit stack so the check itself cannot
 * overflow.
 */
export function bodyProblem(body: unknown): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value: body, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return 'a number that is not finite';
      continue;
    }
    if (typeof value !== 'object') return `a value JSON cannot hold (${typeof value})`;
    if (depth >= MAX_BODY_DEPTH) return `more than ${MAX_BODY_DEPTH} levels of nesting`;
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index += 1) {
        if (!(index in value) || value[index] === undefined) return 'an array with a hole or an undefined item';
        stack.push({ value: value[index], depth: depth + 1 });
      }
      continue;
    }
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return 'an object that is not plain data (a Map, Set, Date or byte array)';
    // An undefined property is left out of the file, as the editor's own JSON export does.
    for (const item of Object.values(value)) if (item !== undefined) stack.push({ value: item, depth: depth + 1 });
  }
  return null;
}

export const SaveRequest = z
  .object({ article: Article, reason: z.enum(['auto', 'manual']) })
  .strict()
  .superRefine((request, context) => {
    const problem = bodyProblem(request.article.body);
    if (problem) context.addIssue({ code: 'custom', path: ['article', 'body'], message: `The article body holds ${problem}.` });
  });
export const SaveResult = z.object({ updatedAt: IsoTime, revisionId: z.string().nullable() });
export type SaveResult = z.infer<typeof SaveResult>;

/**
 * An https address to open in the OS browser. URL parsing drops a trailing NUL or other control
 * character without complaint, but the string itself is what the OS is handed, so such characters
 * are refused outright.
 */
export const ExternalUrl = z
  .url({ protocol: /^https$/, hostname: z.regexes.domain })
  .max(2000)
  .regex(/^[^\s\p{Cc}]+$/u, 'The address has spaces or control characters in it');

/** Why this window's library is read-only: another desk holds it, or it cannot be written. */
export const LibraryReadOnly = z.object({
  /** A sentence for the banner, e.g. "Open on desk-3 since 6 Dec 2026, 09:12: opened read-only. …". */
  reason: z.string(),
  /** Who holds the library's lock, when that is the reason. */
  heldBy: z.object({ host: z.string(), pid: z.number().int(), startedAt: IsoTime }).nullable(),
});
export type LibraryReadOnly = z.infer<typeof LibraryReadOnly>;

export const AppInfo = z.object({
  version: z.string(),
  dataDir: z.string(),
  quarantined: z.array(QuarantinedFile),
  /** Null while this process may change the library; every change is refused otherwise. */
  readOnly: LibraryReadOnly.nullable(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const contract = {
  'app:info': { request: Empty, response: AppInfo },
  'app:openExternal': {
    request: z.object({ url: ExternalUrl }).strict(),
    response: z.null(),
  },
  'settings:get': { request: Empty, response: Settings },
  'settings:update': { request: SettingsPatch, response: Settings },
  'drafts:list': { request: DraftQuery, response: DraftPage },
  'drafts:get': { request: ById, response: Article },
  'drafts:create': {
    request: z.object({ section: z.string().max(120).optional() }).strict(),
    response: Article,
  },
  'drafts:save': { request: SaveRequest, response: SaveResult },
  'drafts:duplicate': { request: ById, response: Article },
  'drafts:trash': { request: ById, response: z.null() },
  'drafts:listTrash': { request: Empty, response: z.array(DraftSummary) },
  'drafts:restoreFromTrash': { request: ById, response: DraftSummary },
  'drafts:revisions': { request: ById, response: z.array(RevisionInfo) },
  'drafts:getRevision': {
    request: z.object({ id: ArticleId, revisionId: z.string().regex(/^[0-9a-z-]{1,64}$/) }).strict(),
    response: Article,
  },
  'drafts:restoreRevision': {
    request: z.object({ id: ArticleId, revisionId: z.string().regex(/^[0-9a-z-]{1,64}$/) }).strict(),
    response: Article,
  },
  'media:list': { request: PhotoQuery, response: PhotoPage },
  'media:get': { request: z.object({ id: PhotoId }).strict(), response: Photo },
  /** Photos by id, in the order asked; ids not in the library are left out. */
  'media:getMany': { request: z.object({ ids: z.array(PhotoId).max(500) }).strict(), response: z.array(Photo) },
  /** Opens the system file picker and imports what was chosen; null when the picker was closed. */
  'media:chooseAndImport': { request: Empty, response: ImportJob.nullable() },
  /** Starts an import of files the renderer holds (drop, paste); their bytes follow with media:addFile. */
  'media:beginImport': {
    request: z.object({ names: z.array(z.string().min(1).max(500)).min(1).max(1000) }).strict(),
    response: ImportJob,
  },
  'media:addFile': {
    request: z
      .object({ jobId: ImportJobId, index: z.number().int().min(0).max(999), bytes: z.instanceof(Uint8Array) })
      .strict(),
    response: z.null(),
  },
  /** Records a file the renderer could not read (a dropped folder, say) as failed, with the reason. */
  'media:skipFile': {
    request: z.object({ jobId: ImportJobId, index: z.number().int().min(0).max(999), reason: z.string().min(1).max(500) }).strict(),
    response: z.null(),
  },
  'media:importStatus': { request: z.object({ jobId: ImportJobId }).strict(), response: ImportJob },
  'media:cancelImport': { request: z.object({ jobId: ImportJobId }).strict(), response: ImportJob },
  'media:update': {
    request: z.object({ id: PhotoId, metadata: PhotoMetadata.partial().strict() }).strict(),
    response: Photo,
  },
  /** One change applied to many photos; returns their metadata from before, for Undo. */
  'media:updateMany': {
    request: z.object({ ids: z.array(PhotoId).min(1).max(500), changes: BatchPhotoChanges }).strict(),
    response: z.object({ photos: z.array(Photo), previous: z.array(z.object({ id: PhotoId, metadata: PhotoMetadata })) }),
  },
  /** Puts back metadata saved from an earlier media:updateMany (Undo). */
  'media:restoreMetadata': {
    request: z.object({ items: z.array(z.object({ id: PhotoId, metadata: PhotoMetadata }).strict()).min(1).max(500) }).strict(),
    response: z.array(Photo),
  },
  /** Saves a copy of the photo where the person chooses, with credits written into its XMP if the setting says so. */
  'media:exportCopy': {
    request: z.object({ id: PhotoId }).strict(),
    response: z.object({ path: z.string() }).nullable(),
  },
  ...desktopChannels,
  ...feedsChannels,
  ...publishingChannels,
  ...photoTrashChannels,
} as const satisfies Record<ChannelName, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
