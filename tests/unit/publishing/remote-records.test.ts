import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyRemoteRecord, openRemoteRecords, remoteRecordsDir } from '../../../electron/main/services/publishing/remote/remote-records';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const TARGET = 't-target01';
const articleId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('the records of what each site holds', () => {
  it('keeps every record when many jobs write their first records to a site at once', async () => {
    const library = await mkdtemp(join(tmpdir(), 'newsdesk-records-'));
    dirs.push(library);
    // A temp file left by an interrupted write of an earlier run: swept once, before any new write.
    const folder = join(remoteRecordsDir(library), TARGET);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, `.${articleId(999)}.json.0123456789ab.tmp`), '{"half":');

    const records = openRemoteRecords(library);
    const ids = Array.from({ length: 40 }, (_, n) => articleId(n + 1));
    // Staggered like jobs that start one after another: some write while others open the folder.
    const put = async (id: string, n: number) => {
      for (let turn = 0; turn < n; turn += 1) await new Promise((resolve) => setImmediate(resolve));
      await records.put({ ...emptyRemoteRecord(TARGET, id, 'a'.repeat(32)), postId: 7 });
    };
    const writes = await Promise.allSettled(ids.map((id, n) => put(id, n)));
    expect(writes.filter((write) => write.status === 'rejected')).toEqual([]);
    for (const id of ids) expect(await records.get(TARGET, id)).toMatchObject({ articleId: id, postId: 7 });
    expect((await readdir(folder)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
