import { useCallback } from 'react';
import type { RevisionInfo } from '../../../../shared/model/drafts';
import { call, request } from '../../api/newsdesk';
import { useNotify } from '../../ui/components/Toasts';
import { formatFull } from '../../ui/time';
import { titleOf } from './DraftListItem';
import type { DraftSession } from './useDraftSession';

interface DraftActionsOptions {
  session: DraftSession;
  /** The list changed (an article was added, copied, trashed or restored). */
  refreshList(): void;
  /** A new article was created: it opens in its headline field. */
  onCreated(id: string): void;
  /** A revision was restored over the open article (the revisions dialog closes). */
  onRevisionRestored(): void;
}

export interface DraftActions {
  open(id: string): void;
  create(): void;
  duplicate(id: string): Promise<void>;
  restoreFromTrash(id: string): Promise<void>;
  trash(id: string, headline: string): Promise<void>;
  restoreRevision(revision: RevisionInfo): Promise<void>;
}

/**
 * What the drafting desk does to its articles: open, create, duplicate, trash and restore, each
 * saving the open article first so nothing typed is lost when another replaces it.
 */
export function useDraftActions({ session, refreshList, onCreated, onRevisionRestored }: DraftActionsOptions): DraftActions {
  const notify = useNotify();
  const { article, flush, load, unload } = session;
  const currentId = article?.id ?? null;

  /** Saves the open article before another one replaces it; on failure the person decides. */
  const leaveCurrent = useCallback(
    async (then: () => Promise<void>): Promise<void> => {
      if (await flush()) return then();
      notify('The open draft could not be saved, so it stays open. Its unsaved changes are shown below the text.', {
        tone: 'error',
        action: { label: 'Discard changes and leave', run: () => (unload({ discard: true }), void then()) },
      });
    },
    [flush, notify, unload],
  );

  const open = useCallback(
    (id: string) => {
      if (id === currentId) return;
      void leaveCurrent(async () => {
        const result = await call('drafts:get', { id });
        if (result.ok) load(result.value);
        else notify(result.error.message, { tone: 'error' });
      });
    },
    [currentId, leaveCurrent, load, notify],
  );

  const create = useCallback(() => {
    void leaveCurrent(async () => {
      const result = await call('drafts:create', {});
      if (!result.ok) return notify(result.error.message, { tone: 'error' });
      onCreated(result.value.id);
      load(result.value);
      refreshList();
    });
  }, [leaveCurrent, load, notify, onCreated, refreshList]);

  const duplicate = useCallback(
    async (id: string) => {
      if (id === currentId) await flush(); // the copy should include what was just typed
      await leaveCurrent(async () => {
        const result = await call('drafts:duplicate', { id });
        if (!result.ok) return notify(result.error.message, { tone: 'error' });
        load(result.value);
        refreshList();
        notify(`Duplicated as “${titleOf(result.value)}”.`);
      });
    },
    [currentId, flush, leaveCurrent, load, notify, refreshList],
  );

  const restoreFromTrash = useCallback(
    async (id: string) => {
      const result = await call('drafts:restoreFromTrash', { id });
      if (!result.ok) return notify(result.error.message, { tone: 'error' });
      refreshList();
      notify(`Restored “${titleOf(result.value)}” from the Trash.`, { action: { label: 'Open', run: () => open(id) } });
    },
    [notify, open, refreshList],
  );

  const trash = useCallback(
    async (id: string, headline: string) => {
      if (id === currentId) {
        await flush(); // so the Trash (and Undo) hold the latest text
        unload();
      }
      const result = await call('drafts:trash', { id });
      if (!result.ok) return notify(result.error.message, { tone: 'error' });
      refreshList();
      notify(`Moved “${titleOf({ headline })}” to the Trash.`, { action: { label: 'Undo', run: () => void restoreFromTrash(id) } });
    },
    [currentId, flush, unload, notify, restoreFromTrash, refreshList],
  );

  const restoreRevision = useCallback(
    async (revision: RevisionInfo) => {
      if (!currentId) return;
      // Restoring over text that could not be saved would lose it (or let a late save undo the restore).
      if (!(await flush())) throw new Error('The current text could not be saved, so nothing was restored. Fix the problem shown under the text, then try again.');
      const restored = await request('drafts:restoreRevision', { id: currentId, revisionId: revision.revisionId });
      load(restored);
      onRevisionRestored();
      refreshList();
      notify(`Restored the version from ${formatFull(revision.savedAt)}.`);
    },
    [currentId, flush, load, notify, onRevisionRestored, refreshList],
  );

  return { open, create, duplicate, restoreFromTrash, trash, restoreRevision };
}
