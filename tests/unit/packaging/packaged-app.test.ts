// What goes into the packaged app and how it identifies itself, read from build/electron-builder.yml
// as electron-builder loads it: the files (electron-builder's own matcher decides, not a copy of
// its rules), the macOS ad-hoc signature reset, and the Windows AppUserModelID.
import { readdirSync, statSync, type Stats } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Configuration } from 'electron-builder';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import { getFileMatchers } from 'app-builder-lib/out/fileMatcher';
import { APP_USER_MODEL_ID, applyAppUserModelId } from '../../../electron/main/desktop/app-identity';

const ROOT = resolve(__dirname, '../../..');
const FILE = { isDirectory: () => false } as Stats;

let config: Configuration;
beforeAll(async () => {
  config = await getConfig(ROOT, 'build/electron-builder.yml', null);
});

/** Whether electron-builder's `files` matcher takes this project file (path relative to the root) into the app. */
function shipsWith(configuration: Configuration): (file: string) => boolean {
  const matchers = getFileMatchers(configuration, 'files', join(ROOT, 'app'), {
    macroExpander: (pattern) => pattern, customBuildOptions: {}, globalOutDir: join(ROOT, 'dist'), defaultSrc: ROOT,
  });
  if (matchers === null || matchers.length !== 1) throw new Error(`expected one file set, got ${String(matchers?.length)}`);
  const filter = matchers[0]!.createFilter();
  return (file) => filter(join(ROOT, file), FILE);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [relative(ROOT, path).replace(/\\/g, '/')];
  });
}

describe('the files in the packaged app', () => {
  const APP = ['package.json', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/renderer/assets/index-abc.js'];
  // What `npm run bench` builds into out/ (tests/bench/board-bench.ts, typing-bench.ts), source maps, and the sources.
  const NOT_APP = [
    'out/bench/bare-board/index.html', 'out/bench/bare-board/assets/index-abc.js', 'out/bench/bare-editor/index.html',
    'out/main/index.js.map', 'out/renderer/assets/index-abc.js.map', 'out/stray.js',
    'electron/main/index.ts', 'renderer/index.html', 'tests/e2e/drafting.spec.ts', 'build/dist.ts',
  ];

  it('are the main, preload and renderer bundles and package.json: never the benchmark pages or source maps', () => {
    const ships = shipsWith(config);
    expect(APP.filter((file) => !ships(file))).toEqual([]);
    expect(NOT_APP.filter(ships)).toEqual([]);
  });

  it('the check catches the old `out/**`, which shipped out/bench', () => {
    const ships = shipsWith({ ...config, files: ['out/**', '!out/**/*.map', 'package.json'] });
    expect(NOT_APP.filter(ships)).toEqual(expect.arrayContaining(['out/bench/bare-board/index.html', 'out/bench/bare-editor/index.html']));
  });

  it('every file the build put into out/ (if built) ships, except the benchmark pages and maps', () => {
    let built: string[];
    try {
      built = filesUnder(join(ROOT, 'out'));
    } catch {
      console.log('packaged-app: out/ is not built here (`npm run build`), so only the listed paths were checked');
      return;
    }
    const ships = shipsWith(config);
    const expected = built.filter((file) => !file.startsWith('out/bench/') && !file.endsWith('.map'));
    expect(expected.filter((file) => !ships(file))).toEqual([]);
    expect(built.filter((file) => file.startsWith('out/bench/')).filter(ships)).toEqual([]);
  });
});

describe('macOS builds without a signing identity', () => {
  it('re-sign the app ad hoc after the fuses are flipped, so Apple silicon launches it', () => {
    expect(config.electronFuses?.resetAdHocDarwinSignature).toBe(true);
    // No identity is configured: release builds sign with the certificate found on the machine.
    expect(config.mac?.identity).toBeUndefined();
  });
});

describe('the Windows AppUserModelID', () => {
  it('is the builder\'s appId, which the NSIS installer gives the Start-menu shortcut', () => {
    expect(APP_USER_MODEL_ID).toBe(config.appId);
  });

  it('is set on Windows only', () => {
    const calls: string[] = [];
    const app = { setAppUserModelId: (id: string) => calls.push(id) };
    applyAppUserModelId(app, 'linux');
    applyAppUserModelId(app, 'darwin');
    expect(calls).toEqual([]);
    applyAppUserModelId(app, 'win32');
    expect(calls).toEqual([config.appId]);
  });
});
