import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createStoryDocs, type UpdateSource } from '../../../electron/main/services/collab/story-docs';

const key = { id: 'story-0001', part: 'body' };

function editorReplica(state: string): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(Buffer.from(state, 'base64')));
  return doc;
}

describe('story documents held by main', () => {
  it('gives two editors one document: a change from one reaches the other, tagged with its maker', async () => {
    const seen: { from: UpdateSource; update: Uint8Array }[] = [];
    const docs = createStoryDocs({ onUpdate: (_key, update, from) => seen.push({ from, update }) });
    const first = await docs.open(key, 'window-a-0001');
    const second = await docs.open(key, 'window-b-0001');
    expect(first.bootstrap).toBe(true);
    expect(second.bootstrap).toBe(false);

    const a = editorReplica(first.state);
    const b = editorReplica(second.state);
    const applied: Promise<void>[] = [];
    a.on('update', (update: Uint8Array) => applied.push(docs.apply(key, update, 'window-a-0001')));
    a.get('root', Y.XmlText).insert(0, 'Harbour reopens');
    await Promise.all(applied);
    expect(seen.map((change) => change.from)).toEqual(['window-a-0001']);
    for (const change of seen) Y.applyUpdate(b, change.update);
    expect(b.get('root', Y.XmlText).toString()).toBe('Harbour reopens');
    expect(docs.get(key)?.get('root', Y.XmlText).toString()).toBe('Harbour reopens');
  });

  it('tells a later editor to bootstrap when the one told first closed without writing', async () => {
    const docs = createStoryDocs();
    expect((await docs.open(key, 'window-a-0001')).bootstrap).toBe(true);
    expect((await docs.open(key, 'window-b-0001')).bootstrap).toBe(false);
    await docs.close(key, 'window-a-0001');
    expect((await docs.open(key, 'window-c-0001')).bootstrap).toBe(true);
  });

  it('lets the document go once the last editor closed', async () => {
    const docs = createStoryDocs();
    await docs.open(key, 'window-a-0001');
    await docs.close(key, 'window-a-0001');
    expect(docs.get(key)).toBeUndefined();
  });
});

describe('a malformed change', () => {
  it('is refused with a sentence and leaves the document as it was', async () => {
    const docs = createStoryDocs();
    const opened = await docs.open(key, 'window-a-0001');
    const a = editorReplica(opened.state);
    const applied: Promise<void>[] = [];
    a.on('update', (update: Uint8Array) => applied.push(docs.apply(key, update, 'window-a-0001')));
    a.get('root', Y.XmlText).insert(0, 'Harbour reopens');
    await Promise.all(applied);
    const garbage = new Uint8Array(Buffer.from('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'base64'));
    await expect(docs.apply(key, garbage, 'window-a-0001')).rejects.toThrow(/could not be read/);
    expect(docs.get(key)?.get('root', Y.XmlText).toString()).toBe('Harbour reopens');
  });
});
