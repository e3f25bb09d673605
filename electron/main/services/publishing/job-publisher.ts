import type { Article } from '../../../../shared/model/article';
import type { Photo } from '../../../../shared/model/photo';
import { itemKey } from '../../../../shared/model/placement';
import type { VideoItem } from '../../../../shared/model/video';
import { ninjsVideoOf, videoAsArticle } from '../../../../shared/rules/video-publish';
import type { VideoStore } from '../feeds/video-store';
import { jobItem } from './outbox/delivery';
import type { NinjsTarget, PublishTarget } from '../../../../shared/model/publishing';
import { UserFacingError } from '../../../../shared/model/errors';
import { articleBodyHtml } from '../../../../shared/rules/article-html';
import { ninjsPicturesOf, toNinjs } from '../../../../shared/rules/ninjs';
import { ninjsAvatarsOf } from '../../../../shared/rules/ninjs-avatars';
import { photoUsesOf } from '../../../../shared/rules/prepublish';
import { extraPhotoIdsOf } from '../../../../shared/rules/seo';
import { clockSkewNote, feedsOfArticle } from '../../../../shared/rules/publish-plan';
import type { DraftStore } from '../drafts/types';
import type { BoardStore } from '../feeds/board-store';
import type { MediaLibrary } from '../media/types';
import type { SettingsService } from '../settings/settings-service';
import { cleanArticleHtml } from './export/clean-html';
import { sendNinjsDocument } from './export/ninjs-endpoint';
import { articleNinjsUri, videoNinjsUri } from './export/ninjs-export';
import type { PublishContext, PublishOutcome, Publisher } from './outbox/publisher';
import { PublishError } from './http/publish-error';
import { publishToWordPress } from './wordpress/publish-wordpress';
import { publishToGhost } from './ghost/publish-ghost';
import type { RemoteRecords } from './remote/remote-records';
import type { HttpClient } from './http/http-client';
import { messageOf } from '../../../../shared/model/errors';
import { runKill } from './job-kill';
import { runRetract } from './job-retract';

/**
 * The publisher the outbox runs: loads what a job needs (the article, its photos, its placement,
 * the target and its secret) and hands it to the WordPress or the ninjs sender.
 */

export interface TargetLookup {
  get(id: string): PublishTarget | undefined;
  secretOf(id: string): Promise<string | null>;
}

export interface JobPublisherDeps {
  drafts: DraftStore;
  media: MediaLibrary;
  board: BoardStore;
  /** Video items, for jobs that send one (absent: such a job fails with a sentence). */
  videos?: Pick<VideoStore, 'find'>;
  settings: SettingsService;
  targets: TargetLookup;
  records: RemoteRecords;
  /** Per request to a site; the http client's default when absent. */
  requestTimeoutMs?: number;
  /** How jobs talk to the sites, and the sites' clocks (one for the app, from the composition root). */
  http: HttpClient;
  /** This computer's clock (tests inject one that is off); embargoes are still decided by the site's. */
  now?: () => Date;
}

async function loadArticle(drafts: DraftStore, articleId: string): Promise<Article> {
  const where = drafts.summaryById(articleId);
  if (where?.location === 'trash') {
    throw new PublishError('local', 'The article is in the trash; restore it to publish it.');
  }
  try {
    return await drafts.get(articleId);
  } catch (error) {
    if (error instanceof UserFacingError && error.code === 'not-found') {
      throw new PublishError('local', 'The article no longer exists in the drafts, so there is nothing to publish.');
    }
    if (error instanceof UserFacingError) throw new PublishError('local', error.message, { cause: error });
    throw error;
  }
}

function loadVideo(deps: JobPublisherDeps, videoId: string): VideoItem {
  const video = deps.videos?.find(videoId) ?? null;
  if (!video) throw new PublishError('local', 'The video item no longer exists (or is in the trash), so there is nothing to publish.');
  return video;
}

async function loadSecret(targets: TargetLookup, target: PublishTarget): Promise<string | null> {
  try {
    return await targets.secretOf(target.id);
  } catch (error) {
    const detail = messageOf(error);
    throw new PublishError('local', `The stored ${target.kind === 'wordpress' ? 'password' : target.kind === 'ghost' ? 'Admin API key' : 'token'} of “${target.name}” could not be read: ${detail}`, { cause: error });
  }
}

