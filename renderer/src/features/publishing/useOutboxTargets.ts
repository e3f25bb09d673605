import { useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react';
import type { PublishTarget } from '../../../../shared/model/publishing';
import { call } from '../../api/newsdesk';

export interface OutboxTargets {
  targets: PublishTarget[];
  /** The latest list, for callbacks that outlive a render (toasts name the site). */
  targetsRef: MutableRefObject<PublishTarget[]>;
  targetsError: string | null;
  /** Reads the targets again; on failure the last list stays and the error is shown. */
  refreshTargets(): Promise<PublishTarget[]>;
}

/** The publish targets, read once when the window opens and again when a dialog changed them. */
export function useOutboxTargets(): OutboxTargets {
  const [targets, setTargets] = useState<PublishTarget[]>([]);
  const [targetsError, setTargetsError] = useState<string | null>(null);
  const targetsRef = useRef(targets);
  targetsRef.current = targets;

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
    void refreshTargets();
  }, [refreshTargets]);
  return { targets, targetsRef, targetsError, refreshTargets };
}
