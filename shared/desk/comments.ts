import { z } from 'zod';
import * as Y from 'yjs';
import { UserFacingError } from '../model/errors';
import { STORY_BODY_ROOT } from './desk-protocol';
import { MAX_DEPTH } from './lexical-yjs-layout';

/**
 * Comments on a story, anchored to ranges of its body. The anchor is Lexical's MarkNode (type
 * `mark`, field `ids`) around the commented words, inside the body; the threads themselves live
 * next to the body in the story's Y.Doc, in the Y.Map `comments` (one Y.Map per thread, keyed by
 * the thread id the marks carry). So they travel wherever the story document does (main's story
 * documents, the desk) and never inside the article body that exports and CMSs read: the body
 * holds only the marks' ids, which every exporter drops (they print a mark's words, not the mark).
 *
 * Replies are appended to the thread's Y.Array `comments`, so two people replying at once both
 * keep their reply; resolve/reopen is one key per thread (the last one wins, as on any desk).
 */
export const STORY_COMMENTS_MAP = 'comments';
export const COMMENT_MARK_TYPE = 'mark';

export const MAX_COMMENT_TEXT = 5000;
export const MAX_QUOTE = 280;
export const MAX_THREADS = 1000;
export const MAX_COMMENTS_PER_THREAD = 500;

export const CommentThreadId = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'A comment id is 6 to 64 letters, digits, _ or -.');
const Author = z.string().trim().min(1, 'A comment needs its author’s name.').max(120, 'An author’s name is at most 120 characters.');
const CommentText = z
  .string()
  .trim()
  .min(1, 'A comment cannot be empty.')
  .max(MAX_COMMENT_TEXT, `A comment is at most ${MAX_COMMENT_TEXT} characters.`);

export const StoryComment = z.object({
  id: z.string().min(1).max(64),
  author: z.string().max(120),
  text: z.string().max(MAX_COMMENT_TEXT),
  /** ISO 8601 */
  at: z.string().max(40),
  /** The desk people the comment @mentions, by name. */
  mentions: z.array(z.string().max(120)).max(50),
});
export type StoryComment = z.infer<typeof StoryComment>;

export interface CommentThread {
  id: string;
  /** The commented words as they were when the thread was started. */
  quote: string;
  comments: StoryComment[];
  resolved: boolean;
  resolvedBy: string | null;
}

export const commentsMapOf = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap(STORY_COMMENTS_MAP);

/** The ids of the threads whose marks are in the body: the ranges that still exist. */
export function commentAnchorsOf(doc: Y.Doc): Set<string> {
  const ids = new Set<string>();
  const walk = (parent: Y.XmlText, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    for (const { insert } of parent.toDelta() as { insert: unknown }[]) {
      if (!(insert instanceof Y.XmlText)) continue;
      const type = insert.getAttribute('__type') as unknown;
      const marked = insert.getAttribute('__ids') as unknown;
      if (type === COMMENT_MARK_TYPE && Array.isArray(marked)) for (const id of marked) if (typeof id === 'string') ids.add(id);
      walk(insert, depth + 1);
    }
  };
  walk(doc.get(STORY_BODY_ROOT, Y.XmlText), 0);
  return ids;
}

