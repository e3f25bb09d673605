import { z } from 'zod';
import { Article, ArticleId, ArticleStatus, DraftSummary, IsoTime } from '../model/article';
import { Settings, SettingsPatch } from '../model/settings';
import { Photo, PhotoId, PhotoMetadata } from '../model/photo';
import { BatchPhotoChanges, ImportJob, ImportJobId, PhotoPage, PhotoQuery } from './media-contract';
import { desktopChannels } from './desktop-contract';
import { feedsChannels } from './feeds-contract';
import { publishingChannels } from './publishing-contract';
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

export const SaveRequest = z
  .object({ article: Article, reason: z.enum(['auto', 'manual']) })
  .strict();
export const SaveResult = z.object({ updatedAt: IsoTime, revisionId: z.string().nullable() });
export type SaveResult = z.infer<typeof SaveResult>;

export const AppInfo = z.object({
  version: z.string(),
  dataDir: z.string(),
  quarantined: z.array(QuarantinedFile),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const contract = {
  'app:info': { request: Empty, response: AppInfo },
  'app:openExternal': {
    request: z.object({ url: z.url({ protocol: /^https$/, hostname: z.regexes.domain }) }).strict(),
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
