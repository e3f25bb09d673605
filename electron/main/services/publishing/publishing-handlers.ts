import type { photoKillChannels } from '../../../../shared/ipc/photo-kill-contract';
import type { publishingChannels } from '../../../../shared/ipc/publishing-contract';
import { UserFacingError } from '../../../../shared/model/errors';
import type { Article } from '../../../../shared/model/article';
import { FINISHED_JOB_STATES, type ConnectionReport, type PublishJob, type PublishTarget, type TargetInput } from '../../../../shared/model/publishing';
import { bylineSentences } from './byline-plan';
import type { Handlers } from '../../ipc/dispatcher';
import type { DraftStore } from '../drafts/types';
import type { BoardStore } from '../feeds/board-store';
import type { VideoStore } from '../feeds/video-store';
import type { MediaLibrary } from '../media/types';
import type { SettingsService } from '../settings/settings-service';
import { testConnection as realTestConnection, type ConnectionTarget } from './connection-test';
import { writeHtmlExport } from './export/html-export';
import { writeNinjsExport } from './export/ninjs-export';
import type { HttpClient } from './http/http-client';
import type { Outbox } from './outbox/outbox';
import { checkArticle, checkVideo, exportName, photosOf, placementOf, refusalOf, remoteRecordOf, requireTarget, type CheckedArticle } from './publish-inputs';
import { ninjsVideoOf, videoAsArticle } from '../../../../shared/rules/video-publish';
import type { RemoteRecords } from './remote/remote-records';
import { articleFromRemote } from './remote/remote-to-article';
import type { TargetsStore } from './targets/targets-store';
import type { CorrectionsStore } from '../corrections/corrections-log';
import type { DeskClock } from '../../../../shared/rules/corrections';
import { createKillHandlers } from './kill-handlers';
import { createPhotoKillHandlers } from './photo-kill-handlers';
import { createStoryLifeHandlers } from './story-life-handlers';

export type PublishingHandlers = Pick<Handlers, keyof typeof publishingChannels | keyof typeof photoKillChannels>;

export interface PublishingHandlerServices {
  drafts: Pick<DraftStore, 'get' | 'save' | 'list'>;
  media: Pick<MediaLibrary, 'getMany' | 'filePath' | 'exportCopy' | 'get' | 'killScope' | 'markKilled'>;
  board: Pick<BoardStore, 'get' | 'setArticleDelivery'>;
  /** Video items: published and exported as the posts they make; the photo kill searches (and replaces) their posters; notes are saved in them. */
  videos: Pick<VideoStore, 'get' | 'find' | 'list' | 'save'>;
  settings: Pick<SettingsService, 'get'>;
  targets: TargetsStore;
  outbox: Outbox;
  records: RemoteRecords;
  /** Each story's corrections and update notes. */
  corrections: CorrectionsStore;
  /** The desk's zone and locale for the dates of notes (the machine's unless set). */
  deskClock?: DeskClock;
  /** The system's save dialog, starting at `suggestedName`; null when it was closed. */
  chooseSavePath: (suggestedName: string) => Promise<string | null>;
  now?: () => Date;
  /** How publishing talks to the sites (the connection test too), and the sites' clocks. */
  http: HttpClient;
  /** "Test connection" (the real network test unless a test passes its own). */
  testConnection?: (target: ConnectionTarget, secret: string | null) => Promise<ConnectionReport>;
  /** Runs before an article is checked for publishing: brings in what this machine can fetch (a desk story's desk photos). */
  beforeCheck?: (articleId: string) => Promise<void>;
}

