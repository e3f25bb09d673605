import { execFile } from 'node:child_process';
import { stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importAndWait, openTestLibrary, removeDir, tempDir, type TestLibrary } from '../../support/media-library';

// A 100 MB picture must not cost several times its size in memory when a copy is exported: the
// main process holds the original and the tagged copy, nothing more.

const run = promisify(execFile);
const LIBRARY_MODULE = pathToFileURL(resolve('electron/main/services/media/media-library.ts')).href;
const SETTINGS_MODULE = pathToFileURL(resolve('shared/model/settings.ts')).href;

let work: string;
let test: TestLibrary;

beforeEach(async () => {
  work = await tempDir('newsdesk-media-memory-');
  test = await openTestLibrary(join(work, 'media'));
});
afterEach(async () => {
  await test.library.close();
  await removeDir(work);
});

/**
 * Exports in a fresh Node process and returns how far its peak memory (the kernel's high-water
 * mark, so no sampling) rose during the export, in bytes. The test process itself is no measure:
 * making the picture already took it higher.
 */
async function exportPeakGrowth(root: string, id: string, destination: string): Promise<number> {
  const script = join(work, 'export-once.mts');
  await writeFile(
    script,
    `const { openMediaLibrary } = await import(${JSON.stringify(LIBRARY_MODULE)});
const { DEFAULT_CREDIT_STYLE } = await import(${JSON.stringify(SETTINGS_MODULE)});
const library = await openMediaLibrary(${JSON.stringify(root)}, { creditStyle: () => DEFAULT_CREDIT_STYLE });
const before = process.resourceUsage().maxRSS;
await library.exportCopy(${JSON.stringify(id)}, ${JSON.stringify(destination)}, { writeXmp: true });
const after = process.resourceUsage().maxRSS;
await library.close();
process.stdout.write(JSON.stringify({ before, after }));
`,
  );
  const { stdout } = await run(process.execPath, ['--import', 'tsx', script], { cwd: process.cwd() });
  const { before, after } = JSON.parse(stdout) as { before: number; after: number };
  return (after - before) * 1024; // maxRSS is in kilobytes
}

describe('exporting a 100 MB picture', () => {
  it('with its XMP written, holds about twice the file in memory, not four times', async () => {
    const source = join(work, 'scan.tif');
    await sharp({ create: { width: 6000, height: 5600, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
      .tiff({ compression: 'none' })
      .toFile(source);
    const size = (await stat(source)).size;
    expect(size).toBeGreaterThan(100_000_000);
    const job = await importAndWait(test.library, [source]);
    expect(job.items[0]?.state).toBe('imported');

    const growth = await exportPeakGrowth(join(work, 'media'), job.items[0]!.photoId!, join(work, 'scan-export.tif'));
    expect((await stat(join(work, 'scan-export.tif'))).size).toBeGreaterThan(size);
    expect(growth / size).toBeLessThan(2.6);
  }, 120_000);
});
