import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_BODY, type Article } from '../../../shared/model/article';
import { memorySettingsStore, openTestServices } from '../../support/test-services';

/**
 * A process that opens a library another one holds must leave that process's files alone: its
 * temp files are writes under way (removing one fails the holder's save), a file that reads as
 * damaged may be one the holder or a sync tool is replacing, and the caches are the holder's.
 */

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const temp = (name: string) => `.${name}.0123456789ab.tmp`;

describe('stores of a read-only library', () => {
  it('sweep, move and rewrite nothing at open or close', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'newsdesk-read-only-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const library = join(dataDir, 'library');
    // Written by the holder: writes under way in every store, and a draft being replaced.
    const underWay = [
      join(library, 'drafts', temp('story-00000001.json')),
      join(library, 'index', temp('summaries.json')),
      join(library, 'revisions', 'story-00000001', temp('manifest.json')),
      join(library, 'feeds', temp('board.json')),
      join(library, 'videos', temp('clip-00000001.json')),
      join(library, 'publishing', temp('targets.json')),
      join(library, 'publishing', 'outbox', temp('j-job00001.json')),
      join(library, 'media', 'photos', temp(`${'cd'.repeat(32)}.json`)),
    ];
    for (const file of underWay) {
      await mkdir(join(file, '..'), { recursive: true });
      await writeFile(file, 'a write under way');
    }
    const at = '2025-03-01T09:00:00.000Z';
    const story: Article = {
      schemaVersion: 3, id: 'story-00000001', slug: '', slugEdited: false, headline: 'Harbour reopens', dek: '', body: EMPTY_BODY,
      byline: [], leadPhoto: null, section: 'News', tags: [], status: 'draft', createdAt: at, updatedAt: at,
    };
    await writeFile(join(library, 'drafts', `${story.id}.json`), JSON.stringify(story));
    const replaced = join(library, 'drafts', 'story-00000002.json');
    await writeFile(replaced, '{"schemaVersion":3,"id":"story-00000002","headline":"Half');
    const now = new Date().toISOString();
    await writeFile(join(library, 'newsdesk.lock'), JSON.stringify({ app: 'Newsdesk', pid: 4242, host: 'desk-elsewhere', startedAt: now, heartbeatAt: now, token: 'theirs' }));

    const services = await openTestServices(dataDir, { settingsStore: memorySettingsStore() });
    expect(services.access.readOnly).not.toBeNull();
    expect(await services.drafts.revisions('story-00000001')).toEqual([]);
    const quarantined = services.handlers['app:info']({}) as { quarantined: { file: string; movedTo: string; reason: string }[] };
    expect(quarantined.quarantined).toEqual([expect.objectContaining({ movedTo: replaced, reason: expect.stringMatching(/left in place/) })]);
    await services.close();

    for (const file of underWay) expect(existsSync(file), file).toBe(true);
    expect(existsSync(replaced)).toBe(true);
    // Not even the quarantine folder is made.
    expect(existsSync(join(library, 'quarantine')) ? await readdir(join(library, 'quarantine')) : []).toEqual([]);
    expect(existsSync(join(library, 'index', 'summaries.json'))).toBe(false);
  });
});
