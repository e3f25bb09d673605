import { useSyncExternalStore } from 'react';
import type { BudgetEntry } from '../../../../../shared/desk/budget';
import { call, onAppEvent } from '../../../api/newsdesk';
import '../photos/photo-request.css';

/**
 * What the budget says of each story (its desk note, "hold for legal", and its photo state) by
 * story id, for the cards that show a story outside the budget (the draft list). One subscription
 * for the whole window however many cards ask, read again when the budget changes; gone when the
 * last card stops listening.
 */
interface CardFacts {
  note: string | null;
  photo: BudgetEntry['photo'];
  photoBy: string | null;
}

let facts: ReadonlyMap<string, CardFacts> = new Map();
const listeners = new Set<() => void>();
let stop: (() => void) | null = null;

async function read(): Promise<void> {
  const result = await call('budget:read', {});
  if (!result.ok) return;
  const next = new Map<string, CardFacts>();
  for (const entry of result.value.entries) {
    // A card speaks of a photo only where one was asked for: any lead photo is "ready" in the budget.
    const photo = entry.photoWanted === '' ? 'none' : entry.photo;
    if (!entry.plan?.deskNote && photo === 'none') continue;
    next.set(entry.storyId, { note: entry.plan?.deskNote || null, photo, photoBy: entry.photoBy });
  }
  facts = next;
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
  return useSyncExternalStore(subscribe, () => facts.get(storyId)?.note ?? null);
}

/** The note on a story's card, as the budget shows it. */
export function DeskNoteMark({ storyId }: { storyId: string }) {
  const note = useDeskNote(storyId);
  return note ? <span className="nd-budget__note" title="Desk note" data-testid="desk-note">{note}</span> : null;
}

/** "Photo wanted" / "Photo ready" on a story's card, as the budget shows it (nothing for a story that asks for none). */
export function DeskPhotoMark({ storyId }: { storyId: string }) {
  const photo = useSyncExternalStore(subscribe, () => facts.get(storyId)?.photo ?? 'none');
  const by = useSyncExternalStore(subscribe, () => facts.get(storyId)?.photoBy ?? null);
  if (photo === 'none') return null;
  const text = photo === 'ready' ? 'Photo ready' : 'Photo wanted';
  return (
    <span className={`nd-photo-mark nd-photo-mark--${photo}`} title={by ? `${text} (attached by ${by})` : text} data-testid="desk-photo-mark">
      {text}
    </span>
  );
}
