import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportJobs, type RunImport } from '../../../electron/main/services/media/import-job';
import type { ImportJob } from '../../../shared/model/media-library';

// The window follows an import from main's progress events instead of asking every 200 ms, so the
// jobs must report each step, and the finished state must always go out.

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function jobsWith(runImport: RunImport, heard: ImportJob[], progressGapMs = 0): Promise<ImportJobs> {
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-import-progress-'));
  dirs.push(dir);
  return new ImportJobs(runImport, {
    incomingDir: dir,
    maxFileBytes: () => 1_000_000,
    concurrency: 1,
    bytesWaitMs: 60_000,
    onError: (error) => {
      throw error;
    },
    onProgress: (job) => heard.push(job),
    progressGapMs,
  });
}

const imported: RunImport = async (_source, name) => ({ state: 'imported', photoId: `p-${name}`, warnings: [] });

describe('import jobs report their progress', () => {
  it('tells each file starting and settling, and ends with the finished job', async () => {
    const heard: ImportJob[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const jobs = await jobsWith(async (source, name, signal) => {
      if (name === 'b.jpg') await held;
      return imported(source, name, signal);
    }, heard);
    const job = jobs.importPaths(['/x/a.jpg', '/x/b.jpg']);
    await expect.poll(() => heard.at(-1)?.items.map((item) => item.state)).toEqual(['imported', 'importing']);
    release();
    const done = await jobs.whenFinished(job.jobId);
    expect(heard.at(-1)).toEqual(done);
    expect(done.finished).toBe(true);
    await jobs.close();
  });

  it('tells the finished state at once even while waiting out the gap between reports', async () => {
    const heard: ImportJob[] = [];
    // A gap far longer than the test: only the first report and the final one can be heard.
    const jobs = await jobsWith(imported, heard, 60_000);
    const job = jobs.beginImport(['a.jpg', 'b.jpg']);
    jobs.skipFile(job.jobId, 0, 'Not a picture.');
    jobs.skipFile(job.jobId, 1, 'Not a picture.');
    expect(heard.at(-1)?.finished).toBe(true);
    expect(heard.at(-1)?.items.map((item) => item.message)).toEqual(['Not a picture.', 'Not a picture.']);
    await jobs.close();
  });
});
