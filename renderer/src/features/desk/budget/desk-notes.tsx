import { useSyncExternalStore } from 'react';
import { call, onAppEvent } from '../../../api/newsdesk';

/**
 * The desk notes of the budget ("hold for legal") by story id, for the cards that show a story
 * outside the budget (the draft list). One subscription for the whole window however many cards
 * ask, read again when the budget changes; gone when the last card stops listening.
 */
let notes: ReadonlyMap<string, string> = new Map();
const listeners = new Set<() => void>();
let stop: (() => void) | null = null;

async function read(): Promise<void> {
  const result = await call('budget:read', {});
  if (!result.ok) return;
  const next = new Map<string, string>();
  for (const entry of result.value.entries) if (entry.plan?.deskNote) next.set(entry.storyId, entry.plan.deskNote);
  notes = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!stop) {
    void read();
    const offBudget = onAppEvent('desk:budgetChanged', () => void read());
    stop = offBudget;
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && stop) {
      stop();
      stop = null;
    }
  };
}

export function useDeskNote(storyId: string): string | null {
  return useSyncExternalStore(subscribe, () => notes.get(storyId) ?? null);
}

/** The note on a story's card, as the budget shows it. */
export function DeskNoteMark({ storyId }: { storyId: string }) {
  const note = useDeskNote(storyId);
  return note ? <span className="nd-budget__note" title="Desk note" data-testid="desk-note">{note}</span> : null;
}
