import { z } from 'zod';
import { ArticleId } from './article';
import type { AssignmentNotice } from './desk-budget';

/**
 * The desktop's side of the shared desk: what a window knows of the connection, and the pieces of
 * a shared story document that cross the IPC contract.
 */

/**
 * A Yjs update (or awareness update) as base64. Base64 rather than a typed array: it validates with
 * a regex and a length, crosses every transport unchanged, and a window never hands main an object.
 * 14 MB of text is a 10 MB update, the desk server's own limit for one message.
 */
export const Base64Update = z
  .string()
  .max(14_000_000, 'The change is larger than 10 MB, the limit of one change to a shared story.')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'A change to a shared story must be base64.');

/**
 * Which window (more exactly, which editor in a window) an update came from, so a window ignores
 * the echo of its own update. Chosen by the window at random when it attaches.
 */
export const EditorSessionKey = z.string().regex(/^[a-z0-9-]{8,64}$/, 'Not a valid editor session key.');

/** The body of a story is its main document; room for the parts (captions) kept in documents of their own. */
export const StoryPart = z.string().regex(/^(body|[A-Za-z0-9_-]{8,64})$/, 'Not a valid part of a story.');

export const StoryDocRef = z
  .object({ id: ArticleId, part: StoryPart.default('body'), session: EditorSessionKey })
  .strict();
export type StoryDocRef = z.output<typeof StoryDocRef>;

export const StoryOpened = z.object({
  /** Main's whole document as one update (Y.encodeStateAsUpdate), to apply before anything else. */
  state: Base64Update,
  /**
   * True for exactly one editor: the first to open a document that holds no body yet. That editor
   * writes the article file's body into it (Lexical's bootstrap); every other one waits for it, so
   * two windows opening a new story never both insert the text.
   */
  bootstrap: z.boolean(),
  /** The desk story this is, or null while the story lives on this machine only. */
  shared: z.object({ deskId: z.string(), storyId: z.string() }).nullable(),
});
export type StoryOpened = z.infer<typeof StoryOpened>;

export const DESK_CONNECTION_STATES = ['signed-out', 'connecting', 'connected', 'offline'] as const;
export const DeskConnectionState = z.enum(DESK_CONNECTION_STATES);
export type DeskConnectionState = z.infer<typeof DeskConnectionState>;

/** What Preferences › Desk and the status bar show; sent again with 'desk:statusChanged' on every change. */
export const DeskStatus = z.object({
  state: DeskConnectionState,
  /** The desk server's address, kept after sign-out so signing in again is one password away. */
  serverUrl: z.string().nullable(),
  user: z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.string() }).nullable(),
  /** The desk this desktop works on now (syncs, lists, searches, shares to). */
  desk: z.object({ id: z.string(), name: z.string() }).nullable(),
  /**
   * Every desk of the signed-in user, the active one included, for the desk chooser; empty when
   * signed out. Optional: a status from before a user could choose has the active desk only.
   */
  desks: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
  /** Shared stories with local changes the desk has not confirmed yet. */
  unsyncedStories: z.number().int().nonnegative(),
  /** A sentence for the person when something needs their attention (refused sign-in, expired session). */
  message: z.string().nullable(),
});
export type DeskStatus = z.infer<typeof DeskStatus>;

/** Someone in a story now, as the draft list and the editor's presence bar show them. */
export const StoryPresence = z.object({
  id: ArticleId,
  people: z.array(z.object({ name: z.string(), color: z.string(), field: z.string().nullable() })),
});
export type StoryPresence = z.infer<typeof StoryPresence>;

/**
 * A change to a story document main holds, for every editor attached to it: a Yjs update (or, for
 * presence, an awareness update). `from` is the editor session that made it, or 'main' / 'desk'.
 * Main does not send a change back to the window whose editor made it; an editor that gets its
 * own change anyway ignores it.
 */
export const StoryChange = z
  .object({ id: ArticleId, part: StoryPart, from: z.union([EditorSessionKey, z.enum(['main', 'desk'])]), update: Base64Update })
  .strict();
export type StoryChange = z.infer<typeof StoryChange>;

export const DeskPresence = z.object({ stories: z.array(StoryPresence) }).strict();
export type DeskPresence = z.infer<typeof DeskPresence>;

/** What the collaboration services tell the windows (the events of the same names in shared/ipc/events.ts). */
export interface DeskEvents {
  'story:updated': StoryChange;
  'story:awarenessChanged': StoryChange;
  'desk:statusChanged': DeskStatus;
  'desk:presence': DeskPresence;
  /** The desk's budget changed: read 'budget:read' again. */
  'desk:budgetChanged': Record<string, never>;
  /** A story was assigned to the person signed in here. */
  'desk:assigned': AssignmentNotice;
  /** The desk changed the placement board: read it again. */
  'desk:boardChanged': Record<string, never>;
}
export type DeskEventName = keyof DeskEvents;

