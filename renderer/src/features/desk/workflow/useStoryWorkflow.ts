import { useCallback, useEffect, useState } from 'react';
import type { DeskStatus, StoryWorkflowResponse } from '../../../../../shared/desk/workflow';
import { call, onAppEvent } from '../../../api/newsdesk';
import { onStoryChanged } from '../../../api/story-docs';
import { useDeskStatus } from '../desk-status';

export interface StoryWorkflow {
  /** Null while unknown, and for a story of this machine only. */
  workflow: StoryWorkflowResponse | null;
  /** Why the last move or read failed, as the desk said it. */
  error: string | null;
  busy: boolean;
  move(to: DeskStatus): Promise<void>;
}

const READ_AFTER_CHANGE_MS = 400;

/**
 * A desk story's status and the moves open to this user, as the desk server answers them. Read
 * again after the story changes (someone moved it, or a text change sent it back to review), when
 * the desk connection changes (the story was just shared) and when the connection comes back.
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
    // Typing sends many changes a second: one read after a burst is enough.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const readSoon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void read(), READ_AFTER_CHANGE_MS);
    };
    const offUpdated = onStoryChanged((id) => {
      if (id === articleId) readSoon();
    });
    // Sharing the story (or syncing it after being offline) changes what the desk knows of it.
    const offStatus = onAppEvent('desk:statusChanged', readSoon);
    return () => {
      clearTimeout(timer);
      offUpdated();
      offStatus();
    };
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
