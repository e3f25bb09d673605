import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chooseImageRoute, imageEngine, loadImageEngine, useImageEngineLoader, warmImageEngineSoon, type ImageEngine } from '../../../electron/main/services/media/image-engine';
import { embedXmp } from '../../../electron/main/services/media/metadata/write-xmp';
import { DESK_METADATA } from './xmp-write-helpers';
import { importAndWait, makeImage, openTestLibrary, removeDir, tempDir } from '../../support/media-library';

const run = promisify(execFile);

describe('which image library runs where', () => {
  it('keeps native sharp on macOS, Windows and plain Node, and never inside Electron on Linux', () => {
    expect(chooseImageRoute('darwin', '45.5.0')).toBe('native');
    expect(chooseImageRoute('win32', '45.5.0')).toBe('native');
    expect(chooseImageRoute('linux', undefined)).toBe('native');
    expect(chooseImageRoute('linux', '45.5.0')).toBe('wasm-lanes');
  });
});

describe('the background warm-up', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts the WebAssembly lanes a few seconds after start, and leaves a failure for the first real use to report', async () => {
    vi.useFakeTimers();
    const loads: string[] = [];
    const restore = useImageEngineLoader(() => {
      loads.push('load');
      return Promise.reject(new Error('no WebAssembly here'));
    });
    try {
      warmImageEngineSoon('native');
      await vi.advanceTimersByTimeAsync(60_000);
      expect(loads).toEqual([]);
      warmImageEngineSoon('wasm-lanes');
      expect(loads).toEqual([]);
      await vi.advanceTimersByTimeAsync(5_000);
      expect(loads).toEqual(['load']);
      // Not loaded again: the first import gets the remembered reason.
      await expect(imageEngine()).rejects.toThrow('could not load its image library (no WebAssembly here)');
      expect(loads).toEqual(['load']);
    } finally {
      await restore();
    }
  });

  it('hands the warmed engine to the first use', async () => {
    vi.useFakeTimers();
    const engine = { route: 'wasm-lanes', close: async () => undefined } as unknown as ImageEngine;
    let loads = 0;
    const restore = useImageEngineLoader(async () => {
      loads += 1;
      return engine;
    });
    try {
      warmImageEngineSoon('wasm-lanes');
      await vi.advanceTimersByTimeAsync(5_000);
      expect(await imageEngine()).toBe(engine);
      expect(loads).toBe(1);
    } finally {
      await restore();
    }
  });
});

describe('an image library that cannot be loaded', () => {
  let work: string;
  let restore: () => Promise<void>;
  beforeEach(async () => {
    work = await tempDir('newsdesk-engine-missing-');
    restore = useImageEngineLoader(() => Promise.reject(new Error('Could not load the "sharp" module using the linux-x64 runtime\nPossible solutions: …')));
  });
  afterEach(async () => {
    await restore();
    await removeDir(work);
  });

  it('turns photo import off with a message on each item, and the library still opens and answers', async () => {
    const test = await openTestLibrary(join(work, 'media'));
    try {
      const photo = await makeImage(work, 'photo.jpg', 1);
      const job = await importAndWait(test.library, [photo]);
      expect(job.finished).toBe(true);
      expect(job.items[0]).toMatchObject({ state: 'failed', photoId: null });
      expect(job.items[0]!.message).toMatch(/^Photo import and thumbnails are turned off: Newsdesk could not load its image library \(Could not load the "sharp" module using the linux-x64 runtime\)/);
      expect((await test.library.list({})).total).toBe(0);
      // A bug would be reported here; a missing library is not a bug.
      expect(test.errors).toEqual([]);
    } finally {
      await test.library.close();
    }
  });

  it('refuses an AVIF export with the same reason, as an answer the window can show', async () => {
    await expect(embedXmp(new Uint8Array([0, 0, 0, 28, 0x66, 0x74, 0x79, 0x70, 0x61, 0x76, 0x69, 0x66, 0, 0, 0, 0]), 'avif', DESK_METADATA)).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringContaining('could not load its image library'),
    });
  });

  it('loads again once a working loader is back', async () => {
    await expect(imageEngine()).rejects.toThrow(/turned off/);
    await restore();
    restore = useImageEngineLoader(() => loadImageEngine('native'));
    expect((await imageEngine()).route).toBe('native');
  });
});

describe('the app\'s services without a loadable sharp', () => {
  it('open, and only photo import fails, with the reason', async () => {
    const work = await tempDir('newsdesk-no-sharp-');
    try {
      // A fresh Node process without sharp's prebuilt binaries (native or WebAssembly), as on a CPU none is made for.
      const hook = join(work, 'no-sharp.cjs');
      await writeFile(
        hook,
        `const Module = require('node:module');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request.startsWith('@img/sharp-')) throw Object.assign(new Error('Cannot find module ' + request), { code: 'MODULE_NOT_FOUND' });
  return load.call(this, request, ...rest);
};`,
      );
      const photo = await makeImage(work, 'photo.jpg', 2);
      const script = join(work, 'open.mts');
      const library = pathToFileURL(resolve('electron/main/services/media/media-library.ts')).href;
      const settings = pathToFileURL(resolve('shared/model/settings.ts')).href;
      await writeFile(
        script,
        `const { openMediaLibrary } = await import(${JSON.stringify(library)});
const { DEFAULT_CREDIT_STYLE } = await import(${JSON.stringify(settings)});
const media = await openMediaLibrary(${JSON.stringify(join(work, 'media'))}, { creditStyle: () => DEFAULT_CREDIT_STYLE });
const job = await media.whenFinished(media.importPaths([${JSON.stringify(photo)}]).jobId);
await media.close();
process.stdout.write(JSON.stringify(job.items[0]));
`,
      );
      const { stdout } = await run(process.execPath, ['--require', hook, '--import', 'tsx', script], { cwd: process.cwd() });
      const item = JSON.parse(stdout) as { state: string; message: string };
      expect(item.state).toBe('failed');
      expect(item.message).toContain('Newsdesk could not load its image library (Could not load the "sharp" module');
    } finally {
      await removeDir(work);
    }
  });
});
