import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainTextOf } from '../../../shared/rules/text';
import { bodyOf, fakeClock, makeArticle, openStore, tempDir } from './helpers';

describe('draft store: revisions', () => {
  it('makes a revision on every manual save but not on every autosave', async () => {
    const clock = fakeClock();
    const store = await openStore(await tempDir(), { now: clock.now, autoRevisionIntervalMs: 180_000 });
    const article = makeArticle();
    const first = await store.save(article, 'auto'); // new article: first version is kept
    expect(first.revisionId).not.toBeNull();
    for (let i = 0; i < 10; i += 1) {
      clock.advance(1_000);
      expect((await store.save({ ...article, headline: `Typing ${i}` }, 'auto')).revisionId).toBeNull();
    }
    clock.advance(180_000);
    expect((await store.save({ ...article, headline: 'Typing on' }, 'auto')).revisionId).not.toBeNull();
    const manual = await store.save({ ...article, headline: 'Checked' }, 'manual');
    expect(manual.revisionId).not.toBeNull();
    const list = await store.revisions(article.id);
    expect(list.map((r) => [r.reason, r.headline])).toEqual([
      ['manual', 'Checked'],
      ['auto', 'Typing on'],
      ['auto', article.headline],
    ]);
    expect(list[0]!.revisionId).toBe(manual.revisionId);
    expect(list[0]!.savedAt).toBe(manual.updatedAt);
  });

  it('keeps only the newest 50 revisions, on disk too', async () => {
    const dir = await tempDir();
    const clock = fakeClock();
    const store = await openStore(dir, { now: clock.now });
    const article = makeArticle();
    for (let i = 0; i < 60; i += 1) {
      clock.advance(1_000);
      await store.save({ ...article, headline: `Take ${i}` }, 'manual');
    }
    const list = await store.revisions(article.id);
    expect(list).toHaveLength(50);
    expect(list[0]!.headline).toBe('Take 59');
    expect(list[49]!.headline).toBe('Take 10');
    const files = (await readdir(join(dir, 'revisions', article.id))).filter((n) => n !== 'manifest.json');
    expect(files).toHaveLength(50);
  });

  it('shows one revision and restores it, keeping the replaced text as a before-restore revision', async () => {
    const dir = await tempDir();
    const clock = fakeClock();
    const store = await openStore(dir, { now: clock.now });
    const article = makeArticle({ headline: 'First take', body: bodyOf('Original wording.') });
    const saved = await store.save(article, 'manual');
    clock.advance(60_000);
    await store.save({ ...article, headline: 'Second take', body: bodyOf('Rewritten wording.') }, 'manual');

    const preview = await store.getRevision(article.id, saved.revisionId!);
    expect(preview.headline).toBe('First take');
    expect(plainTextOf(preview.body)).toBe('Original wording.');

    clock.advance(60_000);
    const restored = await store.restoreRevision(article.id, saved.revisionId!);
    expect(restored.headline).toBe('First take');
    expect(Date.parse(restored.updatedAt)).toBe(clock.now());
    expect(await store.get(article.id)).toEqual(restored);
    expect(headlinesOf(await store.list({ text: 'original' }))).toEqual(['First take']);

    const list = await store.revisions(article.id);
    expect(list[0]).toMatchObject({ reason: 'before-restore', headline: 'Second take' });
    // The restore itself can be undone from that revision.
    const undone = await store.restoreRevision(article.id, list[0]!.revisionId);
    expect(plainTextOf(undone.body)).toBe('Rewritten wording.');
  });

  it('survives a reopen and rebuilds a lost manifest from the snapshot files', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const article = makeArticle();
    await store.save(article, 'manual');
    await store.save({ ...article, headline: 'Two' }, 'manual');
    await store.close();
    const { rm } = await import('node:fs/promises');
    await rm(join(dir, 'revisions', article.id, 'manifest.json'));
    const reopened = await openStore(dir);
    expect((await reopened.revisions(article.id)).map((r) => r.headline)).toEqual(['Two', article.headline]);
  });

  it('reports an unknown revision as not-found', async () => {
    const store = await openStore(await tempDir());
    const article = makeArticle({ headline: 'Budget' });
    await store.save(article, 'manual');
    await expect(store.getRevision(article.id, 'zzzzzzzzz')).rejects.toThrow(/That revision of “Budget” no longer exists/);
    await expect(store.revisions('missing-article')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('removes temp files a crash left among revisions when the store opens, not only when they are next read', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const article = makeArticle();
    const saved = await store.save(article, 'manual');
    await store.close();
    const folder = join(dir, 'revisions', article.id);
    const leftover = `.${saved.revisionId}.json.0123456789ab.tmp`;
    await writeFile(join(folder, leftover), '{"info":');

    const reopened = await openStore(dir);
    await reopened.close();

    expect(await readdir(folder)).not.toContain(leftover);
    expect(await readdir(folder)).toEqual(expect.arrayContaining([`${saved.revisionId}.json`, 'manifest.json']));
  });
});

function headlinesOf(page: { items: { headline: string }[] }): string[] {
  return page.items.map((s) => s.headline);
}
