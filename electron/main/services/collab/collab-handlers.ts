import type { collabChannels } from '../../../../shared/ipc/collab-contract';
import { UserFacingError } from '../../../../shared/model/errors';
import type { Handlers } from '../../ipc/dispatcher';
import type { StoryDocs } from './story-docs';
import type { StoryPresence } from './story-presence';

export type CollabHandlers = Pick<Handlers, keyof typeof collabChannels>;

export interface CollabHandlerServices {
  docs: StoryDocs;
  presence: StoryPresence;
}

const bytes = (base64: string): Uint8Array => new Uint8Array(Buffer.from(base64, 'base64'));

function notSignedIn(): never {
  throw new UserFacingError('forbidden', 'Newsdesk is not connected to a desk: sign in under Preferences › Desk.');
}

/** The story:* channels over main's story documents, and the desk:* channels (no desk connection yet). */
export function createCollabHandlers({ docs, presence }: CollabHandlerServices): CollabHandlers {
  return {
    'story:open': async ({ id, part, session }) => {
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
      presence.leave({ id, part }, session);
      await docs.close({ id, part }, session);
      return null;
    },
    'desk:status': () => ({ state: 'signed-out', serverUrl: null, user: null, desk: null, unsyncedStories: 0, message: null }),
    'desk:signIn': () => notSignedIn(),
    'desk:signOut': () => ({ state: 'signed-out', serverUrl: null, user: null, desk: null, unsyncedStories: 0, message: null }),
    'desk:share': () => notSignedIn(),
    'desk:stories': () => notSignedIn(),
    'desk:search': () => notSignedIn(),
  };
}
