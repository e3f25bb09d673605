import { appendFile, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeRecord } from '../../../electron/main/services/collab/story-log';
import { makeArticle } from '../drafts/helpers';
import { attachWindow, bodyKey, bodyText, storyDocsIn, tempLibrary } from './story-helpers';

// Main's story documents live on disk: every acknowledged change is there after a restart, a crash
// mid-write costs only the change that was never acknowledged, damaged files go to the quarantine
// with their reason, and the log is compacted into a snapshot as it grows.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function library(): Promise<string> {
  const temp = await tempLibrary();
  cleanups.push(temp.remove);
  return temp.dir;
}

const storyDir = (libraryDir: string) => join(libraryDir, 'shared-docs', bodyKey.id);
const logPath = (libraryDir: string) => join(storyDir(libraryDir), 'body.ylog');

async function reopenedText(libraryDir: string): Promise<string> {
  const { docs } = storyDocsIn(libraryDir);
  const doc = await docs.hold(bodyKey, 'test');
  const text = bodyText(doc);
  await docs.closeAll();
  return text;
}

async function typeWords(libraryDir: string, words: string[], options = {}): Promise<void> {
  const { docs } = storyDocsIn(libraryDir, options);
  const window = await attachWindow(docs, bodyKey, 'window-a-0001');
  for (const word of words) await window.type(word);
  await docs.closeAll();
}

describe('story documents on disk', () => {
  it('hold every acknowledged change after a restart', async () => {
    const dir = await library();
    await typeWords(dir, ['Harbour ', 'reopens ', 'at dawn']);
    expect(await reopenedText(dir)).toBe('Harbour reopens at dawn');
  });

  it('keep a change on disk before it is acknowledged, with no close at all', async () => {
    const dir = await library();
    const { docs } = storyDocsIn(dir);
    const window = await attachWindow(docs, bodyKey, 'window-a-0001');
    await window.type('Flood warning');
    // No close: what a kill -9 right after the acknowledgement leaves on disk.
    expect(await reopenedText(dir)).toBe('Flood warning');
  });

  it('drop a torn last record (a crash mid-append), keep the rest, and append after it again', async () => {
    const dir = await library();
    await typeWords(dir, ['Harbour ', 'reopens']);
    const record = encodeRecord(new Uint8Array(200).fill(7));
    await appendFile(logPath(dir), record.subarray(0, 60));
    const { docs, quarantine } = storyDocsIn(dir);
    const window = await attachWindow(docs, bodyKey, 'window-a-0001');
    expect(bodyText(window.doc)).toBe('Harbour reopens');
    await window.type(' today');
    await docs.closeAll();
    expect(quarantine.list()).toEqual([]);
    expect(await reopenedText(dir)).toBe('Harbour reopens today');
  });

  it('drop a last record whose checksum fails (its sectors half written)', async () => {
    const dir = await library();
    await typeWords(dir, ['Harbour ', 'reopens']);
    const bytes = await readFile(logPath(dir));
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
    await writeFile(logPath(dir), bytes);
    const { docs, quarantine } = storyDocsIn(dir);
    expect(bodyText(await docs.hold(bodyKey, 'test'))).toBe('Harbour ');
    await docs.closeAll();
    expect(quarantine.list()).toEqual([]);
  });

  it('quarantine a log damaged in the middle with its reason, keeping the good records before it', async () => {
    const dir = await library();
    await typeWords(dir, ['Harbour ', 'reopens ', 'at dawn']);
    const bytes = await readFile(logPath(dir));
    // The second record's payload: past the magic (8), the first record (header 8 + payload).
    const firstLength = bytes.readUInt32LE(8);
    const at = 8 + 8 + firstLength + 8 + 2;
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0xff, at);
    await writeFile(logPath(dir), bytes);
    const { docs, quarantine } = storyDocsIn(dir);
    expect(bodyText(await docs.hold(bodyKey, 'test'))).toBe('Harbour ');
    await docs.closeAll();
    const [entry] = quarantine.list();
    expect(entry?.reason).toMatch(/fails its checksum, with more records after it/);
    expect(entry?.file).toBe(join('shared-docs', bodyKey.id, 'body.ylog'));
    expect(await readFile(entry!.movedTo)).toEqual(bytes);
    // The good records were written again whole, so the story opens without the damaged file.
    expect(await reopenedText(dir)).toBe('Harbour ');
  });

  it('quarantine a file that is not a story document', async () => {
    const dir = await library();
    await typeWords(dir, ['Harbour']);
    await writeFile(logPath(dir), 'not a log at all');
    const { docs, quarantine } = storyDocsIn(dir);
    expect(bodyText(await docs.hold(bodyKey, 'test'))).toBe('');
    await docs.closeAll();
    expect(quarantine.list()[0]?.reason).toMatch(/unknown header/);
  });

  it('compact the log into a snapshot as it grows, losing nothing', async () => {
    const dir = await library();
    const words = Array.from({ length: 40 }, (_, index) => `word${index} `);
    await typeWords(dir, words, { compactAfterBytes: 400 });
    const files = await readdir(storyDir(dir));
    expect(files.sort()).toEqual(['body.ylog', 'body.ysnap']);
    expect((await stat(logPath(dir))).size).toBeLessThan(400 + 200);
    expect(await reopenedText(dir)).toBe(words.join(''));
  });

  it('quarantine a damaged snapshot and still read the log', async () => {
    const dir = await library();
    await typeWords(dir, ['one ', 'two ', 'three ', 'four'], { compactAfterBytes: 60 });
    const snapshot = join(storyDir(dir), 'body.ysnap');
    const bytes = await readFile(snapshot);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 3) ^ 0xff, bytes.length - 3);
    await writeFile(snapshot, bytes);
    const { docs, quarantine } = storyDocsIn(dir);
    await docs.hold(bodyKey, 'test');
    await docs.closeAll();
    expect(quarantine.list()[0]?.reason).toMatch(/snapshot could not be read/);
  });

  it('refuse every change while the library is read-only, and write nothing', async () => {
    const dir = await library();
    const reason = 'Open on desk-2 since 1 May: opened read-only.';
    const { docs } = storyDocsIn(dir, { readOnlyReason: () => reason });
    const window = await attachWindow(docs, bodyKey, 'window-a-0001');
    await expect(window.type('Harbour')).rejects.toThrow(`${reason} The change was not saved.`);
    await docs.closeAll();
    await expect(readdir(join(dir, 'shared-docs'))).rejects.toThrow(/ENOENT/);
  });

  it('refuse a key that would leave the folder', async () => {
    const dir = await library();
    const { docs } = storyDocsIn(dir);
    await expect(docs.hold({ id: '../../etc', part: 'body' }, 'test')).rejects.toThrow(/Not a valid story document/);
    await expect(docs.hold({ id: bodyKey.id, part: '../x' }, 'test')).rejects.toThrow(/Not a valid story document/);
  });
});

