import type { AddCorrectionResult, StoryOnSite } from '../../../../shared/ipc/publishing-contract';
import type { Article } from '../../../../shared/model/article';
import type { CorrectionKind } from '../../../../shared/model/corrections';
import { UserFacingError } from '../../../../shared/model/errors';
import type { PublishJob, PublishMode, PublishTarget, RemoteRecord, RetractAs } from '../../../../shared/model/publishing';
import { appendCorrection, correctionLabel, correctionText, type DeskClock } from '../../../../shared/rules/corrections';
import type { CorrectionsStore } from '../corrections/corrections-log';
import type { DraftStore } from '../drafts/types';
import type { Outbox } from './outbox/outbox';
import { checkArticle, checkVideo, remoteRecordOf, requireTarget, type PublishInputsServices } from './publish-inputs';
import type { TargetsStore } from './targets/targets-store';
import type { VideoStore } from '../feeds/video-store';

/**
 * The life of a story after it went out: where it is (publish:onSites), taking it back off a site
 * (publish:retract), and corrections and update notes (corrections:*), which are appended to the
 * story, logged, and pushed as an update through the outbox like any publish.
 */

export interface StoryLifeServices extends Omit<PublishInputsServices, 'drafts' | 'targets' | 'videos'> {
  /** Video items: a retract of a video's post names it by its headline; a note on a video is saved in it. */
  videos?: Pick<VideoStore, 'get' | 'find' | 'save'>;
  drafts: Pick<DraftStore, 'get' | 'save'>;
  targets: Pick<TargetsStore, 'get' | 'list'>;
  outbox: Outbox;
  corrections: CorrectionsStore;
  /** The desk's time zone and locale for the date of a note (the machine's zone unless set). */
  deskClock?: DeskClock;
  now: () => Date;
}

const ON_A_SITE = (record: RemoteRecord | null): record is RemoteRecord & { postId: NonNullable<RemoteRecord['postId']> } => record !== null && record.postId !== null;

/** How the story was last sent to a target: draft or publish (from the record's history, else the outbox's last finished job). */
export function lastMode(record: RemoteRecord, jobs: readonly PublishJob[]): PublishMode | null {
  const last = [...(record.history ?? [])].reverse().find((event) => event.action !== 'retracted');
  if (last) return last.status === 'draft' ? 'draft' : 'publish';
  const job = [...jobs].reverse().find((other) => other.targetId === record.targetId && other.articleId === record.articleId && other.state === 'done' && !other.retract);
  return job?.mode ?? null;
}

/** The sites where the story has a post, with what Newsdesk knows of it. */
export async function sitesOf(services: Pick<StoryLifeServices, 'targets' | 'records'>, articleId: string): Promise<{ target: PublishTarget; record: RemoteRecord }[]> {
  const found: { target: PublishTarget; record: RemoteRecord }[] = [];
  for (const target of services.targets.list()) {
    const record = await remoteRecordOf(services.records, target.id, articleId);
    if (ON_A_SITE(record)) found.push({ target, record });
  }
  return found;
}

/** What an update push names: a story, or a video item (its id in `id`, as in the outbox's jobs). */
export interface LiveItem {
  id: string;
  headline: string;
  itemKind?: 'video';
}

/** Pushes the changed story or video where it is live (a correction, a replaced photo); says where it was not pushed and why. */
export async function pushUpdateWhereLive(services: StoryLifeServices, item: Article | LiveItem): Promise<Omit<AddCorrectionResult, 'entry'>> {
  const { outbox } = services;
  const itemKind = 'itemKind' in item ? item.itemKind : undefined;
  const jobs: PublishJob[] = [];
  const notPushed: string[] = [];
  for (const { target, record } of await sitesOf(services, item.id)) {
    // A killed story is never pushed again by a note: its text must stay off the site.
    if (record.retracted || record.killed) continue;
    const mode = lastMode(record, outbox.list());
    if (mode === null) {
      notPushed.push(`“${target.name}”: Newsdesk does not know whether the post there is live or a draft; publish the story there again to send the change.`);
      continue;
    }
    const { check } =
      itemKind === 'video'
        ? await checkVideo(services, { videoId: item.id, targetId: target.id, mode }, services.now())
        : await checkArticle(services, { articleId: item.id, targetId: target.id, mode }, services.now());
    // Warnings were weighed when the story first went out; only what blocks any publish stops the update.
    if (check.blocking.length > 0) {
      notPushed.push(`“${target.name}”: ${check.blocking.map((issue) => issue.message).join(' ')}`);
      continue;
    }
    try {
      jobs.push(await outbox.enqueue({ articleId: item.id, ...(itemKind ? { itemKind } : {}), targetId: target.id, headline: item.headline, mode }));
    } catch (error) {
      // The change is already kept (a correction, a replaced photo); a refused push (a desk story
      // and no publisher, an outbox that cannot store the job) is said for its site, and the
      // other sites are still tried.
      if (!(error instanceof UserFacingError)) throw error;
      notPushed.push(`“${target.name}”: ${error.message}`);
    }
  }
  return { jobs, notPushed };
}

