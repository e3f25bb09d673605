import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { LexicalDocument } from '../../../shared/model/article';
import { UserFacingError } from '../../../shared/model/errors';
import {
  addReply,
  addThread,
  commentAnchorsOf,
  commentsMapOf,
  MAX_COMMENT_TEXT,
  mentionsIn,
  mentionsOf,
  readThreads,
  setResolved,
} from '../../../shared/desk/comments';
import { readLexicalBody, writeLexicalBody } from '../../../shared/desk/lexical-yjs';
import { bodyWithMark } from './comment-fixtures';

/** Two replicas of one story document that pass every change to each other, as main and the desk do. */
function twoReplicas(body: LexicalDocument): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(b, update, 'peer'));
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(a, update, 'peer'));
  writeLexicalBody(a, body);
  return [a, b];
}

const refusal = (action: () => unknown): UserFacingError => {
  try {
    action();
  } catch (error) {
    if (error instanceof UserFacingError) return error;
    throw error;
  }
  throw new Error('the action was not refused');
};

describe('comment threads in the story document', () => {
  it('a thread started on one replica is answered and resolved on the other, and reopened again', () => {
    const [ana, bo] = twoReplicas(bodyWithMark('thread-1'));
    expect(commentAnchorsOf(bo)).toEqual(new Set(['thread-1']));
    addThread(ana, 'thread-1', 'the bridge reopens Monday', { author: 'Ana Lima', text: 'Source? @Bo Chen please check', people: ['Bo Chen', 'Ana Lima'] }, commentAnchorsOf(ana));
    const [seen] = readThreads(bo);
    expect(seen).toMatchObject({ id: 'thread-1', quote: 'the bridge reopens Monday', resolved: false });
    expect(seen!.comments[0]).toMatchObject({ author: 'Ana Lima', text: 'Source? @Bo Chen please check', mentions: ['Bo Chen'] });
    addReply(bo, 'thread-1', { author: 'Bo Chen', text: 'City press release, 9:14.' }, commentAnchorsOf(bo));
    setResolved(bo, 'thread-1', true, 'Bo Chen', commentAnchorsOf(bo));
    const [after] = readThreads(ana);
    expect(after!.comments.map((comment) => comment.text)).toEqual(['Source? @Bo Chen please check', 'City press release, 9:14.']);
    expect(after).toMatchObject({ resolved: true, resolvedBy: 'Bo Chen' });
    setResolved(ana, 'thread-1', false, 'Ana Lima', commentAnchorsOf(ana));
    expect(readThreads(bo)[0]).toMatchObject({ resolved: false, resolvedBy: null });
  });

  it('two replies written at once on both replicas are both kept', () => {
    const a = new Y.Doc();
    writeLexicalBody(a, bodyWithMark('thread-2'));
    addThread(a, 'thread-2', 'x', { author: 'Ana', text: 'First' }, commentAnchorsOf(a));
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    addReply(a, 'thread-2', { author: 'Ana', text: 'From Ana' }, commentAnchorsOf(a));
    addReply(b, 'thread-2', { author: 'Bo', text: 'From Bo' }, commentAnchorsOf(b));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readThreads(a)[0]!.comments.map((comment) => comment.text).sort()).toEqual(['First', 'From Ana', 'From Bo']);
    expect(readThreads(b)).toEqual(readThreads(a));
  });

  it('refuses a comment on a range that no longer exists, and an answer to a thread whose words were deleted, storing nothing', () => {
    const doc = new Y.Doc();
    writeLexicalBody(doc, bodyWithMark('thread-3'));
    expect(refusal(() => addThread(doc, 'thread-gone', 'x', { author: 'Ana', text: 'On nothing' }, commentAnchorsOf(doc))).message).toMatch(/no longer in the story/);
    expect(commentsMapOf(doc).size).toBe(0);
    addThread(doc, 'thread-3', 'x', { author: 'Ana', text: 'Check' }, commentAnchorsOf(doc));
    // The commented words are deleted (another editor): the thread is orphaned.
    const paragraphType = doc.get('root', Y.XmlText).toDelta()[0].insert as Y.XmlText;
    paragraphType.delete(0, paragraphType.length);
    expect(commentAnchorsOf(doc).size).toBe(0);
    expect(refusal(() => addReply(doc, 'thread-3', { author: 'Bo', text: 'Too late' }, commentAnchorsOf(doc))).message).toMatch(/no longer in the story/);
    expect(refusal(() => setResolved(doc, 'thread-3', false, 'Bo', commentAnchorsOf(doc))).code).toBe('conflict');
    // An orphaned thread can still be read and resolved.
    setResolved(doc, 'thread-3', true, 'Bo', commentAnchorsOf(doc));
    expect(readThreads(doc)[0]!.comments).toHaveLength(1);
    expect(refusal(() => addReply(doc, 'no-such-thread', { author: 'Bo', text: 'Hi' }, new Set(['no-such-thread']))).code).toBe('not-found');
  });

  it('refuses empty, oversized and authorless comments and bad ids with a sentence', () => {
    const doc = new Y.Doc();
    writeLexicalBody(doc, bodyWithMark('thread-4'));
    const anchors = commentAnchorsOf(doc);
    expect(refusal(() => addThread(doc, 'thread-4', 'x', { author: 'Ana', text: '   ' }, anchors)).message).toBe('A comment cannot be empty.');
    expect(refusal(() => addThread(doc, 'thread-4', 'x', { author: 'Ana', text: 'x'.repeat(MAX_COMMENT_TEXT + 1) }, anchors)).message).toMatch(/at most 5000/);
    expect(refusal(() => addThread(doc, 'thread-4', 'x', { author: ' ', text: 'Hi' }, anchors)).message).toMatch(/author/);
    expect(refusal(() => addThread(doc, '../x', 'x', { author: 'Ana', text: 'Hi' }, new Set(['../x']))).message).toBe('Not a valid comment id.');
    expect(commentsMapOf(doc).size).toBe(0);
  });

  it('skips threads a damaged or foreign client wrote, instead of failing', () => {
    const doc = new Y.Doc();
    const map = commentsMapOf(doc);
    map.set('not a valid id!', new Y.Map());
    map.set('plain-value', 'text' as unknown as Y.Map<unknown>);
    const empty = new Y.Map<unknown>();
    empty.set('comments', new Y.Array());
    map.set('empty-thread', empty);
    const odd = new Y.Map<unknown>();
    odd.set('comments', Y.Array.from([{ id: 1 }, { id: 'c', author: 'Ana', text: 'kept', at: '2026-01-01T00:00:00.000Z', mentions: [] }]));
    map.set('odd-thread', odd);
    expect(readThreads(doc)).toEqual([{ id: 'odd-thread', quote: '', comments: [expect.objectContaining({ text: 'kept' })], resolved: false, resolvedBy: null }]);
  });

  it('the body read back from the document keeps the marks (ids only) and none of the comments', () => {
    const doc = new Y.Doc();
    writeLexicalBody(doc, bodyWithMark('thread-5'));
    addThread(doc, 'thread-5', 'x', { author: 'Ana', text: 'SECRET-COMMENT-TEXT' }, commentAnchorsOf(doc));
    const body = readLexicalBody(doc, () => undefined);
    expect(JSON.stringify(body)).not.toContain('SECRET-COMMENT-TEXT');
    expect(body.root.children[0]).toMatchObject({ children: [{ text: 'The mayor said ' }, { type: 'mark', ids: ['thread-5'] }, { text: '.' }] });
  });
});

