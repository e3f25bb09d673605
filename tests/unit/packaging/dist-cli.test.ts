// `tsx build/dist.ts` (the second half of `npm run dist`) run as a child process on a machine
// without the Electron binary: it exits 1 with the one clear message and never starts electron-builder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findElectron } from '../../../build/dist-plan';

const ROOT = resolve(__dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const DIST = join(ROOT, 'dist');
const emptyHome = mkdtempSync(join(tmpdir(), 'newsdesk-dist-home-'));
afterAll(() => rmSync(emptyHome, { recursive: true, force: true }));

const electronHere = findElectron({
  projectDir: ROOT, version: '45.5.0', platform: process.platform, arch: process.arch, env: process.env, homeDir: homedir(),
}).kind !== 'missing';
if (electronHere) console.log('dist-cli: skipped, this machine has the Electron binary, so build/dist.ts would really build installers');

describe.skipIf(electronHere)('npm run dist without the Electron binary', () => {
  it('exits 1 with one message naming what is missing, why and what to do, before electron-builder starts', () => {
    const distBefore = existsSync(DIST) ? readdirSync(DIST) : null;
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: emptyHome, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
    // No download cache may hold a zip either: only the empty home's default cache is looked at.
    for (const name of ['electron_config_cache', 'ELECTRON_BUILDER_CACHE', 'XDG_CACHE_HOME']) delete env[name];

    const run = spawnSync(TSX, ['build/dist.ts'], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });

    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr.match(/Cannot build installers/g)).toHaveLength(1);
    expect(run.stderr).toMatch(/Electron 45\.5\.0 for \S+ is not on this machine/);
    expect(run.stderr).toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD=1 is set/);
    expect(run.stderr).toMatch(/npm rebuild electron/);
    if (process.platform === 'linux') {
      expect(run.stdout).toMatch(/building: AppImage, deb|skipping deb: needs/);
      expect(run.stdout).toMatch(/skipping dmg: needs macOS/);
    }
    // electron-builder's own packaging log never appears, and no installer folder is made.
    expect(run.stdout + run.stderr).not.toMatch(/electron-builder\s+version=|packaging\s+platform=/);
    expect(existsSync(DIST) ? readdirSync(DIST) : null).toEqual(distBefore);
  });
});