/** The publishing, outbox and export channels, over the stores and the outbox. */
export function createPublishingHandlers(services: PublishingHandlerServices): PublishingHandlers {
  const { drafts, media, board, targets, outbox } = services;
  const now = services.now ?? (() => new Date());
  const runTest = services.testConnection ?? ((target: ConnectionTarget, secret: string | null) => realTestConnection(target, secret, { http: services.http }));
  const inputs = { ...services, clocks: services.http.clocks };
  // Only the panel's check reads the site's users; queueing must not wait on the site.
  const bylinePlan = (target: PublishTarget, byline: Article['byline']) => bylineSentences(target, byline, { secretOf: (id) => targets.secretOf(id), http: services.http });
  const outboxView = () => ({ jobs: outbox.list(), online: outbox.online(), unreachable: outbox.unreachableTargets() });
  // Exported pictures carry the desk's credit in their XMP when the setting says so, like published ones.
  const copyPhoto = (photoId: string, destination: string): Promise<void> =>
    media.exportCopy(photoId, destination, { writeXmp: services.settings.get().photoDesk.writeXmpOnExport });

  const requireVideos = (): Pick<VideoStore, 'get'> => {
    if (!services.videos) throw new UserFacingError('invalid-request', 'Video items cannot be exported from here.');
    return services.videos;
  };

  const requireJob = (id: string): PublishJob => {
    const job = outbox.get(id);
    if (!job) throw new UserFacingError('not-found', 'That job is no longer in the outbox.');
    return job;
  };

  /** The form's values for "Test connection": a secret typed now, else the stored one when the form left it alone. */
  const testInput = async (input: TargetInput): Promise<ConnectionReport> => {
    const { secret, ...fields } = input;
    let typed = typeof secret === 'string' && secret.trim() !== '' ? secret : null;
    if (typed === null && secret === undefined && fields.id !== undefined && targets.get(fields.id)?.kind === fields.kind) {
      typed = await targets.secretOf(fields.id);
    }
    return runTest(fields, typed);
  };

  return {
    ...createStoryLifeHandlers({ ...inputs, now }),
    ...createKillHandlers({ ...inputs, now }),
    ...createPhotoKillHandlers({ ...inputs, now }),
    'targets:list': () => targets.list(),
    'targets:save': (input) => targets.save(input),
    'targets:remove': async ({ id }) => {
      const target = requireTarget(targets, id);
      const waiting = outbox.list().filter((job) => job.targetId === id && !FINISHED_JOB_STATES.includes(job.state)).length;
      if (waiting > 0) {
        throw new UserFacingError(
          'conflict',
          `“${target.name}” still has ${waiting} ${waiting === 1 ? 'job' : 'jobs'} in the outbox; cancel ${waiting === 1 ? 'it' : 'them'} before removing the target.`,
        );
      }
      await targets.remove(id);
      return null;
    },
    'targets:test': async (request) => {
      if ('input' in request) return testInput(request.input);
      const target = requireTarget(targets, request.id);
      return runTest(target, await targets.secretOf(target.id));
    },

    'publish:check': async ({ itemKind, ...request }) => {
      if (itemKind === 'video') return (await checkVideo(inputs, { videoId: request.articleId, targetId: request.targetId, mode: request.mode }, now())).check;
      await services.beforeCheck?.(request.articleId);
      return (await checkArticle({ ...inputs, bylinePlan }, request, now())).check;
    },
    'publish:queue': async ({ articleId, itemKind, targetId, mode, acknowledged }) => {
      if (itemKind !== 'video') await services.beforeCheck?.(articleId);
      // The check runs again here: the article (or video) may have changed since the panel showed it.
      const checked: CheckedArticle =
        itemKind === 'video' ? await checkVideo(inputs, { videoId: articleId, targetId, mode }, now()) : await checkArticle(inputs, { articleId, targetId, mode }, now());
      const { article, target, placement, check } = checked;
      const kind = itemKind ?? 'article';
      const refusal = refusalOf(check, acknowledged);
      if (refusal) throw refusal;
      if (target.kind === 'wordpress' && !target.hasSecret) {
        throw new UserFacingError('invalid-request', `“${target.name}” has no application password stored; add it in Settings before publishing.`);
      }
      // The board says "Queued" (not "Published") until the site has it; marked before the job can
      // run, so a quick success is never overwritten by it. An article in no feed has no card to mark.
      if (placement) await board.setArticleDelivery(article.id, 'queued', placement.publishedAt, kind).catch(() => undefined);
      try {
        const job = await outbox.enqueue({ articleId: article.id, targetId: target.id, headline: article.headline, mode, ...(itemKind ? { itemKind } : {}) });
        return outbox.get(job.id) ?? job;
      } catch (error) {
        if (placement) await board.setArticleDelivery(article.id, placement.delivery, placement.publishedAt, kind).catch(() => undefined);
        throw error;
      }
    },

    'outbox:list': () => outboxView(),
    'outbox:cancel': ({ id }) => outbox.cancel(id),
    'outbox:retryNow': async () => {
      await outbox.retryNow();
      return outboxView();
    },
    'outbox:clearFinished': async () => {
      await outbox.clearFinished();
      return outboxView();
    },
    'outbox:resolveConflict': async ({ id, choice }) => {
      const job = requireJob(id);
      if (choice === 'cancel') return outbox.cancel(id);
      if (job.state !== 'conflict' || job.conflict === null) {
        throw new UserFacingError('conflict', 'This job is no longer waiting for a choice between two versions.');
      }
      if (choice === 'overwrite') return outbox.requeue(id, { overwrite: true });
      return takeRemoteVersion(services, job, job.conflict);
    },

    'export:html': async ({ articleId, itemKind }) => {
      const article = itemKind === 'video' ? videoAsArticle(requireVideos().get(articleId)) : await drafts.get(articleId);
      const destination = await services.chooseSavePath(exportName(article, '.html'));
      if (destination === null) return null;
      const photos = await photosOf(media, article);
      const result = await writeHtmlExport({ article, photos, copyPhoto, destination });
      return { path: result.path };
    },
    'export:ninjs': async ({ articleId, itemKind, version }) => {
      const video = itemKind === 'video' ? requireVideos().get(articleId) : null;
      const article = video ? videoAsArticle(video) : await drafts.get(articleId);
      const destination = await services.chooseSavePath(exportName(article, '.ninjs.json'));
      if (destination === null) return null;
      const photos = await photosOf(media, article);
      const placement = placementOf(board, article.id, itemKind ?? 'article');
      const result = await writeNinjsExport({
        article,
        ...(video ? { video: ninjsVideoOf(video) } : {}),
        version,
        photos,
        placement,
        copyPhoto,
        destination,
        now: now(),
      });
      return { path: result.path };
    },
  };
}

