import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadSharingOldCaptions } from '../../server/old-captions';
import { StoryStore } from '../../server/story-store';
import { storyDocumentName } from '../../shared/desk/desk-protocol';
import { captionRootName } from '../../shared/desk/lexical-yjs-layout';
import { connectClient, until, type DeskClient } from './support/desk-clients';
import { startDeskFixture, type DeskFixture } from './support/desk-fixture';
import { captionIdOf, captionJson, captionRoots, captionTextOf, photoOf, seedOldStory as seedIn, typeInCaption } from './support/old-captions';

// Desk stories with photo captions from before captions were shared texts (the caption one value,
// `__captionJson`, so concurrent edits kept only the last writer's). The desk server gives each
// such photo a shared caption text as it loads the story, once, and every client receives it; an
// editor offline since before who changes the old value still has its caption kept. Embedded
// PGlite: runs everywhere, nothing skipped.
const SLOW = 180_000;
let desk: DeskFixture;
const clients: DeskClient[] = [];

beforeAll(async () => {
  desk = await startDeskFixture();
}, SLOW);
afterEach(() => {
  for (const made of clients.splice(0)) made.destroy();
});
afterAll(async () => {
  await desk?.stop();
}, 60_000);

function client(storyId: string, doc = new Y.Doc()): DeskClient {
  const made = connectClient(desk.server.webSocketUrl, 'news', storyId, desk.tokens.ana, doc);
  clients.push(made);
  return made;
}

const seedOldStory = (storyId: string, captionValue: string): Promise<Uint8Array> => seedIn(desk.server.db, storyId, captionValue);

async function synced(made: DeskClient, what: string): Promise<void> {
  await until(() => made.provider.isSynced && made.provider.unsyncedChanges === 0, what);
}

