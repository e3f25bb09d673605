import type { collabChannels } from '../../../../shared/ipc/collab-contract';
import { UserFacingError } from '../../../../shared/model/errors';
import type { Handlers } from '../../ipc/dispatcher';
import type { Article } from '../../../../shared/model/article';
import type { StoryDocs } from './story-docs';
import type { StoryPresence } from './story-presence';
import { createWindowSessions, type WindowSessions } from './window-sessions';

export type CollabHandlers = Pick<Handlers, keyof typeof collabChannels>;

export interface CollabHandlersWithWindows {
  handlers: CollabHandlers;
  /** The window's page went away (closed, crashed, reloaded): its sessions close and its people leave. */
  releaseWindow(senderId: number): Promise<void>;
}

export interface CollabHandlerServices {
  docs: StoryDocs;
  presence: StoryPresence;
  /** Puts the article file's version into its story document and answers it ("Reload"; see story-replace.ts). */
  reloadFromFile: (id: string) => Promise<Article>;
  /** Whether main wrote this article file version from the story document (see file-versions.ts). */
  fileVersionFromDocument: (id: string, updatedAt: string) => Promise<boolean>;
  /** Which window opened each session; given when main also asks it which window made a change. */
  windows?: WindowSessions;
}

const bytes = (base64: string): Uint8Array => new Uint8Array(Buffer.from(base64, 'base64'));

function notSignedIn(): never {
  throw new UserFacingError('forbidden', 'Newsdesk is not connected to a desk: sign in under Preferences › Desk.');
}

/** The story:* channels over main's story documents, and the desk:* channels (no desk connection yet). */
export function createCollabHandlers({ docs, presence, reloadFromFile, fileVersionFromDocument, windows = createWindowSessions() }: CollabHandlerServices): CollabHandlersWithWindows {
  const handlers: CollabHandlers = {
    'story:reloadFromFile': ({ id }) => reloadFromFile(id),
    'story:fileVersionFromDocument': ({ id, updatedAt }) => fileVersionFromDocument(id, updatedAt),
    'story:open': async ({ id, part, session }, caller) => {
      // Recorded before the document loads: a window gone meanwhile still lets go of it.
      windows.opened({ id, part }, session, caller?.senderId);
      const opened = await docs.open({ id, part }, session);
      // The window learns who is already there (it applies the state once its provider is up).
      presence.greet({ id, part });
      return opened;
    },
    'story:update': async ({ id, part, session, update }) => {
      await docs.apply({ id, part }, bytes(update), session);
      return null;
    },
    'story:awareness': ({ id, part, session, update }) => {
      presence.apply({ id, part }, bytes(update), session);
      return null;
    },
    'story:close': async ({ id, part, session }) => {
      windows.closed({ id, part }, session);
      presence.leave({ id, part }, session);
      await docs.close({ id, part }, session);
      return null;
    },
    'desk:status': () => ({ state: 'signed-out', serverUrl: null, user: null, desk: null, unsyncedStories: 0, message: null }),
    'desk:signIn': () => notSignedIn(),
    'desk:signOut': () => ({ state: 'signed-out', serverUrl: null, user: null, desk: null, unsyncedStories: 0, message: null }),
    'desk:chooseDesk': () => notSignedIn(),
    'desk:share': () => notSignedIn(),
    'desk:stories': () => notSignedIn(),
    'desk:search': () => notSignedIn(),
    'desk:boardStories': () => ({ keys: [] }),
  };
  return {
    handlers,
    async releaseWindow(senderId) {
      for (const { key, session } of windows.takeAll(senderId)) {
        presence.leave(key, session);
        await docs.close(key, session);
      }
    },
  };
}
