import * as Y from 'yjs';
import { addReply, addThread, commentAnchorsOf } from '../../../shared/desk/comments';
import { readLexicalBody, writeLexicalBody } from '../../../shared/desk/lexical-yjs';
import type { LexicalDocument } from '../../../shared/model/article';

const text = (value: string) => ({ detail: 0, format: 0, mode: 'normal', style: '', text: value, type: 'text', version: 1 });
const paragraph = (...children: object[]) => ({ children, direction: null, format: '', indent: 0, type: 'paragraph', version: 1, textFormat: 0, textStyle: '' });
const mark = (ids: string[], ...children: object[]) => ({ children, direction: null, format: '', indent: 0, type: 'mark', version: 1, ids });

/** A one-paragraph body whose middle words carry a comment mark (Lexical's MarkNode JSON). */
export function bodyWithMark(threadId: string): LexicalDocument {
  return {
    root: {
      children: [paragraph(text('The mayor said '), mark([threadId], text('the bridge reopens Monday')), text('.'))],
      direction: null,
      format: '',
      indent: 0,
      type: 'root',
      version: 1,
    },
  } as LexicalDocument;
}

/** Words only a comment holds: found in an export, they leaked from the story's comments. */
export const COMMENT_TEXT = 'SECRET-DESK-COMMENT legal says hold this';
export const REPLY_TEXT = 'SECRET-DESK-REPLY minister confirmed';
export const THREAD_IDS = ['thread-bold', 'thread-link'] as const;

/**
 * A story document as the desk holds it: a body with comment marks (one around bold words, one
 * inside a link) and their threads, each with a reply. `body` is what main reads back from it and
 * writes to the article file.
 */
export function commentedStory(): { doc: Y.Doc; body: LexicalDocument } {
  const bold = { ...text('bridge reopens'), format: 1 };
  const linkNode = { children: [text('the city '), mark([THREAD_IDS[1]], text('press release'))], direction: null, format: '', indent: 0, type: 'link', version: 1, url: 'https://example.com/release', rel: null, target: null, title: null };
  const doc = new Y.Doc();
  writeLexicalBody(doc, {
    root: {
      children: [paragraph(text('The '), mark([THREAD_IDS[0]], bold), text(' on Monday, says '), linkNode, text('.'))],
      direction: null,
      format: '',
      indent: 0,
      type: 'root',
      version: 1,
    },
  } as LexicalDocument);
  for (const id of THREAD_IDS) {
    addThread(doc, id, 'quoted words', { author: 'Ana Lima', text: `${COMMENT_TEXT} @Bo Chen`, people: ['Bo Chen'] }, commentAnchorsOf(doc));
    addReply(doc, id, { author: 'Bo Chen', text: REPLY_TEXT }, commentAnchorsOf(doc));
  }
  return { doc, body: readLexicalBody(doc, () => undefined) };
}

/** Everything an export must not carry of the comments: their words, their ids, the mark itself. */
export function commentLeaks(output: string): string[] {
  const leaks = [COMMENT_TEXT, REPLY_TEXT, ...THREAD_IDS, 'SECRET-', '<mark', '"mark"'];
  return leaks.filter((leak) => output.includes(leak));
}