/**
 * "Take the site's version": the CMS's title, excerpt and text become a new revision of the article
 * (the local text is kept as the revision before it), the CMS's modified time is recorded as known
 * so the next push is an ordinary update, and the job ends without sending anything.
 */
async function takeRemoteVersion(services: PublishingHandlerServices, job: PublishJob, conflict: NonNullable<PublishJob['conflict']>): Promise<PublishJob> {
  const { drafts, records, outbox } = services;
  if (job.itemKind === 'video') return keepSiteVersionOfVideo(services, job, conflict);
  const local = await drafts.get(job.articleId);
  const record = await remoteRecordOf(records, job.targetId, job.articleId);
  const { article, notes } = articleFromRemote(conflict.remote, local, record?.media ?? []);
  // A revision of the local text first: the revisions list then holds both versions, in order.
  await drafts.save(local, 'manual');
  await drafts.save(article, 'manual');
  if (record) {
    // The hash of the CMS's text is unknown here (the conflict view drops Newsdesk's marker); the
    // modified time alone tells the next push whether the post changed again.
    await records.put({ ...record, modifiedGmt: conflict.remote.modifiedGmt, contentHash: '' });
  }
  const note = ['Took the version on the site as a new revision of the article; nothing was sent.', ...notes].join(' ');
  return outbox.settleConflict(job.id, note);
}

/**
 * "Take the site's version" of a video's post: a video item has no revisions to hold the site's
 * text, so the item stays as it is, and the site's modified time is recorded so the next push is an
 * ordinary update of the post as the site now holds it.
 */
async function keepSiteVersionOfVideo(services: PublishingHandlerServices, job: PublishJob, conflict: NonNullable<PublishJob['conflict']>): Promise<PublishJob> {
  const record = await remoteRecordOf(services.records, job.targetId, job.articleId);
  if (record) await services.records.put({ ...record, modifiedGmt: conflict.remote.modifiedGmt, contentHash: '' });
  return services.outbox.settleConflict(job.id, 'Kept the version on the site; nothing was sent, and the video item here is unchanged.');
}