describe('mentions', () => {
  it('finds @Name of desk people, longest name first, not inside other words', () => {
    expect(mentionsIn('@Ana Lima and @Bo, see this', ['Ana', 'Ana Lima', 'Bo'])).toEqual(['Ana Lima', 'Bo']);
    expect(mentionsIn('mail bo@Bob.example or @Bobby', ['Bo'])).toEqual([]);
    expect(mentionsIn('@ana lima', ['Ana Lima'])).toEqual(['Ana Lima']);
  });

  it('a person is notified of others’ comments that mention them, not of their own', () => {
    const doc = new Y.Doc();
    writeLexicalBody(doc, bodyWithMark('thread-6'));
    const people = ['Ana Lima', 'Bo Chen'];
    addThread(doc, 'thread-6', 'quote', { author: 'Ana Lima', text: '@Bo Chen can you confirm?', people }, commentAnchorsOf(doc));
    addReply(doc, 'thread-6', { author: 'Bo Chen', text: 'Yes @Bo Chen did', people }, commentAnchorsOf(doc));
    expect(mentionsOf(readThreads(doc), 'Bo Chen').map((mention) => mention.comment.text)).toEqual(['@Bo Chen can you confirm?']);
    expect(mentionsOf(readThreads(doc), 'Ana Lima')).toEqual([]);
  });
});
