import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { DraftSearch } from '../../../electron/main/services/drafts/search-index';
import { tempDir } from './helpers';

describe('search thread', () => {
  it('starts again when its thread stopped, instead of leaving search broken until a restart', async () => {
    const dir = await tempDir();
    const errors: unknown[] = [];
    const search = new DraftSearch({ cacheFile: join(dir, 'search.bin'), draftsDir: dir }, () => ({ ids: '', stamps: new Float64Array(0) }), (error) => errors.push(error));
    await search.whenReady();
    search.upsert({ id: 'draft-0001', headline: 'Harbour storm', dek: '', body: '', byline: '', tags: '' }, { mtimeMs: 1, size: 1 });
    expect(await search.search('harbour')).toEqual(['draft-0001']);
    // What an out-of-memory end of the thread looks like from here.
    await (search as unknown as { worker: Worker }).worker.terminate();
    // The new thread warms up from the files (none here): the search answers, it does not hang or throw.
    expect(await search.search('harbour')).toEqual([]);
    await search.close();
  });
});
