import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeArticle, openStore, tempDir } from './helpers';

describe('draft list cache', () => {
  it('is written in slices as one valid file, and a reopen lists every draft from it in order', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'drafts'), { recursive: true });
    // More drafts than one slice of the cache holds (500), written the way a copied library looks.
    const base = Date.parse('2024-01-01T00:00:00.000Z');
    for (let i = 0; i < 1_203; i += 1) {
      const at = new Date(base + i * 60_000).toISOString();
      const article = makeArticle({ headline: `Story ${i}`, createdAt: at, updatedAt: at });
      await writeFile(join(dir, 'drafts', `${article.id}.json`), JSON.stringify(article));
    }
    await (await openStore(dir)).close();
    // A head line, then lines of up to 500 entries.
    const lines = (await readFile(join(dir, 'index', 'summaries.json'), 'utf8')).split('\n');
    expect(lines).toHaveLength(4);
    const entries = lines.slice(1).flatMap((line) => JSON.parse(line) as [string, string, number, number, { headline: string }][]);
    expect(entries).toHaveLength(1_203);
    expect(entries[0]![4].headline).toBe('Story 1202');
    expect(entries[1_202]![4].headline).toBe('Story 0');
    const reopened = await openStore(dir);
    const page = await reopened.list({ limit: 3, offset: 600 });
    expect(page.total).toBe(1_203);
    expect(page.items.map((s) => s.headline)).toEqual(['Story 602', 'Story 601', 'Story 600']);
    await reopened.close();
  });
});
