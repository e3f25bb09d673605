import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LexicalDocument } from '../../../shared/model/article';
import { plainTextOf } from '../../../shared/rules/text';
import { makeArticle, openStore, tempDir } from './helpers';

/** A body nested `depth` quotes deep, as JSON text: JSON.stringify itself could not write it. */
function deepBodyJson(depth: number): string {
  return `{"root":{"type":"root","children":[${'{"type":"quote","children":['.repeat(depth)}{"type":"text","text":"deep"}${']}'.repeat(depth)}]}}`;
}

/** An article file whose body is nested `depth` levels, the rest valid. */
function deepArticleJson(id: string, depth: number): string {
  const { body: _body, ...rest } = makeArticle({ id, headline: 'Deep one' });
  return `${JSON.stringify(rest).slice(0, -1)},"body":${deepBodyJson(depth)}}`;
}

describe('draft store: bodies nested deeper than the call stack', () => {
  it('plainTextOf walks 100,000 levels without overflowing', () => {
    const body = JSON.parse(deepBodyJson(100_000)) as LexicalDocument;
    expect(plainTextOf(body)).toBe('deep');
  });

  it('opens the library with a 20,000-deep draft and revision among good ones, and names both files it set aside', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'drafts'), { recursive: true });
    const good = makeArticle({ headline: 'Fine story' });
    await writeFile(join(dir, 'drafts', `${good.id}.json`), JSON.stringify(good));
    await writeFile(join(dir, 'drafts', 'deep-draft-0001.json'), deepArticleJson('deep-draft-0001', 20_000));
    // A revision of the good article, equally deep, found when its revisions are listed.
    await mkdir(join(dir, 'revisions', good.id), { recursive: true });
    const info = { revisionId: 'lzzzzzzz-aaaa', savedAt: good.updatedAt, reason: 'manual', wordCount: 1, headline: 'x' };
    await writeFile(join(dir, 'revisions', good.id, 'lzzzzzzz-aaaa.json'), `{"info":${JSON.stringify(info)},"article":${deepArticleJson(good.id, 20_000)}}`);

    const store = await openStore(dir);
    expect((await store.list({})).items.map((s) => s.headline)).toEqual(['Fine story']);
    const [draft] = store.quarantined();
    expect(draft).toMatchObject({ file: join('drafts', 'deep-draft-0001.json') });
    expect(draft!.reason).toMatch(/levels of nesting/);
    expect(await readdir(join(dir, 'drafts'))).toEqual([`${good.id}.json`]);

    expect(await store.revisions(good.id)).toEqual([]);
    const revision = store.quarantined()[1];
    expect(revision).toMatchObject({ file: join('revisions', good.id, 'lzzzzzzz-aaaa.json') });
    expect(revision!.reason).toMatch(/levels of nesting/);
    // The search warms up over the same files without tripping on the one set aside.
    await store.searchReady();
    expect((await store.list({ text: 'fine' })).total).toBe(1);
  });
});
