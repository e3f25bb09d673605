import type { PublishCheck } from '../../../../shared/model/publish-check';
import { UserFacingError } from '../../../../shared/model/errors';
import type { Article } from '../../../../shared/model/article';
import type { Photo } from '../../../../shared/model/photo';
import { itemKey, type ItemRef, type Placement } from '../../../../shared/model/placement';
import type { PublishMode, PublishTarget, RemoteRecord } from '../../../../shared/model/publishing';
import { checkForPublishing } from '../../../../shared/rules/publish-check';
import { feedsOfArticle, planPublish } from '../../../../shared/rules/publish-plan';
import { photoUsesOf } from '../../../../shared/rules/prepublish';
import { extraPhotoIdsOf } from '../../../../shared/rules/seo';
import { slugify } from '../../../../shared/rules/slug';
import type { DraftStore } from '../drafts/types';
import type { BoardStore } from '../feeds/board-store';
import type { MediaLibrary } from '../media/types';
import type { SettingsService } from '../settings/settings-service';
import { isPublishError } from './http/publish-error';
import type { RemoteRecords } from './remote/remote-records';
import type { SiteClocks } from './http/site-clock';
import type { TargetsStore } from './targets/targets-store';
import type { VideoStore } from '../feeds/video-store';
import { checkVideoForPublishing, videoAsArticle } from '../../../../shared/rules/video-publish';

/**
 * Everything the pre-publish check and the plan look at, gathered from the stores: the article,
 * the library's records of its photos, its placement and feeds, and what the target already holds.
 */
export interface PublishInputsServices {
  drafts: Pick<DraftStore, 'get'>;
  media: Pick<MediaLibrary, 'getMany'>;
  board: Pick<BoardStore, 'get'>;
  settings: Pick<SettingsService, 'get'>;
  targets: Pick<TargetsStore, 'get'>;
  /** Video items, for the check of a video's post (absent: a video cannot be checked). */
  videos?: Pick<VideoStore, 'get'>;
  records: RemoteRecords;
  /** What time it is on each site, learnt from its answers. */
  clocks: SiteClocks;
  /** What the site will show as author and byline (reads the site's users); absent: the plan leaves it out. */
  bylinePlan?: (target: PublishTarget, byline: Article['byline']) => Promise<string[] | undefined>;
}

export interface CheckedArticle {
  article: Article;
  target: PublishTarget;
  placement: Placement | null;
  check: PublishCheck;
}

export function requireTarget(targets: Pick<TargetsStore, 'get'>, id: string): PublishTarget {
  const target = targets.get(id);
  if (!target) throw new UserFacingError('not-found', 'That publish target no longer exists; choose another one in the publish panel.');
  return target;
}

/** The library's records of every photo the article uses (lead, inline and social image), by id. */
export async function photosOf(media: Pick<MediaLibrary, 'getMany'>, article: Article): Promise<Map<string, Photo>> {
  const ids = [...new Set([...photoUsesOf(article).map((use) => use.photoId), ...extraPhotoIdsOf(article)])];
  const photos = ids.length === 0 ? [] : await media.getMany(ids);
  return new Map(photos.map((photo) => [photo.id, photo]));
}

export function placementOf(board: Pick<BoardStore, 'get'>, articleId: string, kind: ItemRef['kind'] = 'article'): Placement | null {
  return board.get().placements[itemKey({ kind, id: articleId })] ?? null;
}

/** The record of the last push, with a failure to read it said as a sentence. */
export async function remoteRecordOf(records: RemoteRecords, targetId: string, articleId: string): Promise<RemoteRecord | null> {
  try {
    return await records.get(targetId, articleId);
  } catch (error) {
    if (isPublishError(error)) throw new UserFacingError('io', error.message);
    throw error;
  }
}