export function createJobPublisher(deps: JobPublisherDeps): Publisher {
  return async (context: PublishContext): Promise<PublishOutcome> => {
    const { job } = context;
    const target = deps.targets.get(job.targetId);
    if (!target) throw new PublishError('local', 'The publish target of this job was removed in Settings; choose another target and publish again.');
    if (target.attention) throw new PublishError('local', `“${target.name}” cannot be used yet: ${target.attention}`);
    const secret = await loadSecret(deps.targets, target);
    if (job.retract) return runRetract(deps, context, target, secret);
    if (job.kill) return runKill(deps, context, target, secret);

    const video = job.itemKind === 'video' ? loadVideo(deps, job.articleId) : null;
    // A video goes out as the post it makes (see shared/rules/video-publish.ts), through the same code.
    const article = video ? videoAsArticle(video) : await loadArticle(deps.drafts, job.articleId);
    const photoIds = [...new Set([...photoUsesOf(article).map((use) => use.photoId), ...extraPhotoIdsOf(article)])];
    const photos = new Map<string, Photo>((await deps.media.getMany(photoIds)).map((photo) => [photo.id, photo]));
    const board = deps.board.get();
    const placement = board.placements[itemKey(jobItem(job))] ?? null;
    const settings = deps.settings.get();
    // What every CMS publisher takes, beside its target and secret.
    const cmsInput = () => ({
      context,
      article,
      photos,
      placement,
      feeds: feedsOfArticle(board, settings.feeds, article.id, jobItem(job).kind),
      records: deps.records,
      media: deps.media,
      writeXmp: settings.photoDesk.writeXmpOnExport,
      requestTimeoutMs: deps.requestTimeoutMs,
      http: deps.http,
    });

    if (target.kind === 'wordpress') {
      if (!secret) throw new PublishError('local', `No application password is stored for “${target.name}”. Enter it in Settings › Publishing, then retry.`);
      return publishToWordPress({ ...cmsInput(), target, password: secret, ...(deps.now ? { now: deps.now } : {}) });
    }
    if (target.kind === 'ghost') {
      if (!secret) throw new PublishError('local', `No Admin API key is stored for “${target.name}”. Enter it in Settings › Publishing, then retry.`);
      return publishToGhost({ ...cmsInput(), target, adminApiKey: secret });
    }
    return publishToNinjsEndpoint(context, target, secret, { article, video, photos, placement, clock: deps.now ?? (() => new Date()) }, deps.http, deps.requestTimeoutMs);
  };
}

interface NinjsStory {
  article: Article;
  /** Set when the article is a video item's post. */
  video: VideoItem | null;
  photos: ReadonlyMap<string, Photo>;
  placement: ReturnType<BoardStore['get']>['placements'][string] | null;
  /** This computer's clock. */
  clock: () => Date;
}

/**
 * The endpoint receives one JSON document and no files: each picture goes as an association with
 * its caption, credit and alt text, and the body leaves its figures out (they would have no address).
 */
async function publishToNinjsEndpoint(
  context: PublishContext,
  target: NinjsTarget,
  token: string | null,
  story: NinjsStory,
  http: HttpClient,
  timeoutMs: number | undefined,
): Promise<PublishOutcome> {
  const { job, signal } = context;
  const { article, video, photos, placement, clock } = story;
  const player = video ? ninjsVideoOf(video) : null;
  const now = clock();
  const document = toNinjs(target.ninjsVersion, {
    article,
    bodyHtml: cleanArticleHtml(articleBodyHtml(article.body, { photoSrc: () => null })),
    pictures: ninjsPicturesOf(article, photos, () => ''),
    // The receiver has no files of ours: the avatar (a few KB, capped by the model) goes as its data: URL.
    avatars: ninjsAvatarsOf(article.byline, (avatar) => avatar.author.avatar),
    placement,
    uri: video ? videoNinjsUri(article.id) : articleNinjsUri(article.id),
    now,
    mode: job.mode,
    ...(player ? { video: player } : {}),
  });
  const label = `Sending the story as ninjs ${target.ninjsVersion}`;
  context.progress({ step: 'sending', label, bytesSent: 0, bytesTotal: 0, photoIndex: 0, photoCount: 0 });
  const answer = await sendNinjsDocument({
    url: target.url,
    token,
    document,
    clientKey: job.clientKey,
    signal,
    timeoutMs,
    http,
    onProgress: (sent, total) => context.progress({ step: 'sending', label, bytesSent: sent, bytesTotal: total }),
  });
  context.log('info', `${target.name} accepted the story (HTTP ${answer.status}).`);
  const skewed = clockSkewNote(http.clocks.skewMs(target.url, clock().getTime()));
  if (skewed) context.log('warn', skewed);
  context.progress({ step: 'done', label: 'Sent', bytesSent: 0, bytesTotal: 0 });
  return { kind: 'done', remote: { postId: null, link: '' } };
}
