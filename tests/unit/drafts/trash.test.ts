import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeArticle } from '../../../electron/main/services/drafts/article-file';
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

  it('keeps both copies when the trash already holds a different one under the same id', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const live = makeArticle({ headline: 'Live text', body: bodyOf('The version the desk has been editing.') });
    await store.save(live, 'auto');
    // A copy under the same id in the trash, as a sync or a restore from backup can leave one.
    const older = { ...live, headline: 'Older copy', body: bodyOf('Text only this copy holds.') };
    await writeFile(join(dir, 'trash', `${live.id}.json`), serializeArticle(older));

    await store.trash(live.id);

    expect(JSON.parse(await readFile(join(dir, 'trash', `${live.id}.json`), 'utf8'))).toMatchObject({ headline: 'Live text' });
    expect(store.listTrash().map((summary) => summary.headline)).toEqual(['Live text']);
    const kept = store.quarantined();
    expect(kept).toEqual([
      expect.objectContaining({ file: join('trash', `${live.id}.json`), reason: expect.stringMatching(/^Another copy of “Live text” was in the trash .* kept here rather than overwritten\.$/) }),
    ]);
    expect(JSON.parse(await readFile(kept[0]!.movedTo, 'utf8'))).toMatchObject({ headline: 'Older copy' });
  });
});
