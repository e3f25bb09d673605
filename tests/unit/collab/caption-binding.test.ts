import { $getSelection, $isRangeSelection, UNDO_COMMAND, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readLexicalBody } from '../../../shared/desk/lexical-yjs';
import { textOf, typeAt } from './caption-typing';
import { bindCaption, newCaptionId } from '../../../renderer/src/editor/photos/caption-binding';
import { createCaptionEditor } from '../../../renderer/src/editor/photos/caption';

// Two editors' caption editors, each bound to the caption's shared text in its own copy of the
// story document: letters typed in one caption at the same time are all kept, as in the body.

/** Two copies of one document whose updates are held until `exchange()`, like two apps offline for a moment. */
function twoDocs() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const held: { to: Y.Doc; update: Uint8Array }[] = [];
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && held.push({ to: b, update }));
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && held.push({ to: a, update }));
  const exchange = () => {
    for (const { to, update } of held.splice(0)) Y.applyUpdate(to, update, 'remote');
  };
  return { a, b, exchange };
}


/** The binding's updates reach the editor on a microtask; a discrete update commits them now. */
const settle = (caption: LexicalEditor) => caption.update(() => {}, { discrete: true });

/**
 * "Flood" captioned in one editor and bound in the other, which got the photo through the document
 * with an empty caption editor; returns both caption editors and the held updates' exchange.
 */
function sharedCaption() {
  const { a, b, exchange } = twoDocs();
  const captionId = newCaptionId();
  const mine = createCaptionEditor({ text: 'Flood' });
  bindCaption(mine, a, captionId);
  exchange();
  const theirs = createCaptionEditor({ text: '' });
  bindCaption(theirs, b, captionId);
  return { a, captionId, mine, theirs, exchange };
}

describe('a caption shared between two editors', () => {
  it('keeps the letters both typed in it at the same time', () => {
    const { mine, theirs, exchange } = sharedCaption();
    expect(textOf(theirs)).toBe('Flood');

    typeAt(mine, 'end', ' at dawn');
    typeAt(theirs, 'start', 'Big ');
    exchange();
    settle(mine);
    settle(theirs);

    expect(textOf(mine)).toBe('Big Flood at dawn');
    expect(textOf(theirs)).toBe('Big Flood at dawn');
  });

  it('keeps the caret where this editor was typing when the other editor’s letters arrive before it', () => {
    const { mine, theirs, exchange } = sharedCaption();
    typeAt(mine, 'end', ' at');
    typeAt(theirs, 'start', 'Big ');
    exchange();
    settle(mine);
    // Typing on where the caret is, as the keyboard does.
    mine.update(
      () => {
        const selection = $getSelection();
        if (!$isRangeSelection(selection)) throw new Error('the caret is in the caption');
        selection.insertText(' dawn');
      },
      { discrete: true },
    );
    expect(textOf(mine)).toBe('Big Flood at dawn');
  });

  it('shows its text once when bound again, as when undo brings its photo back', () => {
    const doc = new Y.Doc();
    const captionId = newCaptionId();
    const caption = createCaptionEditor({ text: 'Flood' });
    const first = bindCaption(caption, doc, captionId);
    typeAt(caption, 'end', ' at dawn');
    first.dispose();
    // The photo node brought back by undo comes with a fresh caption editor, bound to the same text.
    const again = createCaptionEditor({ text: '' });
    const second = bindCaption(again, doc, captionId);
    expect(textOf(again)).toBe('Flood at dawn');
    second.dispose();
    bindCaption(again, doc, captionId);
    expect(textOf(again)).toBe('Flood at dawn');
  });

  it('is written into the text once, by the editor that made the caption, whoever binds it first', () => {
    const { a, b, exchange } = twoDocs();
    const captionId = newCaptionId();
    // The other editor binds before the text arrived: it waits, it does not write its own copy.
    const theirs = createCaptionEditor({ text: 'Flood' });
    bindCaption(theirs, b, captionId);
    bindCaption(createCaptionEditor({ text: 'Flood' }), a, captionId);
    exchange();
    settle(theirs);
    expect(textOf(theirs)).toBe('Flood');
  });

  it('undoes this editor’s own typing only, never the other editor’s', () => {
    const { mine, theirs, exchange } = sharedCaption();
    typeAt(mine, 'end', ' at dawn');
    typeAt(theirs, 'start', 'Big ');
    exchange();
    settle(mine);

    mine.dispatchCommand(UNDO_COMMAND, undefined);
    settle(mine);
    expect(textOf(mine)).toBe('Big Flood');
    exchange();
    settle(theirs);
    expect(textOf(theirs)).toBe('Big Flood');
  });

  it('is what main reads for the photo once the editors merged it', () => {
    const { a, captionId, mine, theirs, exchange } = sharedCaption();
    typeAt(mine, 'end', ' at dawn');
    typeAt(theirs, 'start', 'Big ');
    exchange();
    // A body holding the photo, as main finds it; its JSON mirror is the caption as first written.
    a.transact(() => {
      const photo = new Y.XmlElement();
      photo.setAttribute('__type', 'newsdesk-photo');
      photo.setAttribute('__captionId', captionId);
      photo.setAttribute('__captionJson', JSON.stringify(createCaptionEditor({ text: 'Flood' }).getEditorState().toJSON()));
      a.get('root', Y.XmlText).insertEmbed(0, photo);
    });
    const photos = readLexicalBody(a, () => undefined).root.children;
    expect(photos[0]).toMatchObject({ type: 'newsdesk-photo', captionText: 'Big Flood at dawn' });
  });
});
