import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { keepOldCaptionEdits } from '../../server/old-captions';
import { shareOldCaptions } from '../../shared/desk/lexical-yjs';
import { bodyText } from './support/desk-clients';
import { captionJson, captionTextOf, photoOf } from './support/old-captions';

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