export function createStoryLifeHandlers(services: StoryLifeServices) {
  const { drafts, targets, outbox, records, corrections } = services;

  return {
    'publish:onSites': async ({ articleId }: { articleId: string }): Promise<StoryOnSite[]> =>
      (await sitesOf(services, articleId)).map(({ target, record }) => ({
        targetId: target.id,
        targetName: target.name,
        kind: target.kind,
        link: record.link,
        retracted: record.retracted ?? null,
        killed: record.killed ?? null,
        history: record.history ?? [],
      })),

    'publish:retract': async ({ articleId, itemKind, targetId, as }: { articleId: string; itemKind?: 'video'; targetId: string; as: RetractAs }): Promise<PublishJob> => {
      const target = requireTarget(targets, targetId);
      if (target.kind === 'ninjs') throw new UserFacingError('invalid-request', `“${target.name}” receives ninjs documents and keeps no posts Newsdesk can take back; ask the receiving desk to withdraw the story.`);
      if (target.kind === 'ghost' && as === 'trash') throw new UserFacingError('invalid-request', 'Ghost keeps no trash (a delete there is final); retract the story to a draft instead.');
      const record = await remoteRecordOf(records, targetId, articleId);
      if (!ON_A_SITE(record)) throw new UserFacingError('invalid-request', `This story is not on “${target.name}”, so there is nothing to retract there.`);
      const pending = outbox.list().find((job) => job.articleId === articleId && job.targetId === targetId && ['queued', 'running', 'waiting'].includes(job.state));
      if (pending) throw new UserFacingError('conflict', `A job for this story on “${target.name}” is still in the outbox; wait for it or cancel it, then retract.`);
      const lastHeadline = () => outbox.list().find((job) => job.articleId === articleId)?.headline ?? articleId;
      if (itemKind === 'video') {
        // A video's post goes back to a draft like a story's; the job says it is a video, so its board card is marked.
        const headline = services.videos?.find(articleId)?.headline ?? lastHeadline();
        return outbox.enqueue({ articleId, itemKind, targetId, headline, mode: 'draft', retract: { as } });
      }
      const headline = await drafts.get(articleId).then((article) => article.headline, lastHeadline);
      return outbox.enqueue({ articleId, targetId, headline, mode: 'draft', retract: { as } });
    },

    'corrections:list': ({ articleId }: { articleId: string }) => corrections.list(articleId),

    'corrections:add': async ({ articleId, itemKind, kind, text }: { articleId: string; itemKind?: 'video'; kind: CorrectionKind; text: string }): Promise<AddCorrectionResult> => {
      if (itemKind === 'video') return addVideoNote(services, { videoId: articleId, kind, text });
      const article = await drafts.get(articleId);
      const at = services.now();
      // The log first: should the story not save, the note is taken out of it again, so the two agree.
      const entry = await corrections.add(articleId, { kind, text, at });
      try {
        await drafts.save({ ...article, body: appendCorrection(article.body, kind, text, at, services.deskClock) }, 'manual');
      } catch (error) {
        await corrections.remove(articleId, entry.id).catch(() => undefined);
        throw error;
      }
      return { entry, ...(await pushUpdateWhereLive(services, await drafts.get(articleId))) };
    },
  };
}

/** A note on a video item: logged like a story's, kept in the video (its post shows it after the player), pushed where it is live. */
async function addVideoNote(services: StoryLifeServices, { videoId, kind, text }: { videoId: string; kind: CorrectionKind; text: string }): Promise<AddCorrectionResult> {
  const { videos, corrections } = services;
  if (!videos) throw new UserFacingError('invalid-request', 'Video items cannot be corrected from here.');
  const video = videos.get(videoId);
  const at = services.now();
  const entry = await corrections.add(videoId, { kind, text, at });
  let saved;
  try {
    const note = { kind, at: at.toISOString(), label: correctionLabel(kind, at, services.deskClock), text: correctionText(text) };
    saved = await videos.save({ ...video, notes: [...(video.notes ?? []), note] });
  } catch (error) {
    // As for a story: the log never keeps a note the video does not show.
    await corrections.remove(videoId, entry.id).catch(() => undefined);
    throw error;
  }
  return { entry, ...(await pushUpdateWhereLive(services, { id: saved.id, headline: saved.headline, itemKind: 'video' })) };
}
