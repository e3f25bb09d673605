import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { UserFacingError } from '../../../../shared/model/errors';
import type { StoryDocKey, UpdateSource } from './story-docs';

/**
 * Who is in a story, between the windows of this app (and, through `onChange`, the desk): each
 * window's awareness update (y-protocols) is applied to main's copy and passed on to the others,
 * main keeps the latest state of every window so one opening later sees who is there, and a
 * window that closes the story is removed from it for everyone.
 */

export interface StoryPresenceOptions {
  /** An awareness update for every window (and the desk): `from` made it ('main' for removals and greetings). */
  onChange?: (key: StoryDocKey, update: Uint8Array, from: UpdateSource) => void;
}

export interface StoryPresence {
  /** A window's (or the desk's) awareness update; refused whole when it cannot be read. */
  apply(key: StoryDocKey, update: Uint8Array, from: UpdateSource): void;
  /** Tells every window the whole presence of a story (call when a window opens it). */
  greet(key: StoryDocKey): void;
  /** The window closed the story: its people leave it for everyone. */
  leave(key: StoryDocKey, session: string): void;
  /** The presence of a story now, as one awareness update (null when nobody is there). */
  stateOf(key: StoryDocKey): Uint8Array | null;
  close(): void;
}

interface StoryAwareness {
  awareness: Awareness;
  /** Which awareness clients each window (or the desk) brought, so its states leave with it. */
  clientsOf: Map<UpdateSource, Set<number>>;
}

const nameOf = (key: StoryDocKey): string => `${key.id}/${key.part}`;

export function createStoryPresence(options: StoryPresenceOptions = {}): StoryPresence {
  const stories = new Map<string, StoryAwareness>();

  function storyOf(key: StoryDocKey): StoryAwareness {
    const name = nameOf(key);
    let story = stories.get(name);
    if (!story) {
      // Awareness needs a doc only for its client id; main itself is nobody in the story.
      const awareness = new Awareness(new Y.Doc());
      awareness.setLocalState(null);
      const created: StoryAwareness = { awareness, clientsOf: new Map() };
      awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        // y-protocols removes silent clients itself (origin 'timeout'): main tells the others.
        const from: UpdateSource = typeof origin === 'string' && origin !== 'timeout' ? origin : 'main';
        const own = created.clientsOf.get(from) ?? new Set<number>();
        for (const client of [...added, ...updated]) own.add(client);
        created.clientsOf.set(from, own);
        for (const clients of created.clientsOf.values()) for (const client of removed) clients.delete(client);
        const changed = [...added, ...updated, ...removed];
        if (changed.length > 0) options.onChange?.(key, encodeAwarenessUpdate(awareness, changed), from);
      });
      stories.set(name, created);
      story = created;
    }
    return story;
  }

  function forget(key: StoryDocKey, story: StoryAwareness): void {
    if (story.awareness.getStates().size > 0) return;
    story.awareness.destroy();
    stories.delete(nameOf(key));
  }

  return {
    apply(key, update, from) {
      const story = storyOf(key);
      try {
        applyAwarenessUpdate(story.awareness, update, from);
      } catch {
        forget(key, story);
        throw new UserFacingError('invalid-request', 'The presence update could not be read, so it was refused.');
      }
    },
    greet(key) {
      const state = this.stateOf(key);
      if (state) options.onChange?.(key, state, 'main');
    },
    leave(key, session) {
      const story = stories.get(nameOf(key));
      if (!story) return;
      const clients = story.clientsOf.get(session);
      story.clientsOf.delete(session);
      if (clients && clients.size > 0) removeAwarenessStates(story.awareness, [...clients], 'main');
      forget(key, story);
    },
    stateOf(key) {
      const story = stories.get(nameOf(key));
      const clients = story ? [...story.awareness.getStates().keys()] : [];
      return story && clients.length > 0 ? encodeAwarenessUpdate(story.awareness, clients) : null;
    },
    close() {
      for (const story of stories.values()) story.awareness.destroy();
      stories.clear();
    },
  };
}
