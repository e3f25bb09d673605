import { z } from 'zod';

/**
 * What the desk server and the desktop agree on: document names, the shape of a story document,
 * and the HTTP API's requests and answers. Pure data and zod, so main, the renderer and the
 * server all validate the same way.
 */

/** Desk and story ids travel inside document names and URLs, so they are kept to a safe alphabet. */
export const deskIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'A desk id is lowercase letters, digits and dashes.');
export const storyIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'A story id is letters, digits, _ and -.');
/** A desk account's id (the server makes them as UUIDs); never a path, so it cannot steer a lookup. */
export const deskUserIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'A user id is letters, digits, _ and -.');

export interface StoryDocumentName {
  deskId: string;
  storyId: string;
}

const STORY_DOCUMENT = /^desk\/([^/]+)\/story\/([^/]+)$/;

export function storyDocumentName(deskId: string, storyId: string): string {
  return `desk/${deskIdSchema.parse(deskId)}/story/${storyIdSchema.parse(storyId)}`;
}

/** The desk and story of a document name, or null for any other name (which the server refuses). */
export function parseStoryDocumentName(name: string): StoryDocumentName | null {
  const match = STORY_DOCUMENT.exec(name);
  if (!match) return null;
  const desk = deskIdSchema.safeParse(match[1]);
  const story = storyIdSchema.safeParse(match[2]);
  return desk.success && story.success ? { deskId: desk.data, storyId: story.data } : null;
}

/**
 * Each desk's live story list: a read-only document `desk/<deskId>/index` whose Y.Map `stories`
 * holds one StorySummary per story id. The server updates it when a story is first edited and each
 * time it is stored; desktops subscribe over the same websocket (and, with Redis, any instance).
 */
export const DESK_INDEX_MAP = 'stories';
const DESK_INDEX = /^desk\/([^/]+)\/index$/;

export function deskIndexDocumentName(deskId: string): string {
  return `desk/${deskIdSchema.parse(deskId)}/index`;
}

export function parseDeskIndexDocumentName(name: string): string | null {
  const desk = deskIdSchema.safeParse(DESK_INDEX.exec(name)?.[1]);
  return desk.success ? desk.data : null;
}

/**
 * Inside a story's Y.Doc: the metadata fields live in the Y.Map `meta` (one key per field, so
 * concurrent edits of different fields both survive), and the body is Lexical's own Yjs binding
 * under its default root, the Y.XmlText `root`.
 */
export const STORY_META_MAP = 'meta';
export const STORY_BODY_ROOT = 'root';
/** One Y.Map key per article field: strings as strings, the others (flag, lists, lead photo) as JSON values. */
export const storyMetaKeys = [
  'headline',
  'dek',
  'slug',
  'slugEdited',
  'byline',
  'section',
  'status',
  'tags',
  'leadPhoto',
  'seoTitle',
  'seoDescription',
  'socialTitle',
  'socialDescription',
  'socialImage',
] as const;
export type StoryMetaKey = (typeof storyMetaKeys)[number];

export const loginRequestSchema = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1024),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const deskSummarySchema = z.object({ id: deskIdSchema, name: z.string() });
export type DeskSummary = z.infer<typeof deskSummarySchema>;

export const loginResponseSchema = z.object({
  token: z.string(),
  /** ISO 8601; the desktop signs in again before this. */
  expiresAt: z.string(),
  // `roles` came with the desk workflow; a desk from before sends only `role`.
  user: z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.string(), roles: z.array(z.string()).default([]) }),
  desks: z.array(deskSummarySchema),
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const storySummarySchema = z.object({
  storyId: storyIdSchema,
  headline: z.string(),
  status: z.string(),
  section: z.string(),
  /** ISO 8601 */
  updated: z.string(),
  editedBy: z.array(z.string()),
});
export type StorySummary = z.infer<typeof storySummarySchema>;

export const storyListResponseSchema = z.object({ stories: z.array(storySummarySchema) });
/**
 * Which matches an archive search ranked (its stories are the best of them): every match, or, for
 * words found in very many stories, only the newest ones, said so the desktop can tell the user.
 * Absent in the answers of older desk servers.
 */
export const searchScopeSchema = z.object({
  /** How many matches were ranked. */
  ranked: z.number().int().nonnegative(),
  /** Only matches among the desk's newest this many stories were ranked (a word in many of them). */
  newestStories: z.number().int().positive().optional(),
  /** Only the newest this many matches were ranked: older ones matched too. */
  newestMatches: z.number().int().positive().optional(),
});
export type SearchScope = z.infer<typeof searchScopeSchema>;

export const searchResponseSchema = z.object({
  stories: z.array(storySummarySchema.extend({ snippet: z.string() })),
  scope: searchScopeSchema.optional(),
});
export type SearchResponse = z.infer<typeof searchResponseSchema>;

/** Every refusal of the HTTP API has this body, with a sentence the desktop can show as is. */
export const errorResponseSchema = z.object({ error: z.string() });
