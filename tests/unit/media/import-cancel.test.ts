import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyedLock } from '../../../electron/main/services/drafts/keyed-lock';
import { ImportCancelled } from '../../../electron/main/services/media/import-errors';
import { importFile, type ImportContext } from '../../../electron/main/services/media/import-file';
import { mediaPaths } from '../../../electron/main/services/media/paths';
import { DEFAULT_LIMITS } from '../../../shared/model/settings';
import {
  consistencyProblems,
  importAndWait,
  listFolders,
  makeImage,
  openTestLibrary,
  removeDir,
  tempDir,
  type TestLibrary,
} from '../../support/media-library';

let work: string;
let root: string;
let test: TestLibrary;

beforeEach(async () => {
  work = await tempDir();
  root = join(work, 'media');
  test = await openTestLibrary(root);
});
afterEach(async () => {
  await test.library.close();
  expect(test.errors).toEqual([]);
  await removeDir(work);
});

async function makeBatch(count: number): Promise<string[]> {
  const paths: string[] = [];
  for (let index = 0; index < count; index += 1) {
    paths.push(await makeImage(work, `batch-${index}.jpg`, 100 + index, 'jpeg', { width: 800, height: 600 }));
  }
  return paths;
}

describe('cancelling an import', () => {
  it('drops waiting files, lets the ones in progress end cleanly, and leaves nothing half-written', async () => {
    const paths = await makeBatch(24);
    const job = test.library.importPaths(paths);
    // Cancel as soon as the first file is in the library: the rest is waiting or in progress.
    await new Promise<void>((resolve) => {
      const poll = (): void => {
        const status = test.library.status(job.jobId);
        if (status.items.some((item) => item.state === 'imported')) resolve();
        else setImmediate(poll);
      };
      poll();
    });
    const afterCancel = test.library.cancel(job.jobId);
    expect(afterCancel.cancelled).toBe(true);
    expect(afterCancel.items.some((item) => item.state === 'waiting')).toBe(false);

    const done = await test.library.whenFinished(job.jobId);
    expect(done.finished).toBe(true);
    const states = done.items.map((item) => item.state);
    expect(states.filter((state) => state === 'cancelled').length).toBeGreaterThan(10);
    expect(states.every((state) => state === 'imported' || state === 'cancelled')).toBe(true);
    for (const item of done.items) {
      if (item.state === 'cancelled') expect(item).toMatchObject({ photoId: null, message: '' });
    }
    // Exactly the imported ones are in the library, each whole.
    expect(await consistencyProblems(root)).toEqual([]);
    const imported = done.items.filter((item) => item.state === 'imported').map((item) => item.photoId).sort();
    expect((await test.library.list({ limit: 500 })).items.map((photo) => photo.id).sort()).toEqual(imported);
  });

  it('reports the job as it goes and keeps it after it finished', async () => {
    const paths = await makeBatch(3);
    const started = test.library.importPaths(paths);
    // Two files at a time: the third waits its turn.
    expect(started.items.map((item) => item.state)).toEqual(['importing', 'importing', 'waiting']);
    expect(started.finished).toBe(false);
    await test.library.whenFinished(started.jobId);
    const later = test.library.status(started.jobId);
    expect(later).toMatchObject({ finished: true, cancelled: false });
    expect(later.items.map((item) => item.state)).toEqual(['imported', 'imported', 'imported']);
    // Cancelling a finished job changes nothing.
    expect(test.library.cancel(started.jobId)).toEqual(later);
  });

  it('forgets finished jobs beyond the last twenty', async () => {
    const [path] = await makeBatch(1);
    const first = await importAndWait(test.library, [path!]);
    for (let index = 0; index < 20; index += 1) await importAndWait(test.library, [path!]);
    expect(() => test.library.status(first.jobId)).toThrow('This import is no longer known to Newsdesk');
  });

  it('closing the library cancels what has not started and waits for the rest', async () => {
    const paths = await makeBatch(10);
    const job = test.library.importPaths(paths);
    const finished = test.library.whenFinished(job.jobId);
    await test.library.close();
    const done = await finished;
    expect(done.finished).toBe(true);
    expect(done.items.some((item) => item.state === 'cancelled')).toBe(true);
    expect(await consistencyProblems(root)).toEqual([]);
    expect(() => test.library.importPaths(paths)).toThrow('The media library has been closed.');
  });
});

describe('a file cancelled while it is being imported', () => {
  function contextFor(onDuplicateCheck: () => void): ImportContext {
    return {
      paths: mediaPaths(root),
      has: () => {
        onDuplicateCheck();
        return false;
      },
      idLock: new KeyedLock(),
      limits: () => DEFAULT_LIMITS,
      add: () => {
        throw new Error('a cancelled file must not be added');
      },
      now: () => new Date(),
    };
  }

  it('leaves nothing when cancelled after its copy was made', async () => {
    const source = await makeImage(work, 'copied.jpg', 300, 'jpeg', { width: 640, height: 480 });
    const controller = new AbortController();
    // The duplicate check comes right after the copy into incoming/: cancel there.
    const context = contextFor(() => controller.abort());
    await expect(importFile(context, { kind: 'path', path: source }, 'copied.jpg', controller.signal)).rejects.toBeInstanceOf(ImportCancelled);
    const folders = await listFolders(root);
    expect([...folders.originals, ...folders.thumbnails, ...folders.records, ...folders.incoming]).toEqual([]);
  });

  it('does not start copying when already cancelled', async () => {
    const source = await makeImage(work, 'late.jpg', 301);
    const controller = new AbortController();
    controller.abort();
    await expect(importFile(contextFor(() => undefined), { kind: 'path', path: source }, 'late.jpg', controller.signal)).rejects.toBeInstanceOf(
      ImportCancelled,
    );
    expect((await listFolders(root)).incoming).toEqual([]);
  });
});
