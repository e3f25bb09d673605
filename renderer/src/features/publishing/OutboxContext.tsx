import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ConflictChoice, OutboxView } from '../../../../shared/ipc/publishing-contract';
import { FINISHED_JOB_STATES, type JobState, type PublishJob, type PublishTarget } from '../../../../shared/model/publishing';
import { call, request } from '../../api/newsdesk';
import { useNotify } from '../../ui/components/Toasts';
import { ConflictDialog } from './ConflictDialog';
import { headlineOf, targetName } from './job-display';
import { countUnfinished, outcomesSince, pollDelay, statesOf, type JobOutcome } from './outbox-changes';

/** The article open in the editor, so taking the site's version can save it first and show the result. */
export interface OpenArticleHandle {
  articleId: string;
  /** Saves pending edits; false when they could not be saved. */
  flush(): Promise<boolean>;
  /** Reads the article again from the library into the editor. */
  reload(): Promise<void>;
}

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
  loaded: boolean;
  /** Why the outbox could not be read, when it could not. */
  error: string | null;
  unfinished: number;
  targets: PublishTarget[];
  targetsError: string | null;
  refresh(): Promise<void>;
  refreshTargets(): Promise<PublishTarget[]>;
  /** Something on screen shows live progress: poll fast until the returned function is called. */
  watch(): () => void;
  /** A job just queued: show it at once and follow it closely. */
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

/** Polls fast while `active` (a desk or panel showing a job's progress). */
export function useOutboxWatch(active: boolean): void {
  const { watch } = useOutbox();
  useEffect(() => (active ? watch() : undefined), [active, watch]);
}

/**
 * The outbox as the window sees it: one poll of `outbox:list` for every view (rail badge, desk,
 * publish panel), retrying when the OS says the network is back, a toast when a job ends, and the
 * conflict dialog, which any view can open.
 */
