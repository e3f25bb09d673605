import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureFolders, storePaths } from '../../../electron/main/services/drafts/paths';
import { Quarantine } from '../../../electron/main/services/drafts/quarantine';
import type { PackedSignatures } from '../../../electron/main/services/drafts/search-worker';
import { SummaryIndex } from '../../../electron/main/services/drafts/summary-index';
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

  it('tells the live drafts and their file signatures once the folders are listed, before any changed file is read', async () => {
    const dir = await tempDir();
    const paths = storePaths(dir);
    await ensureFolders(paths);
    const live = makeArticle({ headline: 'Live' });
    const broken = makeArticle({ headline: 'Broken' });
    const trashed = makeArticle({ headline: 'Trashed' });
    await writeFile(join(paths.drafts, `${live.id}.json`), JSON.stringify(live));
    await writeFile(join(paths.drafts, `${broken.id}.json`), '{ not json');
    await writeFile(join(paths.trash, `${trashed.id}.json`), JSON.stringify(trashed));
    const quarantine = new Quarantine(paths.root, paths.quarantine, {});
    const told: { listed: PackedSignatures; quarantinedThen: number }[] = [];
    const { index } = await SummaryIndex.open(paths, quarantine, () => {}, (listed) => told.push({ listed, quarantinedThen: quarantine.list().length }));
    expect(told).toHaveLength(1);
    const { listed, quarantinedThen } = told[0]!;
    // The broken draft is still listed: nothing has been read (and set aside) yet. The trash is not searched.
    expect(quarantinedThen).toBe(0);
    expect(listed.ids.split('\n').sort()).toEqual([live.id, broken.id].sort());
    const at = listed.ids.split('\n').indexOf(live.id);
    const file = await stat(join(paths.drafts, `${live.id}.json`));
    expect([...listed.stamps.subarray(2 * at, 2 * at + 2)]).toEqual([file.mtimeMs, file.size]);
    // Once open, the broken draft is set aside and the list's own signatures leave it out.
    expect(quarantine.list()).toHaveLength(1);
    expect(index.liveSignatures().ids).toBe(live.id);
    await index.close();
  });
});
