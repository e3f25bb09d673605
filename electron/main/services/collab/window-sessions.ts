import type { StoryDocKey } from './story-docs';

/**
 * Which window (webContents id) opened each editor session of a story. A window that is reloaded,
 * crashes or is closed never says story:close (pagehide is not guaranteed), so main lets go of its
 * sessions itself when the page goes away: otherwise the document, the window's presence and its
 * claim to bootstrap an empty document would stay held for good.
 */

export interface WindowSession {
  key: StoryDocKey;
  session: string;
}

export interface WindowSessions {
  opened(key: StoryDocKey, session: string, senderId: number | undefined): void;
  closed(key: StoryDocKey, session: string): void;
  /** Forgets and returns every session the window opened and did not close. */
  takeAll(senderId: number): WindowSession[];
  /**
   * The window a change made by `session` need not be sent to: the one that made it, when that is
   * its only editor of the story (its provider already holds the change and would drop the echo).
   * Undefined when the change has no window (the desk, main) or the window holds another editor
   * of the same story, which does need it.
   */
  madeBy(key: StoryDocKey, session: string): number | undefined;
}

const entryName = (key: StoryDocKey, session: string): string => `${key.id}/${key.part}/${session}`;

export function createWindowSessions(): WindowSessions {
  const sessions = new Map<string, WindowSession & { senderId: number }>();
  return {
    opened(key, session, senderId) {
      // Callers with no webContents (tests, the desk) close their sessions themselves.
      if (senderId === undefined) return;
      sessions.set(entryName(key, session), { key: { id: key.id, part: key.part }, session, senderId });
    },
    closed(key, session) {
      sessions.delete(entryName(key, session));
    },
    takeAll(senderId) {
      const taken: WindowSession[] = [];
      for (const [name, entry] of sessions) {
        if (entry.senderId !== senderId) continue;
        sessions.delete(name);
        taken.push({ key: entry.key, session: entry.session });
      }
      return taken;
    },
    madeBy(key, session) {
      const maker = sessions.get(entryName(key, session));
      if (!maker) return undefined;
      for (const entry of sessions.values()) {
        if (entry !== maker && entry.senderId === maker.senderId && entry.key.id === key.id && entry.key.part === key.part) return undefined;
      }
      return maker.senderId;
    },
  };
}
