import { readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { bodyOf, makeArticle, openStore, tempDir } from './helpers';

/** The JSON head of the search cache: its length in bytes 4–8, the head from byte 8 on. */
function searchCacheHead(bytes: Buffer): { signatures: unknown[] } {
  const length = bytes.readUInt32BE(4);
  return (JSON.parse(bytes.subarray(8, 8 + length).toString('utf8')) as { head: { signatures: unknown[] } }).head;
}

const headlines = (page: { items: { headline: string }[] }): string[] => page.items.map((s) => s.headline).sort();

async function seed(dir: string) {
  const store = await openStore(dir);
  await store.save(makeArticle({ headline: 'Council budget vote', body: bodyOf('The council approved the housing budget after a long debate.'), tags: ['politics'], section: 'Local' }), 'manual');
  await store.save(makeArticle({ headline: 'Storm hits coast', body: bodyOf('Fishermen stayed in port as the storm reached the harbour.'), tags: ['weather'], byline: [{ name: 'Marta Öberg', role: '', avatar: null }], status: 'ready' }), 'manual');
  await store.save(makeArticle({ headline: 'Cup final', dek: 'Late goal decides it', body: bodyOf('A penalty in the last minute.'), tags: ['football'], section: 'Sport' }), 'manual');
  return store;
}

describe('draft store: full-text search', () => {
  it('finds words in the body, headline, dek, tags and byline', async () => {
    const store = await seed(await tempDir());
    expect(headlines(await store.list({ text: 'harbour' }))).toEqual(['Storm hits coast']);
    expect(headlines(await store.list({ text: 'budget' }))).toEqual(['Council budget vote']);
    expect(headlines(await store.list({ text: 'late goal' }))).toEqual(['Cup final']);
    expect(headlines(await store.list({ text: 'football' }))).toEqual(['Cup final']);
    expect(headlines(await store.list({ text: 'marta' }))).toEqual(['Storm hits coast']);
    // Accents are folded both ways.
    expect(headlines(await store.list({ text: 'oberg' }))).toEqual(['Storm hits coast']);
    expect((await store.list({ text: 'nothing-like-this' })).total).toBe(0);
  });

  it('matches prefixes and light typos of words of four letters or more, and needs every word', async () => {
    const store = await seed(await tempDir());
    expect(headlines(await store.list({ text: 'fisherm' }))).toEqual(['Storm hits coast']);
    expect(headlines(await store.list({ text: 'harbor' }))).toEqual(['Storm hits coast']);
    expect(headlines(await store.list({ text: 'penalty budget' }))).toEqual([]);
    expect(headlines(await store.list({ text: 'council housing' }))).toEqual(['Council budget vote']);
  });

  it('filters hits by status and section and pages them', async () => {
    const store = await seed(await tempDir());
    for (let i = 0; i < 5; i += 1) {
      await store.save(makeArticle({ headline: `Storm update ${i}`, section: i < 2 ? 'Local' : 'World' }), 'auto');
    }
    expect((await store.list({ text: 'storm' })).total).toBe(6);
    expect(headlines(await store.list({ text: 'storm', status: 'ready' }))).toEqual(['Storm hits coast']);
    expect((await store.list({ text: 'storm', section: 'World' })).total).toBe(3);
    const page = await store.list({ text: 'storm', offset: 4, limit: 10 });
    expect(page.total).toBe(6);
    expect(page.items).toHaveLength(2);
  });

  it('sees a save at once, and forgets trashed drafts until they are restored', async () => {
    const store = await seed(await tempDir());
    const article = makeArticle({ headline: 'Quiet day', body: bodyOf('Nothing happened.') });
    await store.save(article, 'auto');
    expect((await store.list({ text: 'volcano' })).total).toBe(0);
    await store.save({ ...article, body: bodyOf('A volcano erupted.') }, 'auto');
    expect(headlines(await store.list({ text: 'volcano' }))).toEqual(['Quiet day']);
    expect((await store.list({ text: 'nothing' })).total).toBe(0); // old text is gone from the index
    await store.trash(article.id);
    expect((await store.list({ text: 'volcano' })).total).toBe(0);
    await store.restoreFromTrash(article.id);
    expect(headlines(await store.list({ text: 'volcano' }))).toEqual(['Quiet day']);
  });

  it('reuses its cache after a reopen and re-indexes a draft edited behind its back', async () => {
    const dir = await tempDir();
    const store = await seed(dir);
    const page = await store.list({ text: 'penalty' });
    const id = page.items[0]!.id;
    await store.close();
    expect(searchCacheHead(await readFile(join(dir, 'index', 'search.bin'))).signatures).toHaveLength(3);

    const file = join(dir, 'drafts', `${id}.json`);
    const stored = JSON.parse(await readFile(file, 'utf8'));
    stored.body = bodyOf('An extra-time header settled it.');
    await writeFile(file, JSON.stringify(stored));

    const reopened = await openStore(dir);
    expect((await reopened.list({ text: 'penalty' })).total).toBe(0);
    expect(headlines(await reopened.list({ text: 'header' }))).toEqual(['Cup final']);
    expect(headlines(await reopened.list({ text: 'harbour' }))).toEqual(['Storm hits coast']);
  });

  it('reads the drafts its cache misses on its own thread: no draft is parsed on the main thread while it warms up', async () => {
    const dir = await tempDir();
    await (await seed(dir)).close();
    await rm(join(dir, 'index', 'search.bin'));
    const reopened = await openStore(dir);
    const parse = vi.spyOn(JSON, 'parse');
    try {
      await reopened.searchReady();
      const draftsParsed = parse.mock.calls.filter(([text]) => typeof text === 'string' && text.includes('"body"'));
      expect(draftsParsed).toHaveLength(0);
    } finally {
      parse.mockRestore();
    }
    expect(headlines(await reopened.list({ text: 'harbour' }))).toEqual(['Storm hits coast']);
    await reopened.close();
  });

  it('closes during the warm-up without waiting for it, and the next open finds every draft', async () => {
    const dir = await tempDir();
    await (await seed(dir)).close();
    await rm(join(dir, 'index', 'search.bin'));
    const store = await openStore(dir);
    await store.close();
    const reopened = await openStore(dir);
    expect(headlines(await reopened.list({ text: 'penalty' }))).toEqual(['Cup final']);
    await reopened.close();
  });

  it('answers from its cache at the next open, without reading drafts whose files did not change', async () => {
    const dir = await tempDir();
    const store = await seed(dir);
    const id = (await store.list({ text: 'penalty' })).items[0]!.id;
    await store.close();
    // A whole-second modification time, which utimes can set again exactly (the caches pick it up here).
    const file = join(dir, 'drafts', `${id}.json`);
    await utimes(file, 1_700_000_000, 1_700_000_000);
    await (await openStore(dir)).close();
    // The same bytes count and modification time with other words: only a search that reads the
    // file again could see the change, so the old words still found prove the cache answered.
    await writeFile(file, (await readFile(file, 'utf8')).replace('penalty', 'cornerk'));
    await utimes(file, 1_700_000_000, 1_700_000_000);
    const reopened = await openStore(dir);
    expect(headlines(await reopened.list({ text: 'penalty' }))).toEqual(['Cup final']);
    expect((await reopened.list({ text: 'cornerk' })).total).toBe(0);
    await reopened.close();
  });
});