function readThread(id: string, value: unknown): CommentThread | null {
  // The document comes from the desk: a thread someone else's (older or damaged) client wrote
  // wrongly is left out, never allowed to break the panel.
  if (!(value instanceof Y.Map) || !CommentThreadId.safeParse(id).success) return null;
  const list = value.get('comments') as unknown;
  if (!(list instanceof Y.Array)) return null;
  const comments = list.toArray().flatMap((item) => {
    const parsed = StoryComment.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
  if (comments.length === 0) return null;
  const quote = value.get('quote') as unknown;
  const resolvedBy = value.get('resolvedBy') as unknown;
  return {
    id,
    quote: typeof quote === 'string' ? quote.slice(0, MAX_QUOTE) : '',
    comments,
    resolved: value.get('resolved') === true,
    resolvedBy: typeof resolvedBy === 'string' ? resolvedBy : null,
  };
}

/** Every readable thread, oldest first. */
export function readThreads(doc: Y.Doc): CommentThread[] {
  const threads: CommentThread[] = [];
  for (const [id, value] of commentsMapOf(doc).entries()) {
    const thread = readThread(id, value);
    if (thread) threads.push(thread);
  }
  return threads.sort((a, b) => a.comments[0]!.at.localeCompare(b.comments[0]!.at) || a.id.localeCompare(b.id));
}

export interface NewComment {
  author: string;
  text: string;
  /** Names of the desk people the author can mention; `@Name` in the text mentions them. */
  people?: readonly string[];
  at?: Date;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The people `text` mentions with `@Name` (longest names first, so "@Ana Lima" is not "@Ana"). */
export function mentionsIn(text: string, people: readonly string[]): string[] {
  const found: string[] = [];
  let rest = text;
  for (const name of [...new Set(people.map((person) => person.trim()).filter(Boolean))].sort((a, b) => b.length - a.length)) {
    const pattern = new RegExp(`@${escapeRegExp(name)}(?![\\p{L}\\p{N}_])`, 'giu');
    if (pattern.test(rest)) {
      found.push(name);
      rest = rest.replace(pattern, ' ');
    }
  }
  return found;
}

function newComment(input: NewComment): StoryComment {
  const author = Author.safeParse(input.author);
  if (!author.success) throw new UserFacingError('invalid-request', author.error.issues[0]!.message);
  const text = CommentText.safeParse(input.text);
  if (!text.success) throw new UserFacingError('invalid-request', text.error.issues[0]!.message);
  return {
    id: crypto.randomUUID(),
    author: author.data,
    text: text.data,
    at: (input.at ?? new Date()).toISOString(),
    mentions: mentionsIn(text.data, input.people ?? []),
  };
}

const GONE = 'The words this comment was on are no longer in the story: it can be read and resolved, not answered.';

function threadMap(doc: Y.Doc, threadId: string): Y.Map<unknown> {
  const value = commentsMapOf(doc).get(threadId) as unknown;
  if (!(value instanceof Y.Map) || !(value.get('comments') instanceof Y.Array)) {
    throw new UserFacingError('not-found', 'That comment is not in this story (it may have been removed on another desktop).');
  }
  return value;
}

/**
 * Starts a thread on the words marked with `threadId`. `anchors` are the mark ids the body holds
 * now (commentAnchorsOf, or the editor's own marks): a thread on a range that no longer exists is
 * refused, so no comment is ever stored pointing at nothing.
 */
export function addThread(doc: Y.Doc, threadId: string, quote: string, first: NewComment, anchors: ReadonlySet<string>, origin: unknown = null): StoryComment {
  if (!CommentThreadId.safeParse(threadId).success) throw new UserFacingError('invalid-request', 'Not a valid comment id.');
  if (!anchors.has(threadId)) throw new UserFacingError('conflict', 'The words to comment on are no longer in the story (deleted meanwhile): select them again.');
  const comments = commentsMapOf(doc);
  if (comments.has(threadId)) throw new UserFacingError('conflict', 'A comment with that id is already in the story.');
  if (comments.size >= MAX_THREADS) throw new UserFacingError('invalid-request', `A story holds at most ${MAX_THREADS} comment threads; resolve and remove some first.`);
  const comment = newComment(first);
  const trimmedQuote = quote.replace(/\s+/gu, ' ').trim();
  doc.transact(() => {
    // The thread is filled before it is put in the map, so one update carries all of it.
    const thread = new Y.Map<unknown>();
    thread.set('quote', trimmedQuote.length > MAX_QUOTE ? `${trimmedQuote.slice(0, MAX_QUOTE - 1)}…` : trimmedQuote);
    thread.set('resolved', false);
    thread.set('resolvedBy', null);
    thread.set('comments', Y.Array.from([comment]));
    comments.set(threadId, thread);
  }, origin);
  return comment;
}

/** Answers a thread; refused when its words were deleted (see addThread) or the thread is full. */
export function addReply(doc: Y.Doc, threadId: string, reply: NewComment, anchors: ReadonlySet<string>, origin: unknown = null): StoryComment {
  const thread = threadMap(doc, threadId);
  if (!anchors.has(threadId)) throw new UserFacingError('conflict', GONE);
  const list = thread.get('comments') as Y.Array<unknown>;
  if (list.length >= MAX_COMMENTS_PER_THREAD) throw new UserFacingError('invalid-request', `A thread holds at most ${MAX_COMMENTS_PER_THREAD} comments.`);
  const comment = newComment(reply);
  doc.transact(() => list.push([comment]), origin);
  return comment;
}

/** Resolves or reopens a thread. Reopening one whose words are gone is refused: nothing to reopen on. */
export function setResolved(doc: Y.Doc, threadId: string, resolved: boolean, by: string, anchors: ReadonlySet<string>, origin: unknown = null): void {
  const thread = threadMap(doc, threadId);
  const who = Author.safeParse(by);
  if (!who.success) throw new UserFacingError('invalid-request', who.error.issues[0]!.message);
  if (!resolved && !anchors.has(threadId)) throw new UserFacingError('conflict', GONE);
  doc.transact(() => {
    thread.set('resolved', resolved);
    thread.set('resolvedBy', resolved ? who.data : null);
  }, origin);
}

/** A comment (by someone else) that mentions `name`, with its thread: what a mention notifies of. */
export interface Mention {
  threadId: string;
  quote: string;
  comment: StoryComment;
}

/** The comments in `threads` that mention `name` and were not written by them. */
export function mentionsOf(threads: readonly CommentThread[], name: string): Mention[] {
  const wanted = name.trim().toLocaleLowerCase();
  return threads.flatMap((thread) =>
    thread.comments
      .filter((comment) => comment.author.toLocaleLowerCase() !== wanted && comment.mentions.some((mention) => mention.toLocaleLowerCase() === wanted))
      .map((comment) => ({ threadId: thread.id, quote: thread.quote, comment })),
  );
}
