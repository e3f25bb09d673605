import { z } from 'zod';
import { Article, ArticleId } from '../model/article';
import { Base64Update, DeskStatus, StoryDocRef, StoryOpened } from '../model/desk';
import { deskIdSchema, searchResponseSchema, storySummarySchema } from '../desk/desk-protocol';
import { ItemKey } from '../model/placement';

/**
 * The story:* channels attach a window's editor to the story document main holds (a Yjs provider
 * over IPC: two windows of one app are two views of one document), and the desk:* channels are the
 * connection to a desk server. Main answers both; updates from main come back as the events
 * 'story:updated' and 'story:awarenessChanged' (events.ts).
 */

const Empty = z.object({}).strict();

export const collabChannels = {
  /** Attach an editor to a story's document: main's whole state, and whether this editor bootstraps it. */
  'story:open': { request: StoryDocRef, response: StoryOpened },
  /** A local change of the editor (a Yjs update); main applies it, keeps it on disk, and passes it on. */
  'story:update': { request: StoryDocRef.extend({ update: Base64Update }).strict(), response: z.null() },
  /** The editor's presence (cursor, selection, name, colour) as a y-protocols awareness update. */
  'story:awareness': { request: StoryDocRef.extend({ update: Base64Update }).strict(), response: z.null() },
  /**
   * "Reload" after the article file was changed outside the shared document: main puts the file's
   * version into the document (as one change every window receives) and answers it.
   */
  'story:reloadFromFile': { request: z.object({ id: ArticleId }).strict(), response: Article },
  /**
   * Whether main wrote this version of the article file from the story document (the desk's or
   * main's change to a story while no editor showed it): an editor bound to that document already
   * holds everything in it, so it is no change "in another window".
   */
  'story:fileVersionFromDocument': {
    request: z.object({ id: ArticleId, updatedAt: z.string().min(1).max(64) }).strict(),
    response: z.boolean(),
  },
  /** The editor closed: main may let the document go once no window holds it. */
  'story:close': { request: StoryDocRef, response: z.null() },

  'desk:status': { request: Empty, response: DeskStatus },
  'desk:signIn': {
    request: z
      .object({
        serverUrl: z.url({ protocol: /^https?$/ }).max(2000),
        email: z.string().trim().min(3).max(320),
        password: z.string().min(1).max(1024),
        /** The desk to work on, for a user on several; the first of theirs when not given. */
        deskId: deskIdSchema.optional(),
      })
      .strict(),
    response: DeskStatus,
  },
  'desk:signOut': { request: Empty, response: DeskStatus },
  /**
   * Works on another of the signed-in user's desks: the sync restarts on it, and the story list,
   * search, sharing, budget and board follow it. Stories shared to the other desk stay its own.
   */
  'desk:chooseDesk': { request: z.object({ deskId: deskIdSchema }).strict(), response: DeskStatus },
  /** Puts a story of this machine on the desk; from then on it is shared. */
  'desk:share': { request: z.object({ id: ArticleId }).strict(), response: z.object({ deskId: z.string(), storyId: z.string() }) },
  /** The desk's stories (also those not on this machine yet). */
  'desk:stories': { request: Empty, response: z.object({ stories: z.array(storySummarySchema) }) },
  /** The desk's archive search (PostgreSQL full text on the server). */
  'desk:search': { request: z.object({ query: z.string().trim().min(1).max(200) }).strict(), response: searchResponseSchema },
  /** The board's cards that are desk stories (placed for the whole desk); none while signed out. */
  'desk:boardStories': { request: Empty, response: z.object({ keys: z.array(ItemKey) }) },
} as const;
