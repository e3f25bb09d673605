import { useCallback, useEffect, useState } from 'react';
import type { DeskStatus, StoryWorkflowResponse } from '../../../../../shared/desk/workflow';
import { call, onAppEvent } from '../../../api/newsdesk';
import { useDeskStatus } from '../desk-status';

export interface StoryWorkflow {
  /** Null while unknown, and for a story of this machine only. */
  workflow: StoryWorkflowResponse | null;
  /** Why the last move or read failed, as the desk said it. */
  error: string | null;
  busy: boolean;
  move(to: DeskStatus): Promise<void>;
}

/**
 * A desk story's status and the moves open to this user, as the desk server answers them. Read
 * again whenever the story changes from the desk (someone else moved it, or a text change sent
 * it back to review) and when the connection comes back.
 */
export function useStoryWorkflow(articleId: string): StoryWorkflow {
  const connected = useDeskStatus()?.state === 'connected';
  const [workflow, setWorkflow] = useState<StoryWorkflowResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const read = useCallback(async () => {
    const result = await call('desk:workflow', { id: articleId });
    if (result.ok) setWorkflow(result.value);
  }, [articleId]);

  useEffect(() => {
    if (!connected) return undefined;
    void read();
    return onAppEvent('story:updated', (change) => {
      if (change.id === articleId && change.from === 'desk') void read();
    });
  }, [articleId, connected, read]);

  const move = useCallback(async (to: DeskStatus) => {
    setBusy(true);
    setError(null);
    const result = await call('desk:moveStatus', { id: articleId, to });
    setBusy(false);
    if (result.ok) setWorkflow(result.value);
    else setError(result.error.message);
  }, [articleId]);

  return { workflow, error, busy, move };
}
