import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTempFileName, removeStaleTempFiles, writeFileAtomic } from '../../../electron/main/services/fs/atomic-write';
import { tempDir } from './helpers';

describe('writeFileAtomic', () => {
  it('creates and replaces a file, leaves no temp file, and returns its signature', async () => {
    const dir = await tempDir();
    const target = join(dir, 'doc.json');
    await writeFileAtomic(target, 'first');
    const signature = await writeFileAtomic(target, Buffer.from('second version'));
    expect(await readFile(target, 'utf8')).toBe('second version');
    expect(await readdir(dir)).toEqual(['doc.json']);
    const s = await stat(target);
    expect(signature).toEqual({ mtimeMs: s.mtimeMs, size: s.size });
  });

  it('cleans up its temp file when the write fails', async () => {
    const dir = await tempDir();
    await expect(writeFileAtomic(join(dir, 'missing-folder', 'doc.json'), 'x')).rejects.toThrow();
    await expect(writeFileAtomic(dir, 'x')).rejects.toThrow(); // target is a folder: rename fails
    expect(await readdir(dir)).toEqual([]);
  });

  it('recognizes and removes stale temp files only', async () => {
    const dir = await tempDir();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, '.a.json.0123456789ab.tmp'), '');
    await writeFile(join(dir, 'keep.json'), '');
    await writeFile(join(dir, '.hidden'), '');
    expect(isTempFileName('.a.json.0123456789ab.tmp')).toBe(true);
    expect(isTempFileName('a.json')).toBe(false);
    expect(await removeStaleTempFiles(dir)).toBe(1);
    expect((await readdir(dir)).sort()).toEqual(['.hidden', 'keep.json']);
  });
});