describe('metadata seeded by main', () => {
  it('fills an empty meta map from the article file, once', async () => {
    const dir = await library();
    const article = makeArticle({ id: bodyKey.id, headline: 'Harbour reopens', tags: ['port'], slugEdited: true });
    const { docs } = storyDocsIn(dir, { articleOf: async () => article });
    const doc = await docs.hold(bodyKey, 'test');
    const meta = doc.getMap('meta');
    expect(meta.get('headline')).toBe('Harbour reopens');
    expect(meta.get('tags')).toEqual(['port']);
    expect(meta.get('slugEdited')).toBe(true);
    expect(meta.get('leadPhoto')).toBeNull();
    meta.set('headline', 'Harbour reopens at dawn');
    await docs.closeAll();
    // Seeded and edited values were saved; the article file does not seed a map that has values.
    const again = storyDocsIn(dir, { articleOf: async () => article });
    const reopened = await again.docs.hold(bodyKey, 'test');
    expect(reopened.getMap('meta').get('headline')).toBe('Harbour reopens at dawn');
    await again.docs.closeAll();
  });

  it('leaves captions and stories without an article file unseeded', async () => {
    const dir = await library();
    const { docs } = storyDocsIn(dir, { articleOf: async () => null });
    const doc = await docs.hold(bodyKey, 'test');
    expect(doc.getMap('meta').size).toBe(0);
    await docs.closeAll();
  });
});

describe('a second Y.Doc applying the stored bytes', () => {
  it('converges with the live one (the log holds updates exactly as Yjs made them)', async () => {
    const dir = await library();
    await typeWords(dir, ['a', 'b', 'c']);
    const { docs } = storyDocsIn(dir);
    const copy = await docs.load(bodyKey);
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(copy));
    expect(bodyText(fresh)).toBe('abc');
  });
});
