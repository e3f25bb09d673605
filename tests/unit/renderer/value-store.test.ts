import { describe, expect, it, vi } from 'vitest';
import { createValueStore } from '../../../renderer/src/features/drafts/value-store';

// The status bar's word count and save state live in these stores; a listener that heard of
// every set (even an unchanged count) would re-render the status bar on every keystroke.

describe('value store', () => {
  it('tells its listeners of a new value, not of the same one set again', () => {
    const store = createValueStore({ words: 1, label: '1 min read' }, (a, b) => a.words === b.words && a.label === b.label);
    const heard = vi.fn();
    store.subscribe(heard);
    store.set({ words: 1, label: '1 min read' });
    expect(heard).not.toHaveBeenCalled();
    store.set({ words: 2, label: '1 min read' });
    expect(heard).toHaveBeenCalledTimes(1);
    expect(store.get().words).toBe(2);
  });

  it('stops telling a listener once it unsubscribed', () => {
    const store = createValueStore(0);
    const heard = vi.fn();
    const unsubscribe = store.subscribe(heard);
    unsubscribe();
    store.set(1);
    expect(heard).not.toHaveBeenCalled();
    expect(store.get()).toBe(1);
  });
});
