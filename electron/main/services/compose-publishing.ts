import { join } from 'node:path';
import type { PublishJob } from '../../../shared/model/publishing';
import { openCorrectionsStore, type CorrectionsStore } from './corrections/corrections-log';
import type { DeskWorkflow } from './desk/desk-workflow';
import type { DraftStore } from './drafts/types';
import type { BoardStore } from './feeds/board-store';
import type { VideoStore } from './feeds/video-store';
import type { MediaLibrary } from './media/types';
import { createHttpClient, type HttpClient } from './publishing/http/http-client';
import { createJobPublisher } from './publishing/job-publisher';
import { deliveryAfter, jobItem } from './publishing/outbox/delivery';
import { openOutbox, type Outbox, type OutboxOptions } from './publishing/outbox/outbox';
import { openRemoteRecords, type RemoteRecords } from './publishing/remote/remote-records';
import { startSiteExpiry, type SiteExpiry } from './publishing/site-expiry';
import { openTargetsStore, type TargetsStore } from './publishing/targets/targets-store';
import type { SettingsService } from './settings/settings-service';
import type { ServiceOptions } from './compose';

// The publishing part of the composition root (compose.ts): targets, site records and the outbox.

/** A finished publish job and the name of the site it went to (null when the target is gone). */
export interface FinishedJob {
  job: PublishJob;
  targetName: string | null;
}

export type OutboxTuning = Pick<OutboxOptions, 'concurrency' | 'retry' | 'now' | 'random'> & {
  /** How long one request to a site may stay silent before it counts as a timeout (default 30 s). */
  requestTimeoutMs?: number;
};

export interface PublishingServices {
  targets: TargetsStore;
  outbox: Outbox;
  records: RemoteRecords;
  /** Each story's corrections and update notes. */
  corrections: CorrectionsStore;
  /** How publishing talks to the sites, and what time it is on each (learnt from their answers). */
  http: HttpClient;
  /** Takes expired stories off their sites through the outbox (null in a read-only library). */
  siteExpiry: SiteExpiry | null;
}

/**
 * Targets, the records of what each site holds, and the outbox with the publisher it runs. The
 * outbox starts sending (or resuming) as soon as it opens; each finished job moves the article's
 * card on the board along.
 */
export async function openPublishing(
  libraryDir: string,
  stores: { drafts: DraftStore; media: MediaLibrary; feeds: BoardStore; videos: VideoStore; settings: SettingsService; readOnly: boolean; deskGate: { workflow?: DeskWorkflow } },
  options: ServiceOptions,
): Promise<PublishingServices> {
  const publishingDir = join(libraryDir, 'publishing');
  const http = createHttpClient({ fetch: options.fetch });
  const targets = await openTargetsStore(libraryDir, options.secretBox, { readOnly: stores.readOnly });
  const records = openRemoteRecords(libraryDir);
  const { drafts, media, feeds, settings, videos } = stores;
  const { requestTimeoutMs, ...tuning } = options.outbox ?? {};
  const publisher = createJobPublisher({ drafts, media, board: feeds, videos, settings, targets, records, requestTimeoutMs, http });
  // Set once open: a job can only finish after the outbox has been handed back.
  const opened: { outbox?: Outbox; expiry?: SiteExpiry } = {};
  const outbox = await openOutbox({
    ...tuning,
    dir: join(publishingDir, 'outbox'),
    readOnly: stores.readOnly,
    quarantineDir: join(libraryDir, 'quarantine'),
    publisher,
    onChanged: options.onOutboxChanged,
    beforeEnqueue: async (request) => stores.deskGate.workflow?.beforeEnqueue(request),
    onFinished: async (job) => {
      try {
        const others = (opened.outbox?.list() ?? []).filter((other) => other.id !== job.id && other.articleId === job.articleId);
        const next = deliveryAfter(job, others, feeds.get(), await records.get(job.targetId, job.articleId).catch(() => null));
        if (next) await feeds.setArticleDelivery(job.articleId, next.delivery, next.publishedAt, jobItem(job).kind);
      } finally {
        options.onJobFinished?.({ job, targetName: targets.get(job.targetId)?.name ?? null });
        void stores.deskGate.workflow?.afterFinished(job, targets.get(job.targetId)?.name ?? null);
        // A story that went live after its expiry (or whose retract just settled) is looked at again.
        void opened.expiry?.check();
      }
    },
  });
  opened.outbox = outbox;
  const now = options.outbox?.now ?? Date.now;
  // A read-only library's outbox sends nothing: the process holding the library takes its posts down.
  const siteExpiry = stores.readOnly
    ? null
    : startSiteExpiry({
        board: feeds,
        targets,
        records,
        outbox,
        headlineOf: async (articleId, kind) => (kind === 'video' ? (videos.find(articleId)?.headline ?? articleId) : drafts.get(articleId).then((article) => article.headline, () => articleId)),
        now: () => new Date(now()),
        warn: (message) => console.warn(message),
      });
  opened.expiry = siteExpiry ?? undefined;
  return { targets, outbox, records, http, siteExpiry, corrections: openCorrectionsStore(libraryDir, { readOnly: stores.readOnly }) };
}
