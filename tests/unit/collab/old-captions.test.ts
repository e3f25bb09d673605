import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readLexicalBody, shareOldCaptions } from '../../../shared/desk/lexical-yjs';
import { captionRootName, isCaptionRootName } from '../../../shared/desk/lexical-yjs-layout';
import { textOf, typeAt } from './caption-typing';
import { bindCaption } from '../../../renderer/src/editor/photos/caption-binding';
import { createCaptionEditor } from '../../../renderer/src/editor/photos/caption';
import { bodyKey, storyDocsIn, tempLibrary } from './story-helpers';

// A story document written before captions were shared texts holds each photo's caption as one
// value (`__captionJson`), so two editors typing in it keep only the last one's text. Main gives
// such photos a shared caption text as it loads a story this app alone writes, so from then on
// the caption merges letter by letter. A desk story is left as it is: two apps doing it at once
// would give one photo two captions (the desk server converts those, tests/desk/desk-old-captions.test.ts).

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const FLOOD = JSON.stringify(createCaptionEditor({ text: 'Flood' }).getEditorState().toJSON());

/** A library whose story document holds one photo with its caption the old way only. */
async function libraryWithOldCaption(): Promise<string> {
  const temp = await tempLibrary();
  cleanups.push(temp.remove);
  const { docs } = storyDocsIn(temp.dir);
  const doc = await docs.hold(bodyKey, 'writer');
  doc.transact(() => {
    const photo = new Y.XmlElement();
    photo.setAttribute('__type', 'newsdesk-photo');
    photo.setAttribute('__photoId', 'photo-1');
    photo.setAttribute('__captionJson', FLOOD);
    doc.get('root', Y.XmlText).insertEmbed(0, photo);
  }, 'main');
  await docs.closeAll();
  return temp.dir;
}

/** The story as main holds it once loaded (a copy, taken before main lets it go). */
async function loaded(dir: string, ownsStory: boolean): Promise<Y.Doc> {
  const { docs } = storyDocsIn(dir, { ownsStory: () => ownsStory });
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(await docs.hold(bodyKey, 'test')));
  await docs.closeAll();
  return copy;
}

const photoOf = (doc: Y.Doc) => doc.get('root', Y.XmlText).toDelta()[0].insert as Y.XmlElement;
const captionRoots = (doc: Y.Doc) => [...doc.share.keys()].filter(isCaptionRootName);

describe('old photo captions', () => {
  it('get a shared text as a story this app alone writes loads, so two editors typing in one keep both texts', async () => {
    const dir = await libraryWithOldCaption();
    const doc = await loaded(dir, true);
    const captionId = String(photoOf(doc).getAttribute('__captionId') ?? '');
    expect(captionId).not.toBe('');
    expect(readLexicalBody(doc, () => undefined).root.children[0]).toMatchObject({ captionText: 'Flood' });

    // Two editors of the story, each bound to the caption's text in its own copy.
    const a = new Y.Doc();
    const b = new Y.Doc();
    Y.applyUpdate(a, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(doc));
    const mine = createCaptionEditor({ text: 'Flood' });
    const theirs = createCaptionEditor({ text: 'Flood' });
    bindCaption(mine, a, captionId);
    bindCaption(theirs, b, captionId);
    typeAt(mine, 'end', ' at dawn');
    typeAt(theirs, 'start', 'Big ');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    for (const caption of [mine, theirs]) caption.update(() => {}, { discrete: true });
    expect(textOf(mine)).toBe('Big Flood at dawn');
    expect(textOf(theirs)).toBe('Big Flood at dawn');
  });

  it('keep the id they were given: a story loaded again is not given a second one', async () => {
    const dir = await libraryWithOldCaption();
    const first = await loaded(dir, true);
    const again = await loaded(dir, true);
    expect(photoOf(again).getAttribute('__captionId')).toBe(photoOf(first).getAttribute('__captionId'));
    expect(captionRoots(again)).toEqual([captionRootName(String(photoOf(first).getAttribute('__captionId')))]);
    expect(shareOldCaptions(again)).toBe(0);
  });

  it('stay as they were in a desk story, and one that cannot be read is left alone', async () => {
    const dir = await libraryWithOldCaption();
    const desk = await loaded(dir, false);
    expect(photoOf(desk).getAttribute('__captionId')).toBeUndefined();
    expect(captionRoots(desk)).toEqual([]);

    photoOf(desk).setAttribute('__captionJson', '{"root": no');
    expect(shareOldCaptions(desk)).toBe(0);
    expect(photoOf(desk).getAttribute('__captionId')).toBeUndefined();
  });
});
