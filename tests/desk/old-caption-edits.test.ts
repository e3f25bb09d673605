import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { keepOldCaptionEdits } from '../../server/old-captions';
import { shareOldCaptions } from '../../shared/desk/lexical-yjs';
import { bodyText } from './support/desk-clients';
import { captionJson, captionTextOf, photoOf, typeInCaption } from './support/old-captions';

// The server's side of an old-style caption edit (a whole caption in `__captionJson`) that reaches
// it for a photo it already gave a shared caption text: no server, just the documents.

/** A story from before, as every editor had it, and the desk's copy of it once converted. */
function storyAndDesk(caption: string): { before: Uint8Array; desk: Y.Doc } {
  const doc = new Y.Doc();
  doc.transact(() => {
    const photo = new Y.XmlElement();
    photo.setAttribute('__type', 'newsdesk-photo');
    photo.setAttribute('__captionJson', captionJson(caption));
    bodyText(doc).insertEmbed(0, photo);
  });
  const before = Y.encodeStateAsUpdate(doc);
  const desk = new Y.Doc();
  Y.applyUpdate(desk, before);
  shareOldCaptions(desk);
  return { before, desk };
}

/** Another editor, who has the converted story, typing in the shared caption. */
function typeAsEditor(desk: Y.Doc, at: 'start' | 'end', text: string): void {
  const editor = new Y.Doc();
  Y.applyUpdate(editor, Y.encodeStateAsUpdate(desk));
  const sv = Y.encodeStateVector(editor);
  typeInCaption(editor, at, text);
  Y.applyUpdate(desk, Y.encodeStateAsUpdate(editor, sv));
}

/** An editor who had the story before it was converted, changing the caption the old way. */
function staleEdit(before: Uint8Array, caption: string, clientID: number): Uint8Array {
  const stale = new Y.Doc();
  stale.clientID = clientID;
  Y.applyUpdate(stale, before);
  const sv = Y.encodeStateVector(stale);
  photoOf(stale)!.setAttribute('__captionJson', caption);
  return Y.encodeStateAsUpdate(stale, sv);
}

describe('an old-style caption edit of a converted photo', () => {
  it('is written into the shared text, whichever of two concurrent old-style edits Yjs keeps as the value', () => {
    const shownValues = new Set<unknown>();
    for (const [first, second] of [[10, 20], [20, 10]] as const) {
      const { before, desk } = storyAndDesk('Flood');
      expect(keepOldCaptionEdits(desk, () => Y.applyUpdate(desk, staleEdit(before, captionJson('Flood at dawn'), first)))).not.toBeNull();
      expect(captionTextOf(desk)).toBe('Flood at dawn');
      // A second editor's, made at the same time from the same old caption, arrives later: it is the latest edit the desk hears of.
      expect(keepOldCaptionEdits(desk, () => Y.applyUpdate(desk, staleEdit(before, captionJson('Big flood'), second)))).not.toBeNull();
      expect(captionTextOf(desk)).toBe('Big flood');
      shownValues.add(photoOf(desk)?.getAttribute('__captionJson'));
    }
    // Once the later edit is the value Yjs keeps, once the earlier one: both were written all the same.
    expect(shownValues.size).toBe(2);
  });

  it('changes only the letters it changed in its caption, so letters others typed in the shared text since stay', () => {
    const { before, desk } = storyAndDesk('Flood at the quay');
    typeAsEditor(desk, 'start', 'Big ');
    typeAsEditor(desk, 'end', ', Tuesday');
    keepOldCaptionEdits(desk, () => Y.applyUpdate(desk, staleEdit(before, captionJson('Flood at quay, dawn'), 10)));
    expect(captionTextOf(desk)).toBe('Big Flood at quay, dawn, Tuesday');

    // An edit at the start goes before the base's first letter, after letters typed in front of it.
    const other = storyAndDesk('Flood');
    typeAsEditor(other.desk, 'start', 'Big ');
    keepOldCaptionEdits(other.desk, () => Y.applyUpdate(other.desk, staleEdit(other.before, captionJson('The Flood'), 10)));
    expect(captionTextOf(other.desk)).toBe('Big The Flood');
  });

  it('replaces the shared text when it is not one paragraph of plain text, as the caption the edit was made from was', () => {
    const { before, desk } = storyAndDesk('Flood');
    typeAsEditor(desk, 'start', 'Big ');
    const bold = JSON.stringify({ root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'Flood', format: 1 }] }] } });
    keepOldCaptionEdits(desk, () => Y.applyUpdate(desk, staleEdit(before, bold, 10)));
    expect(captionTextOf(desk)).toBe('Flood');
  });

  it('writes nothing when it holds what the shared text holds, or what cannot be read, or for a photo without a caption id', () => {
    const { before, desk } = storyAndDesk('Flood');
    expect(keepOldCaptionEdits(desk, () => Y.applyUpdate(desk, staleEdit(before, captionJson('Flood'), 10)))).toBeNull();
    expect(keepOldCaptionEdits(desk, () => Y.applyUpdate(desk, staleEdit(before, '{"root": no', 11)))).toBeNull();
    expect(captionTextOf(desk)).toBe('Flood');

    const old = new Y.Doc();
    Y.applyUpdate(old, before);
    expect(keepOldCaptionEdits(old, () => Y.applyUpdate(old, staleEdit(before, captionJson('Flood at dawn'), 12)))).toBeNull();
    expect(photoOf(old)?.getAttribute('__captionId')).toBeUndefined();
  });

  it('writes nothing for an edit made together with removing the photo', () => {
    const { before, desk } = storyAndDesk('Flood');
    const stale = new Y.Doc();
    Y.applyUpdate(stale, before);
    const sv = Y.encodeStateVector(stale);
    stale.transact(() => {
      photoOf(stale)!.setAttribute('__captionJson', captionJson('Gone'));
      bodyText(stale).delete(0, 1);
    });
    expect(keepOldCaptionEdits(desk, () => Y.applyUpdate(desk, Y.encodeStateAsUpdate(stale, sv)))).toBeNull();
  });
});
