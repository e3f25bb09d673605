import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../shared/model/errors';
import { Article } from '../../../shared/model/article';
import { bodyOf, fakeClock, makeArticle, openStore, tempDir } from './helpers';

describe('draft store: create, save, get', () => {
  it('creates an empty article with a valid id, a file on disk and a "created" revision', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const article = await store.create({ section: 'Climate' });
    expect(article.id).toMatch(/^[a-z0-9][a-z0-9-]{7,63}$/);
    expect(article.section).toBe('Climate');
    expect(Article.safeParse(article).success).toBe(true);
    const onDisk = JSON.parse(await readFile(join(dir, 'drafts', `${article.id}.json`), 'utf8'));
    expect(onDisk.schemaVersion).toBe(3);
    expect(onDisk.id).toBe(article.id);
    expect(await store.get(article.id)).toEqual(article);
    const revisions = await store.revisions(article.id);
    expect(revisions.map((r) => r.reason)).toEqual(['created']);
  });

  it('saves, sets a strictly increasing server updatedAt and reads back what was saved', async () => {
    const clock = fakeClock();
    const store = await openStore(await tempDir(), { now: clock.now });
    const article = makeArticle({ headline: 'Council votes on budget', body: bodyOf('The council met on Tuesday.') });
    const first = await store.save(article, 'manual');
    expect(first.updatedAt).toBe(new Date(clock.now()).toISOString());
    // Same clock reading: the second save must still be later than the first.
    const second = await store.save({ ...article, dek: 'A late night' }, 'auto');
    expect(Date.parse(second.updatedAt)).toBeGreaterThan(Date.parse(first.updatedAt));
    const got = await store.get(article.id);
    expect(got.dek).toBe('A late night');
    expect(got.updatedAt).toBe(second.updatedAt);
    expect(got.createdAt).toBe(article.createdAt);
  });

  it('keeps the stored createdAt even if the editor sends another one', async () => {
    const store = await openStore(await tempDir());
    const article = makeArticle();
    await store.save(article, 'manual');
    await store.save({ ...article, createdAt: '2030-01-01T00:00:00.000Z' }, 'auto');
    expect((await store.get(article.id)).createdAt).toBe(article.createdAt);
  });

  it('rejects an invalid article with a readable invalid-request error', async () => {
    const store = await openStore(await tempDir());
    const bad = { ...makeArticle(), status: 'published' } as unknown as Article;
    await expect(store.save(bad, 'manual')).rejects.toMatchObject({ code: 'invalid-request' });
  });

  it('reports a missing article as not-found, naming the article when it knows it', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    await expect(store.get('no-such-article')).rejects.toMatchObject({ code: 'not-found' });
    await expect(store.get('../../etc/passwd')).rejects.toBeInstanceOf(UserFacingError);
    const article = makeArticle({ headline: 'Flood warning' });
    await store.save(article, 'manual');
    await store.trash(article.id);
    await expect(store.get(article.id)).rejects.toThrow(/“Flood warning” is in the trash/);
  });

  it('duplicates with a new id, " (copy)" headline and its own slug', async () => {
    const store = await openStore(await tempDir());
    const article = makeArticle({ headline: 'Mayor resigns', slug: 'mayor-out', slugEdited: true, tags: ['politics'], status: 'approved' });
    await store.save(article, 'manual');
    const copy = await store.duplicate(article.id);
    expect(copy.id).not.toBe(article.id);
    expect(copy.headline).toBe('Mayor resigns (copy)');
    expect(copy.slug).toBe('mayor-resigns-copy');
    expect(copy.status).toBe('draft');
    expect(copy.tags).toEqual(['politics']);
    expect(copy.body).toEqual(article.body);
    expect(await store.get(copy.id)).toEqual(copy);
    expect((await store.list({})).total).toBe(2);
  });

  it('serializes overlapping saves of one article: the last call wins and nothing interleaves', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const article = makeArticle();
    await store.save(article, 'manual');
    const saves = Array.from({ length: 20 }, (_, i) => store.save({ ...article, headline: `Version ${i}`, body: bodyOf(`text ${i} `.repeat(2000)) }, 'auto'));
    const results = await Promise.all(saves);
    const times = results.map((r) => Date.parse(r.updatedAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(new Set(times).size).toBe(20);
    const onDisk = JSON.parse(await readFile(join(dir, 'drafts', `${article.id}.json`), 'utf8'));
    expect(onDisk.headline).toBe('Version 19');
    expect((await readdir(join(dir, 'drafts'))).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});

describe('draft store: list, filter, sort, paging', () => {
  it('lists newest first, filters by status and section, and pages', async () => {
    const clock = fakeClock();
    const store = await openStore(await tempDir(), { now: clock.now });
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const article = makeArticle({ headline: `Story ${i}`, status: i % 3 === 0 ? 'ready' : 'draft', section: i % 2 === 0 ? 'Sport' : 'News' });
      await store.save(article, 'auto');
      ids.push(article.id);
      clock.advance(1_000);
    }
    const all = await store.list({});
    expect(all.total).toBe(12);
    expect(all.items.map((s) => s.id)).toEqual([...ids].reverse());
    expect(all.items[0]).toMatchObject({ headline: 'Story 11', wordCount: 2, section: 'News' });

    const page = await store.list({ offset: 5, limit: 3 });
    expect(page.total).toBe(12);
    expect(page.items.map((s) => s.headline)).toEqual(['Story 6', 'Story 5', 'Story 4']);

    const ready = await store.list({ status: 'ready' });
    expect(ready.items.map((s) => s.headline)).toEqual(['Story 9', 'Story 6', 'Story 3', 'Story 0']);
    const readySport = await store.list({ status: 'ready', section: 'Sport' });
    expect(readySport.items.map((s) => s.headline)).toEqual(['Story 6', 'Story 0']);

    // Saving moves a draft to the top.
    await store.save(makeArticle({ id: ids[0]!, headline: 'Story 0 updated' }), 'auto');
    expect((await store.list({ limit: 1 })).items[0]!.headline).toBe('Story 0 updated');
  });

  it('returns summaries with authors, tags and word counts', async () => {
    const store = await openStore(await tempDir());
    const article = makeArticle({
      byline: [{ name: 'Ana Ruiz', role: 'Reporter', avatar: null }],
      tags: ['housing'],
      body: bodyOf('One two three.', 'Four five.'),
    });
    await store.save(article, 'manual');
    const [summary] = (await store.list({})).items;
    expect(summary).toMatchObject({ id: article.id, authors: ['Ana Ruiz'], tags: ['housing'], wordCount: 5 });
  });
});
