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
  it('exits 1 with one sentence naming what is missing and the command that fixes it, before electron-builder starts', () => {
    const distBefore = existsSync(DIST) ? readdirSync(DIST) : null;
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: emptyHome, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
    // No download cache may hold a zip either: only the empty home's default cache is looked at.
    for (const name of ['electron_config_cache', 'ELECTRON_BUILDER_CACHE', 'XDG_CACHE_HOME']) delete env[name];

    // --preflight, as `npm run dist` runs it first: the checks only, so the answer comes before the build.
    const run = spawnSync(TSX, ['build/dist.ts', '--preflight'], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });

    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr.trim()).toMatch(/^Cannot build installers: the Electron 45\.5\.0 binary is not installed \(.+, as ELECTRON_SKIP_BINARY_DOWNLOAD skipped the download\); run `npx install-electron`, then try again\.$/);
    expect(run.stderr).not.toMatch(/^\s+at\s/m);
    if (process.platform === 'linux') {
      expect(run.stdout).toMatch(/building: deb, AppImage|skipping deb: needs/);
      expect(run.stdout).toMatch(/skipping dmg: needs macOS/);
    }
    // electron-builder's own packaging log never appears, and no installer folder is made.
    expect(run.stdout + run.stderr).not.toMatch(/electron-builder\s+version=|packaging\s+platform=/);
    expect(existsSync(DIST) ? readdirSync(DIST) : null).toEqual(distBefore);
  });
});
