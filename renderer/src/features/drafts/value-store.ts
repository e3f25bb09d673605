import { useSyncExternalStore } from 'react';

/**
 * One changing value that a few small components read. Holding it outside React state means a
 * change re-renders only the components showing it (the status bar's word count or save state),
 * not the tree that owns it: the whole desk for the save state, the editor and its toolbar for
 * the word count, which would otherwise re-render every few keystrokes.
 */
export interface ValueStore<T> {
  get(): T;
  subscribe(listener: () => void): () => void;
}

export interface WritableValueStore<T> extends ValueStore<T> {
  /** Replaces the value; listeners hear of it only when it differs by `same`. */
  set(value: T): void;
}

export function createValueStore<T>(initial: T, same: (a: T, b: T) => boolean = Object.is): WritableValueStore<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      if (same(value, next)) return;
      value = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The store's current value; the calling component re-renders when it changes. */
export function useStoreValue<T>(store: ValueStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.get);
}
