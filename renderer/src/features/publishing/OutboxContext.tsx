import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { OutboxView } from '../../../../shared/ipc/publishing-contract';
import type { PublishJob, PublishTarget } from '../../../../shared/model/publishing';
import { request } from '../../api/newsdesk';
import { ConflictDialog } from './ConflictDialog';
import { targetName } from './job-display';
import { countUnfinished } from './outbox-changes';
import { useConflictChoice, type OpenArticleHandle } from './useConflictChoice';
import { useJobOutcomes } from './useJobOutcomes';
import { useOutboxFeed } from './useOutboxFeed';
import { useOutboxTargets } from './useOutboxTargets';

export type { OpenArticleHandle } from './useConflictChoice';

export interface OutboxModel {
  jobs: PublishJob[];
  /** False while some target's last attempt found no connection. */
  online: boolean;
  /** Targets whose last attempt found no connection; their jobs wait for the network. */
  unreachable: readonly string[];
  /** Whether this job's site answered at its last attempt. */
  reachable(job: PublishJob): boolean;
  /** Goes up each time an article's text is replaced by the site's version (the draft list re-reads). */
  articlesReplaced: number;
  /** Main changed this article's text (a correction was appended): the open editor and the lists read it again. */
  articleReplaced(articleId: string): Promise<void>;
  loaded: boolean;
  /** Why the outbox could not be read, when it could not. */
  error: string | null;
  unfinished: number;
  targets: PublishTarget[];
  targetsError: string | null;
  refresh(): Promise<void>;
  refreshTargets(): Promise<PublishTarget[]>;
  /** A job just queued: show it at once and tell how it ends. */
  jobQueued(job: PublishJob): void;
  cancel(id: string): Promise<void>;
  retryNow(): Promise<void>;
  clearFinished(): Promise<void>;
  showConflict(jobId: string): void;
  /** Switches the window to the outbox desk. */
  showOutbox(): void;
  registerOpenArticle(handle: OpenArticleHandle): () => void;
}

const OutboxContext = createContext<OutboxModel | null>(null);

export function useOutbox(): OutboxModel {
  const model = useContext(OutboxContext);
  if (!model) throw new Error('useOutbox needs an OutboxProvider');
  return model;
}

/**
 * The outbox for every view of the window (rail badge, desk, publish panel): read when main says
 * it changed (useOutboxFeed), toasts when a job ends (useJobOutcomes), the targets
 * (useOutboxTargets) and the conflict dialog any view can open (useConflictChoice).
 */
export function OutboxProvider({ onShowOutbox, children }: { onShowOutbox(): void; children: ReactNode }) {
  const showOutboxRef = useRef(onShowOutbox);
  showOutboxRef.current = onShowOutbox;
  const showOutbox = useCallback(() => showOutboxRef.current(), []);
  const { targets, targetsRef, targetsError, refreshTargets } = useOutboxTargets();
  const showConflictRef = useRef<(jobId: string) => void>(() => undefined);
  const outcomes = useJobOutcomes(targetsRef, { showOutbox, showConflict: (jobId) => showConflictRef.current(jobId) });
  const feed = useOutboxFeed((next) => outcomes.observe(next.jobs));
  const { view, error, refresh, act, patch } = feed;
  const conflicts = useConflictChoice(refresh);
  showConflictRef.current = conflicts.showConflict;

  useEffect(() => {
    // The OS says the network is back: jobs waiting for it should not sit out their backoff.
    const onOnline = () => void act(() => request('outbox:retryNow', {})).catch(() => undefined);
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [act]);

  const jobQueued = useCallback(
    (job: PublishJob) => {
      outcomes.follow(job);
      patch((last: OutboxView) => ({ ...last, jobs: [...last.jobs.filter((j) => j.id !== job.id), job] }));
    },
    [outcomes, patch],
  );
  const cancel = useCallback(
    async (id: string) => {
      await request('outbox:cancel', { id });
      await refresh();
    },
    [refresh],
  );
  const retryNow = useCallback(() => act(() => request('outbox:retryNow', {})), [act]);
  const clearFinished = useCallback(() => act(() => request('outbox:clearFinished', {})), [act]);

  const jobs = useMemo(() => view?.jobs ?? [], [view]);
  const { registerOpenArticle, articlesReplaced, articleReplaced, showConflict, conflictJobId, resolveConflict } = conflicts;
  const model = useMemo<OutboxModel>(
    () => ({
      jobs,
      online: view?.online ?? true,
      unreachable: view?.unreachable ?? [],
      reachable: (job: PublishJob) => !(view?.unreachable ?? []).includes(job.targetId),
      loaded: view !== null,
      error,
      unfinished: countUnfinished(jobs),
      targets,
      targetsError,
      refresh,
      refreshTargets,
      jobQueued,
      cancel,
      retryNow,
      clearFinished,
      showConflict,
      showOutbox,
      registerOpenArticle,
      articlesReplaced,
      articleReplaced,
    }),
    [articlesReplaced, articleReplaced, jobs, view, error, targets, targetsError, refresh, refreshTargets, jobQueued, cancel, retryNow, clearFinished, showConflict, showOutbox, registerOpenArticle],
  );

  const conflictJob = jobs.find((job) => job.id === conflictJobId) ?? null;
  return (
    <OutboxContext.Provider value={model}>
      {children}
      {conflictJob && (
        <ConflictDialog
          job={conflictJob}
          siteName={targetName(targets, conflictJob.targetId)}
          onResolve={(choice) => resolveConflict(conflictJob, choice)}
          onClose={() => showConflict(null)}
        />
      )}
    </OutboxContext.Provider>
  );
}
