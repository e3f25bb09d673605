import { useCallback, useEffect, useRef, useState } from 'react';
import type { CheckIssueView, PublishCheck } from '../../../../shared/model/publish-check';
import type { PublishMode } from '../../../../shared/model/publishing';
import { messageOf, request } from '../../api/newsdesk';

/** The check for both buttons: publishing judges photo embargoes at go-live time, a draft does not. */
export type Checks = Record<PublishMode, PublishCheck>;

export interface CheckState {
  checks: Checks | null;
  error: string | null;
  running: boolean;
  rerun(): void;
}

/**
 * Runs `publish:check` for the article and target, after saving what is being typed (main checks
 * the stored article, which must be the one on screen). Runs again when either changes.
 */
export function usePublishCheck(articleId: string, targetId: string | null, save: () => Promise<boolean>, itemKind?: 'video'): CheckState {
  const [checks, setChecks] = useState<Checks | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [round, setRound] = useState(0);
  const latest = useRef(0);
  const saveRef = useRef(save);
  saveRef.current = save;

  useEffect(() => {
    if (!targetId) return;
    const asked = ++latest.current;
    setRunning(true);
    setError(null);
    void (async () => {
      try {
        if (!(await saveRef.current())) throw new Error('The article could not be saved, so it cannot be checked. Fix the problem shown under the text, then try again.');
        const [publish, draft] = await Promise.all([
          request('publish:check', { articleId, ...(itemKind ? { itemKind } : {}), targetId, mode: 'publish' }),
          request('publish:check', { articleId, ...(itemKind ? { itemKind } : {}), targetId, mode: 'draft' }),
        ]);
        if (asked === latest.current) setChecks({ publish, draft });
      } catch (cause) {
        if (asked === latest.current) {
          setChecks(null);
          setError(messageOf(cause));
        }
      } finally {
        if (asked === latest.current) setRunning(false);
      }
    })();
  }, [articleId, itemKind, targetId, round]);

  const rerun = useCallback(() => setRound((n) => n + 1), []);
  return { checks, error, running, rerun };
}

const keyOf = (issue: CheckIssueView): string => issue.code;

/** Findings of both checks, each once (a finding both checks make is listed once). */
export function mergedIssues(checks: Checks, severity: 'blocking' | 'warnings'): CheckIssueView[] {
  const seen = new Set<string>();
  const merged: CheckIssueView[] = [];
  for (const issue of [...checks.publish[severity], ...checks.draft[severity]]) {
    const key = `${keyOf(issue)}|${issue.severity}`;
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(issue);
  }
  return merged;
}

/** Whether a mode can be queued: nothing blocks it and each of its warnings was acknowledged. */
export function modeReady(check: PublishCheck, acknowledged: ReadonlySet<string>): boolean {
  return check.blocking.length === 0 && check.warnings.every((warning) => acknowledged.has(warning.code));
}