/** Runs the pre-publish check and plans what the target will receive, sending nothing. */
export async function checkArticle(
  services: PublishInputsServices,
  request: { articleId: string; targetId: string; mode: PublishMode },
  now: Date,
): Promise<CheckedArticle> {
  const target = requireTarget(services.targets, request.targetId);
  const article = await services.drafts.get(request.articleId);
  const [photos, record] = await Promise.all([photosOf(services.media, article), remoteRecordOf(services.records, target.id, article.id)]);
  const board = services.board.get();
  const placement = placementOf(services.board, article.id);
  const feeds = feedsOfArticle(board, services.settings.get().feeds, article.id);
  const { blocking, warnings } = checkForPublishing({ article, photos, placement, now, mode: request.mode });
  const existing = record && record.postId !== null ? { postId: record.postId, link: record.link } : null;
  // Known once the site has answered (a connection test, an earlier push): a skewed desk clock is said.
  const siteClockSkewMs = services.clocks.skewMs(target.kind === 'ninjs' ? target.url : target.siteUrl, now.getTime());
  const byline = services.bylinePlan ? await services.bylinePlan(target, article.byline) : undefined;
  const plan = planPublish({ article, placement, feeds, mode: request.mode, targetKind: target.kind, existing, now, siteClockSkewMs, ...(byline ? { byline } : {}) });
  return { article, target, placement, check: { blocking, warnings, plan } };
}

/**
 * The check and plan of a video item's post: what checkArticle does for a story, on the post the
 * video becomes, with the video's own findings (its player, its poster) in place of a story's.
 */
export async function checkVideo(
  services: PublishInputsServices,
  request: { videoId: string; targetId: string; mode: PublishMode },
  now: Date,
): Promise<CheckedArticle> {
  const target = requireTarget(services.targets, request.targetId);
  if (!services.videos) throw new UserFacingError('invalid-request', 'Video items cannot be published from here.');
  const video = services.videos.get(request.videoId);
  const article = videoAsArticle(video);
  const [photos, record] = await Promise.all([photosOf(services.media, article), remoteRecordOf(services.records, target.id, video.id)]);
  const placement = placementOf(services.board, video.id, 'video');
  const feeds = feedsOfArticle(services.board.get(), services.settings.get().feeds, video.id, 'video');
  const { blocking, warnings } = checkVideoForPublishing(video, { photos, placement, now, mode: request.mode });
  const existing = record && record.postId !== null ? { postId: record.postId, link: record.link } : null;
  const siteClockSkewMs = services.clocks.skewMs(target.kind === 'ninjs' ? target.url : target.siteUrl, now.getTime());
  const plan = planPublish({ article, placement, feeds, mode: request.mode, targetKind: target.kind, existing, now, siteClockSkewMs });
  return { article, target, placement, check: { blocking, warnings, plan } };
}

/**
 * The refusal when something blocks, or when a warning was not acknowledged, listing each finding
 * as the check said it; null when the article may be queued.
 */
export function refusalOf(check: PublishCheck, acknowledged: readonly string[]): UserFacingError | null {
  if (check.blocking.length > 0) {
    const count = check.blocking.length;
    const lead = count === 1 ? 'One thing stops this story from being published' : `${count} things stop this story from being published`;
    return new UserFacingError('invalid-request', `${lead}: ${check.blocking.map((issue) => issue.message).join(' ')}`);
  }
  const seen = new Set(acknowledged);
  const open = check.warnings.filter((issue) => !seen.has(issue.code));
  if (open.length === 0) return null;
  const what = open.length === 1 ? 'this warning' : `these ${open.length} warnings`;
  return new UserFacingError('invalid-request', `Confirm ${what} before publishing: ${open.map((issue) => issue.message).join(' ')}`);
}

/** "budget-passes.html": the article's slug (or its headline's), never a path. */
export function exportName(article: Article, extension: string): string {
  const stem = (article.slug || slugify(article.headline)).replace(/[^a-z0-9-]+/gi, '-').replace(/^-+|-+$/g, '') || 'article';
  return `${stem}${extension}`;
}
