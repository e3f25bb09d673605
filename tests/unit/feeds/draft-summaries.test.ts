import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeArticle, openStore, tempDir } from '../drafts/helpers';

const lead = { photoId: 'd'.repeat(64), caption: 'Caption', credit: 'Credit', creditEdited: false, altText: 'Alt' };

describe('draft summaries for board cards', () => {
  it('carry the lead photo id and are found by id without opening the file', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const withPhoto = makeArticle({ leadPhoto: lead });
    const without = makeArticle();
    await store.save(withPhoto, 'manual');
    await store.save(without, 'manual');
    expect(store.summaryById(withPhoto.id)).toMatchObject({ location: 'drafts', summary: { leadPhotoId: lead.photoId } });
    expect(store.summaryById(without.id)?.summary.leadPhotoId).toBeNull();
    await store.trash(without.id);
    expect(store.summaryById(without.id)?.location).toBe('trash');
    expect(store.summaryById('never-saved-1')).toBeNull();
    expect(store.summaryById('../escape')).toBeNull();
    expect((await store.list({})).items.find((item) => item.id === withPhoto.id)?.leadPhotoId).toBe(lead.photoId);
  });

  it('rebuilds a summary cache written before lead photo ids were kept', async () => {
    const dir = await tempDir();
    const first = await openStore(dir);
    const article = makeArticle({ leadPhoto: lead });
    await first.save(article, 'manual');
    await first.close();
    // The cache as the previous version wrote it: format 1, summaries without leadPhotoId.
    const cacheFile = join(dir, 'index', 'summaries.json');
    const [head, ...lines] = (await readFile(cacheFile, 'utf8')).split('\n');
    const entries = lines.flatMap((line) => JSON.parse(line) as [string, string, number, number, Record<string, unknown>][]);
    expect((JSON.parse(head!) as { format: number }).format).toBe(3);
    for (const entry of entries) delete entry[4].leadPhotoId;
    await writeFile(cacheFile, JSON.stringify({ format: 1, schemaVersion: 3, entries }));

    const reopened = await openStore(dir);
    expect(reopened.summaryById(article.id)?.summary.leadPhotoId).toBe(lead.photoId);
  });
});