export function OutboxProvider({ onShowOutbox, children }: { onShowOutbox(): void; children: ReactNode }) {
  const notify = useNotify();
  const [view, setView] = useState<OutboxView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [targets, setTargets] = useState<PublishTarget[]>([]);
  const [targetsError, setTargetsError] = useState<string | null>(null);
  const [conflictJobId, setConflictJobId] = useState<string | null>(null);
  // Counts articles whose text was replaced by the site's version, so the draft list reads them again.
  const [articlesReplaced, setArticlesReplaced] = useState(0);
  const seen = useRef<Map<string, JobState>>(new Map());
  const targetsRef = useRef(targets);
  targetsRef.current = targets;
  const watchers = useRef(0);
  const failing = useRef(false);
  const unfinishedRef = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const alive = useRef(false);
  const sequence = useRef({ asked: 0, applied: 0 });
  const openArticle = useRef<OpenArticleHandle | null>(null);
  const showOutboxRef = useRef(onShowOutbox);
  showOutboxRef.current = onShowOutbox;

  const tell = useCallback(
    ({ job, kind }: JobOutcome) => {
      const where = targetName(targetsRef.current, job.targetId);
      const headline = headlineOf(job);
      if (kind === 'done') {
        const link = job.remote?.link;
        const text = job.mode === 'draft' ? `Sent “${headline}” to ${where} as a draft.` : `Published “${headline}” on ${where}.`;
        notify(text, link ? { action: { label: 'View post', run: () => window.open(link, '_blank', 'noopener') } } : undefined);
      } else if (kind === 'failed') {
        notify(`“${headline}” could not be published on ${where}: ${job.lastError ?? 'the site refused it.'}`, {
          tone: 'error',
          action: { label: 'Show outbox', run: () => showOutboxRef.current() },
        });
      } else {
        notify(`“${headline}” was changed on ${where} since Newsdesk last sent it. Choose which version to keep.`, {
          tone: 'error',
          action: { label: 'Compare…', run: () => setConflictJobId(job.id) },
        });
      }
    },
    [notify],
  );

  const apply = useCallback(
    (next: OutboxView, asked: number) => {
      if (asked < sequence.current.applied) return; // an older answer arriving late
      sequence.current.applied = asked;
      for (const outcome of outcomesSince(seen.current, next.jobs)) tell(outcome);
      // A job queued a moment ago may be missing from an answer asked for just before it: keep
      // following it, or its end would pass without a word.
      const states = statesOf(next.jobs);
      for (const [id, state] of seen.current) if (!states.has(id) && !FINISHED_JOB_STATES.includes(state)) states.set(id, state);
      seen.current = states;
      unfinishedRef.current = countUnfinished(next.jobs);
      failing.current = false;
      setError(null);
      setView(next);
    },
    [tell],
  );

  const refresh = useCallback(async () => {
    const asked = ++sequence.current.asked;
    const result = await call('outbox:list', {});
    if (result.ok) return apply(result.value, asked);
    failing.current = true;
    setError(result.error.message);
  }, [apply]);

  // One chain of timed reads; `kick` restarts it now (a job was queued, someone started watching).
  const kick = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    const run = async () => {
      timer.current = null;
      await refresh();
      if (timer.current || !alive.current) return; // kicked again meanwhile (that chain carries on), or gone
      timer.current = setTimeout(() => void run(), pollDelay(unfinishedRef.current, watchers.current > 0, failing.current));
    };
    timer.current = setTimeout(() => void run(), 0);
  }, [refresh]);

  const refreshTargets = useCallback(async () => {
    const result = await call('targets:list', {});
    if (!result.ok) {
      setTargetsError(result.error.message);
      return targetsRef.current;
    }
    setTargetsError(null);
    setTargets(result.value);
    return result.value;
  }, []);

  useEffect(() => {
    alive.current = true;
    kick();
    void refreshTargets();
    // The OS says the network is back: jobs waiting for it should not sit out their backoff.
    const onOnline = () => {
      const asked = ++sequence.current.asked;
      void call('outbox:retryNow', {}).then((result) => result.ok && apply(result.value, asked));
    };
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('online', onOnline);
      alive.current = false;
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [apply, kick, refreshTargets]);

  const watch = useCallback(() => {
    watchers.current += 1;
    kick();
    return () => {
      watchers.current -= 1;
    };
  }, [kick]);

  const jobQueued = useCallback(
    (job: PublishJob) => {
      seen.current.set(job.id, job.state);
      setView((last) => (last ? { ...last, jobs: [...last.jobs.filter((j) => j.id !== job.id), job] } : last));
      unfinishedRef.current += 1;
      kick();
    },
    [kick],
  );

  const act = useCallback(
    async (run: () => Promise<OutboxView | PublishJob>) => {
      const asked = ++sequence.current.asked;
      const answer = await run();
      if ('jobs' in answer) apply(answer, asked);
      else await refresh();
    },
    [apply, refresh],
  );

  const cancel = useCallback((id: string) => act(() => request('outbox:cancel', { id })), [act]);
  const retryNow = useCallback(() => act(() => request('outbox:retryNow', {})), [act]);
  const clearFinished = useCallback(() => act(() => request('outbox:clearFinished', {})), [act]);

  const resolveConflict = useCallback(
    async (job: PublishJob, choice: ConflictChoice) => {
      const open = openArticle.current?.articleId === job.articleId ? openArticle.current : null;
      // The site's text becomes a new revision: edits not yet saved must be saved first, or a late
      // autosave would put them back over it.
      if (choice === 'takeRemote' && open && !(await open.flush())) {
        throw new Error('The open draft could not be saved, so the site’s version was not taken. Fix the problem shown under the text, then try again.');
      }
      await act(() => request('outbox:resolveConflict', { id: job.id, choice }));
      if (choice === 'takeRemote') {
        setArticlesReplaced((count) => count + 1);
        await open?.reload();
        notify(`The site’s version of “${headlineOf(job)}” is now the current text; the earlier one is in its revisions.`);
      }
      if (choice === 'overwrite') kick();
    },
    [act, kick, notify],
  );

  const registerOpenArticle = useCallback((handle: OpenArticleHandle) => {
    openArticle.current = handle;
    return () => {
      if (openArticle.current === handle) openArticle.current = null;
    };
  }, []);

  const jobs = useMemo(() => view?.jobs ?? [], [view]);
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
      watch,
      jobQueued,
      cancel,
      retryNow,
      clearFinished,
      showConflict: setConflictJobId,
      showOutbox: () => showOutboxRef.current(),
      registerOpenArticle,
      articlesReplaced,
    }),
    [articlesReplaced, jobs, view, error, targets, targetsError, refresh, refreshTargets, watch, jobQueued, cancel, retryNow, clearFinished, registerOpenArticle],
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
          onClose={() => setConflictJobId(null)}
        />
      )}
    </OutboxContext.Provider>
  );
}
