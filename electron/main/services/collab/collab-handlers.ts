import type { collabChannels } from '../../../../shared/ipc/collab-contract';
import { UserFacingError } from '../../../../shared/model/errors';
import type { Handlers } from '../../ipc/dispatcher';
import type { StoryDocs } from './story-docs';

export type CollabHandlers = Pick<Handlers, keyof typeof collabChannels>;

export interface CollabHandlerServices {
  docs: StoryDocs;
  /** An editor's presence changed: pass it on to the other windows (its sender ignores the echo). */
  onAwareness?: (change: { id: string; part: string; from: string; update: string }) => void;
}

const bytes = (base64: string): Uint8Array => new Uint8Array(Buffer.from(base64, 'base64'));

function notSignedIn(): never {
  throw new UserFacingError('forbidden', 'Newsdesk is not connected to a desk: sign in under Preferences › Desk.');
}

/** The story:* channels over main's story documents, and the desk:* channels (no desk connection yet). */
export function createCollabHandlers({ docs, onAwareness }: CollabHandlerServices): CollabHandlers {
  return {
    'story:open': ({ id, part, session }) => docs.open({ id, part }, session),
    'story:update': ({ id, part, session, update }) => {
      docs.apply({ id, part }, bytes(update), session);
      return null;
    },
    'story:awareness': ({ id, part, session, update }) => {
      // Presence is passed on as it came (validated base64); main keeps none of it.
      onAwareness?.({ id, part, from: session, update });
      return null;
    },
    'story:close': ({ id, part, session }) => {
      docs.close({ id, part }, session);
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
