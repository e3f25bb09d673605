import * as Y from 'yjs';
import type { StoryOpened } from '../../../../shared/model/desk';
import { UserFacingError } from '../../../../shared/model/errors';

/**
 * The story documents main holds: one Y.Doc per story part, shared by every editor attached to it,
 * so two windows of one app are two views of one document. Editors reach it through the story:*
 * channels; each change is passed on to the other editors through `onUpdate`.
 *
 * Kept in memory only: persistence and the desk connection attach through `onUpdate` too.
 */

export type UpdateSource = string | 'main' | 'desk';

export interface StoryDocsOptions {
  /** A document changed: tell every editor attached to it (the one named by `from` ignores it). */
  onUpdate?: (key: StoryDocKey, update: Uint8Array, from: UpdateSource) => void;
  /** Names an update's non-string origin (the desk's provider → 'desk'); 'main' when absent. */
  originOf?: (origin: unknown) => 'main' | 'desk';
}

export interface StoryDocKey {
  id: string;
  part: string;
}

export interface StoryDocs {
  open(key: StoryDocKey, session: string): StoryOpened;
  apply(key: StoryDocKey, update: Uint8Array, from: UpdateSource): void;
  close(key: StoryDocKey, session: string): void;
  /** The live document, or undefined while no editor holds it. */
  get(key: StoryDocKey): Y.Doc | undefined;
}

interface HeldDoc {
  doc: Y.Doc;
  sessions: Set<string>;
  /** The session that was told to bootstrap the empty document, until its first update arrives. */
  bootstrapper: string | null;
}

const nameOf = (key: StoryDocKey): string => `${key.id}/${key.part}`;

/** Lexical's binding keeps the body under the root Y.XmlText; empty means no editor has written it yet. */
function isEmpty(doc: Y.Doc): boolean {
  return doc.get('root', Y.XmlText).length === 0;
}

export function createStoryDocs(options: StoryDocsOptions = {}): StoryDocs {
  const held = new Map<string, HeldDoc>();

  function hold(key: StoryDocKey): HeldDoc {
    const name = nameOf(key);
    let entry = held.get(name);
    if (!entry) {
      const doc = new Y.Doc();
      entry = { doc, sessions: new Set(), bootstrapper: null };
      // Every change, whoever made it, is passed on with its origin so its maker can skip the echo.
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        options.onUpdate?.(key, update, typeof origin === 'string' ? origin : (options.originOf?.(origin) ?? 'main'));
      });
      held.set(name, entry);
    }
    return entry;
  }

  return {
    open(key, session) {
      const entry = hold(key);
      entry.sessions.add(session);
      let bootstrap = false;
      if (isEmpty(entry.doc) && (entry.bootstrapper === null || !entry.sessions.has(entry.bootstrapper))) {
        entry.bootstrapper = session;
        bootstrap = true;
      }
      return { state: Buffer.from(Y.encodeStateAsUpdate(entry.doc)).toString('base64'), bootstrap, shared: null };
    },
    apply(key, update, from) {
      // Read the whole update before touching the document: a malformed one (a hostile window, a
      // damaged file) is refused as a whole and the document stays as it was.
      try {
        Y.decodeUpdate(update);
      } catch {
        throw new UserFacingError('invalid-request', 'The change to the story could not be read, so it was refused; the story is unchanged.');
      }
      const entry = hold(key);
      Y.applyUpdate(entry.doc, update, from);
      if (!isEmpty(entry.doc)) entry.bootstrapper = null;
    },
    close(key, session) {
      const entry = held.get(nameOf(key));
      if (!entry) return;
      entry.sessions.delete(session);
      if (entry.bootstrapper === session) entry.bootstrapper = null;
      if (entry.sessions.size === 0) {
        entry.doc.destroy();
        held.delete(nameOf(key));
      }
    },
    get: (key) => held.get(nameOf(key))?.doc,
  };
}
