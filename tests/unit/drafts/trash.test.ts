import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyOf, makeArticle, openStore, tempDir } from './helpers';

describe('draft store: trash', () => {
  it('moves a draft to the trash and back, with its revisions', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const keep = makeArticle({ headline: 'Keep me' });
    const bin = makeArticle({ headline: 'Bin me', body: bodyOf('Walrus sighting.') });
    await store.save(keep, 'manual');
    await store.save(bin, 'manual');

    await store.trash(bin.id);
    expect((await store.list({})).items.map((s) => s.headline)).toEqual(['Keep me']);
    expect(store.listTrash().map((s) => s.headline)).toEqual(['Bin me']);
    expect((await store.list({ text: 'walrus' })).total).toBe(0);
    await expect(access(join(dir, 'trash', `${bin.id}.json`))).resolves.toBeUndefined();
    await expect(store.trash(bin.id)).resolves.toBeUndefined(); // twice is fine

    const summary = await store.restoreFromTrash(bin.id);
    expect(summary).toMatchObject({ id: bin.id, headline: 'Bin me' });
    expect(store.listTrash()).toEqual([]);
    expect((await store.list({})).total).toBe(2);
    expect((await store.list({ text: 'walrus' })).total).toBe(1);
    expect(await store.revisions(bin.id)).toHaveLength(1);
  });

  it('keeps the trash across a reopen and refuses to save over a trashed draft', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const article = makeArticle({ headline: 'Old news' });
    await store.save(article, 'manual');
    await store.trash(article.id);
    await store.close();

    const reopened = await openStore(dir);
    expect(reopened.listTrash().map((s) => s.id)).toEqual([article.id]);
    expect((await reopened.list({})).total).toBe(0);
    await expect(reopened.save(article, 'auto')).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('“Old news” is in the trash') });
    await expect(reopened.restoreFromTrash('not-in-trash-1')).rejects.toMatchObject({ code: 'not-found' });
    await expect(reopened.trash('missing-draft-1')).rejects.toMatchObject({ code: 'not-found' });
  });
});
