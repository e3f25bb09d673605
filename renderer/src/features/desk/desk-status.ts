import { useSyncExternalStore } from 'react';
import type { DeskPresence, DeskStatus, StoryPresence } from '../../../../shared/model/desk';
import { call, onAppEvent } from '../../api/newsdesk';

/**
 * What this window knows of the desk connection and of who is in which story. One copy per
 * window, shared by the status strip, Preferences › Desk and the draft list, so the window asks
 * main once and then follows its events ('desk:statusChanged', 'desk:presence'), never polling.
 * It reads the status again when the window gains focus, in case an event was missed meanwhile.
 */
let status: DeskStatus | null = null;
let presence: ReadonlyMap<string, StoryPresence['people']> = new Map();
const listeners = new Set<() => void>();
let stopFollowing: (() => void) | null = null;
/** Bumped by every status that arrives, so an older answer to desk:status never replaces a newer event. */
let generation = 0;

function changed(): void {
  for (const listener of [...listeners]) listener();
}

/** A status from main (an event, or the answer to sign in / sign out). */
export function acceptDeskStatus(next: DeskStatus): void {
  generation += 1;
  status = next;
  // Signed out, nobody is in any story as far as this desktop can tell.
  if (next.state === 'signed-out' && presence.size > 0) presence = new Map();
  changed();
}

function acceptPresence(next: DeskPresence): void {
  presence = new Map(next.stories.filter((story) => story.people.length > 0).map((story) => [story.id, story.people]));
  changed();
}

async function readStatus(): Promise<void> {
  const asked = generation;
  const result = await call('desk:status', {});
  if (result.ok && asked === generation) acceptDeskStatus(result.value);
}

function follow(): () => void {
  const offStatus = onAppEvent('desk:statusChanged', acceptDeskStatus);
  const offPresence = onAppEvent('desk:presence', acceptPresence);
  const onFocus = () => void readStatus();
  window.addEventListener('focus', onFocus);
  void readStatus();
  return () => {
    offStatus();
    offPresence();
    window.removeEventListener('focus', onFocus);
  };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  stopFollowing ??= follow();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && stopFollowing) {
      stopFollowing();
      stopFollowing = null;
    }
  };
}

/** The store itself, for the hooks below and for tests that drive it without React. */
export const deskStatusStore = {
  subscribe,
  status: (): DeskStatus | null => status,
  presence: (): ReadonlyMap<string, StoryPresence['people']> => presence,
};

/** The desk connection as main last told it; null until main has answered once. */
export function useDeskStatus(): DeskStatus | null {
  return useSyncExternalStore(subscribe, deskStatusStore.status);
}

/** Who is in each story now (by article id), from the desk's presence. */
export function useStoryPresence(): ReadonlyMap<string, StoryPresence['people']> {
  return useSyncExternalStore(subscribe, deskStatusStore.presence);
}