describe('old photo captions in a desk story', () => {
  it('get one shared caption text when the desk loads the story, so two editors typing in it keep both texts, live and after being offline', async () => {
    await seedOldStory('flood', captionJson('Flood'));
    const ana = client('flood');
    const bo = client('flood');
    await synced(ana, 'the first editor synced');
    await synced(bo, 'the second editor synced');
    expect(captionIdOf(ana.doc)).not.toBe('');
    expect(captionIdOf(bo.doc)).toBe(captionIdOf(ana.doc));
    expect(captionRoots(ana.doc)).toEqual([captionRootName(captionIdOf(ana.doc))]);
    expect(captionTextOf(bo.doc)).toBe('Flood');

    // Live: both type in the caption at once.
    typeInCaption(ana.doc, 'end', ' at dawn');
    typeInCaption(bo.doc, 'start', 'Big ');
    await until(() => captionTextOf(ana.doc) === 'Big Flood at dawn' && captionTextOf(bo.doc) === 'Big Flood at dawn', 'both letters at both editors');

    // One editor offline: both type, and the letters of both are kept once it is back.
    const offline = bo.doc;
    bo.destroy();
    typeInCaption(ana.doc, 'end', ', Tuesday');
    typeInCaption(offline, 'start', 'The ');
    const back = client('flood', offline);
    await synced(back, 'the editor back online');
    const both = 'The Big Flood at dawn, Tuesday';
    await until(() => captionTextOf(ana.doc) === both && captionTextOf(back.doc) === both, 'the offline letters and the live ones at both editors');
  });

  it('keeps the caption an editor offline since before the conversion changed the old way, with the letters others typed since', async () => {
    const before = await seedOldStory('storm', captionJson('Storm'));
    const ana = client('storm');
    await synced(ana, 'an editor synced');
    expect(captionTextOf(ana.doc)).toBe('Storm');
    typeInCaption(ana.doc, 'start', 'A ');
    await synced(ana, 'the letters typed since acknowledged');

    // An editor who had the story before the desk converted it changes the caption the old way.
    const stale = new Y.Doc();
    Y.applyUpdate(stale, before);
    photoOf(stale)!.setAttribute('__captionJson', captionJson('Storm over the bay'));
    const back = client('storm', stale);
    await synced(back, 'the stale editor back online');
    await until(() => captionTextOf(ana.doc) === 'A Storm over the bay', 'the stale editor’s caption at the other editor');
    await until(() => captionTextOf(back.doc) === 'A Storm over the bay' && captionIdOf(back.doc) === captionIdOf(ana.doc), 'the shared caption at the stale editor');

    // From then on it edits the shared text like everyone, letter by letter.
    typeInCaption(back.doc, 'end', '!');
    typeInCaption(ana.doc, 'start', 'See ');
    await until(() => captionTextOf(ana.doc) === 'See A Storm over the bay!' && captionTextOf(back.doc) === 'See A Storm over the bay!', 'both letters at both editors');
  });

  it('keeps such a caption also when the stale editor coming back is what loads the story', async () => {
    const before = await seedOldStory('squall', captionJson('Squall'));
    const stale = new Y.Doc();
    Y.applyUpdate(stale, before);
    photoOf(stale)!.setAttribute('__captionJson', captionJson('Squall line'));
    const back = client('squall', stale);
    await synced(back, 'the stale editor back online');
    await until(() => captionIdOf(back.doc) !== '' && captionTextOf(back.doc) === 'Squall line', 'its caption in the shared text');
    const ana = client('squall');
    await synced(ana, 'another editor synced');
    expect(captionIdOf(ana.doc)).toBe(captionIdOf(back.doc));
    expect(captionTextOf(ana.doc)).toBe('Squall line');
  });

  it('converts a story once: loaded again, it keeps the caption id it was given', async () => {
    await seedOldStory('tide', captionJson('Tide'));
    const ana = client('tide');
    await synced(ana, 'an editor synced');
    const captionId = captionIdOf(ana.doc);
    expect(captionId).not.toBe('');
    ana.destroy();
    await until(() => desk.server.openDocuments() === 0, 'the desk to let the story go');

    const name = storyDocumentName('news', 'tide');
    const store = new StoryStore(desk.server.db);
    const loads = await Promise.all([loadSharingOldCaptions(desk.server.db, store, name), loadSharingOldCaptions(desk.server.db, store, name)]);
    for (const state of loads) {
      const loaded = new Y.Doc();
      Y.applyUpdate(loaded, state!);
      expect(captionIdOf(loaded)).toBe(captionId);
      expect(captionRoots(loaded)).toEqual([captionRootName(captionId)]);
    }

    const again = client('tide');
    await synced(again, 'the editor synced again');
    expect(captionIdOf(again.doc)).toBe(captionId);
    expect(captionRoots(again.doc)).toEqual([captionRootName(captionId)]);
    expect(captionTextOf(again.doc)).toBe('Tide');
  });

  it('converts a story once even when two loads of it run at once (two instances of the desk)', async () => {
    await seedOldStory('ebb', captionJson('Ebb'));
    const name = storyDocumentName('news', 'ebb');
    const store = new StoryStore(desk.server.db);
    const loads = await Promise.all([loadSharingOldCaptions(desk.server.db, store, name), loadSharingOldCaptions(desk.server.db, store, name)]);
    const [first, second] = loads.map((state) => {
      const loaded = new Y.Doc();
      Y.applyUpdate(loaded, state!);
      return loaded;
    });
    expect(captionIdOf(first!)).not.toBe('');
    expect(captionIdOf(second!)).toBe(captionIdOf(first!));
    expect(captionRoots(second!)).toEqual([captionRootName(captionIdOf(first!))]);
    expect(captionTextOf(second!)).toBe('Ebb');
  });

  it('leaves a caption it cannot read as it was, and ignores such a caption sent for a converted photo', async () => {
    await seedOldStory('broken', '{"root": no');
    const ana = client('broken');
    await synced(ana, 'an editor synced to a story with an unreadable caption');
    expect(captionIdOf(ana.doc)).toBe('');
    expect(photoOf(ana.doc)?.getAttribute('__captionJson')).toBe('{"root": no');

    const before = await seedOldStory('gale', captionJson('Gale'));
    const bo = client('gale');
    await synced(bo, 'an editor synced');
    const stale = new Y.Doc();
    Y.applyUpdate(stale, before);
    photoOf(stale)!.setAttribute('__captionJson', '{"root": no');
    const back = client('gale', stale);
    await synced(back, 'the stale editor back online');
    await until(() => captionIdOf(back.doc) === captionIdOf(bo.doc), 'the conversion at the stale editor');
    expect(captionTextOf(bo.doc)).toBe('Gale');
    // The desk carries on.
    typeInCaption(bo.doc, 'end', ' warning');
    await until(() => captionTextOf(back.doc) === 'Gale warning', 'a later edit at the stale editor');
  });
});
