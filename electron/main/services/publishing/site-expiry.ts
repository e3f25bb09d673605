import { messageOf } from '../../../../shared/model/errors';
import type { Board } from '../../../../shared/model/placement';
import type { PublishJob, PublishTarget, RemoteRecord } from '../../../../shared/model/publishing';
import type { Outbox } from './outbox/outbox';
import { PENDING_JOB_STATES } from './outbox/outbox-jobs';
import type { RemoteRecords } from './remote/remote-records';
import { lastMode } from './story-life-handlers';

/**
 * Expiry on the site. Neither WordPress nor Ghost can take a post down at a set time, so Newsdesk
 * does it: once a story's expiry (set on the board) has passed, each site where it is live gets a
 * retract job in the outbox (back to a draft), with the outbox's guarantees: sent once through lost
 * answers, retried while the site is away, and a post edited on the site since the last push is a
 * conflict for the editor, not overwritten.
 *
 * Nothing is stored for this: the board's expiry times and the records of what each site holds are
 * on disk already, so a Newsdesk that was not running at the expiry takes the post down at its next
 * start. The board is looked at again on a short timer (expiries set or moved since) and exactly at
 * the next expiry due.
 */

export interface SiteExpiryDeps {
  board: { get(): Board };
  targets: { list(): PublishTarget[] };
  records: RemoteRecords;
  outbox: Pick<Outbox, 'list' | 'enqueue'>;
  /** The story's (or video item's) headline for the outbox list; the id when it cannot be read. */
  headlineOf: (articleId: string, kind: 'article' | 'video') => Promise<string>;
  now: () => Date;
  /** Says why a site could not be looked at (its record unreadable, the outbox refusing a job). */
  warn: (message: string) => void;
  /** How often the board is looked at again for expiries set or moved (30 s unless set; 0: only when asked). */
  pollMs?: number;
}

export interface SiteExpiry {
  /** Queues a retract for every live post whose story has expired; resolves with the jobs queued. */
  check(): Promise<PublishJob[]>;
  stop(): void;
}

const DEFAULT_POLL_MS = 30_000;

/** Sites that can take a post back (a ninjs endpoint keeps nothing Newsdesk could withdraw). */
const hasPosts = (target: PublishTarget): boolean => target.kind === 'wordpress' || target.kind === 'ghost';

/** Whether the post is live on the site as far as Newsdesk wrote it: there, not retracted, last sent as a publish. */
function liveOnSite(record: RemoteRecord | null, jobs: readonly PublishJob[]): record is RemoteRecord {
  return record !== null && record.postId !== null && !record.retracted && !record.killed && lastMode(record, jobs) === 'publish';
}

/**
 * Whether the outbox already has this in hand: a job for the story and site still under way (its
 * outcome is awaited; the next look decides), or the retract this very expiry queued, whatever became
 * of it (a conflict or a refusal is the editor's to settle, not to be sent again on every look).
 * An expiry moved on the board is a new one.
 */
function inHand(jobs: readonly PublishJob[], articleId: string, targetId: string, expiresAt: string): boolean {
  return jobs.some(
    (job) =>
      job.articleId === articleId &&
      job.targetId === targetId &&
      (PENDING_JOB_STATES.includes(job.state) || job.retract?.expiredAt === expiresAt),
  );
}

export function startSiteExpiry(deps: SiteExpiryDeps): SiteExpiry {
  const pollMs = deps.pollMs ?? DEFAULT_POLL_MS;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  // One look at a time: two at once could both find a post live and queue its retract twice.
  let running: Promise<PublishJob[]> | null = null;

  const arm = (nextExpiryMs: number): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (stopped) return;
    const wait = Math.min(nextExpiryMs - deps.now().getTime(), pollMs > 0 ? pollMs : Infinity);
    if (!Number.isFinite(wait)) return;
    timer = setTimeout(() => void check(), Math.min(Math.max(0, wait), 2 ** 31 - 1));
    // A pending expiry must not keep the process alive on its own.
    timer.unref?.();
  };

  const look = async (): Promise<PublishJob[]> => {
    const nowMs = deps.now().getTime();
    const queued: PublishJob[] = [];
    let nextExpiryMs = Infinity;
    const sites = deps.targets.list().filter(hasPosts);
    for (const placement of Object.values(deps.board.get().placements)) {
      // A video item's post expires like a story's: both are posts on the site, recorded by the item's id.
      if (placement.expiresAt === null) continue;
      const kind = placement.item.kind;
      const expiresMs = Date.parse(placement.expiresAt);
      if (expiresMs > nowMs) {
        nextExpiryMs = Math.min(nextExpiryMs, expiresMs);
        continue;
      }
      const articleId = placement.item.id;
      for (const target of sites) {
        if (stopped) return queued;
        try {
          const record = await deps.records.get(target.id, articleId);
          const jobs = deps.outbox.list();
          if (!liveOnSite(record, jobs) || inHand(jobs, articleId, target.id, placement.expiresAt)) continue;
          const headline = await deps.headlineOf(articleId, kind);
          const item = kind === 'video' ? { itemKind: kind } : {};
          queued.push(await deps.outbox.enqueue({ articleId, ...item, targetId: target.id, headline, mode: 'draft', retract: { as: 'draft', expiredAt: placement.expiresAt } }));
        } catch (error) {
          deps.warn(`The expired story ${articleId} could not be taken off “${target.name}” yet (${messageOf(error)}); Newsdesk tries again shortly.`);
        }
      }
    }
    arm(nextExpiryMs);
    return queued;
  };

  const check = (): Promise<PublishJob[]> => {
    if (stopped) return Promise.resolve([]);
    const previous = running ?? Promise.resolve([]);
    const next = previous.catch(() => []).then(look);
    running = next;
    void next.finally(() => {
      if (running === next) running = null;
    });
    return next;
  };

  void check();
  return {
    check,
    stop: () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
