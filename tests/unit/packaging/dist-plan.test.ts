// What `npm run dist` decides before electron-builder starts: the targets an OS can build, where
// Electron comes from (its unpacked binary, a cached zip, or nowhere with one clear message), and
// the system tools the deb target needs.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  electronCacheDirs, electronZipName, findElectron, missingLinuxTools, planTargets, targetNames,
  withoutTargetsLackingTools, type ElectronLookup,
} from '../../../build/dist-plan';

const CONFIGURED = { linux: ['AppImage', 'deb'], mac: ['dmg'], win: ['nsis'] };
const VERSION = '45.5.0';

const scratch: string[] = [];
function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-dist-'));
  scratch.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function lookup(overrides: Partial<ElectronLookup> = {}): ElectronLookup {
  return { projectDir: scratchDir(), version: VERSION, platform: 'linux', arch: 'x64', env: {}, homeDir: scratchDir(), ...overrides };
}

function writeFile(path: string, content = ''): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
}

describe('installer targets per OS', () => {
  it('Linux builds AppImage and deb and says why dmg and nsis are skipped', () => {
    const plan = planTargets(CONFIGURED, 'linux');
    expect(plan.platform).toBe('linux');
    expect(plan.build).toEqual(['AppImage', 'deb']);
    expect(plan.skipped.map(({ target }) => target)).toEqual(['dmg', 'nsis']);
    expect(plan.skipped[0]?.reason).toMatch(/needs macOS/);
    expect(plan.skipped[1]?.reason).toMatch(/needs Windows/);
  });

  it('macOS builds dmg, Windows builds nsis, and another OS builds nothing', () => {
    expect(planTargets(CONFIGURED, 'darwin')).toMatchObject({ platform: 'mac', build: ['dmg'] });
    expect(planTargets(CONFIGURED, 'win32')).toMatchObject({ platform: 'win', build: ['nsis'] });
    const freebsd = planTargets(CONFIGURED, 'freebsd');
    expect(freebsd).toMatchObject({ platform: null, build: [] });
    expect(freebsd.skipped).toHaveLength(4);
  });

  it('reads a target setting given as a name, an object or a list', () => {
    expect(targetNames('dmg')).toEqual(['dmg']);
    expect(targetNames({ target: 'nsis' })).toEqual(['nsis']);
    expect(targetNames(['AppImage', { target: 'deb' }])).toEqual(['AppImage', 'deb']);
    expect(targetNames(undefined)).toEqual([]);
  });
});

describe('system tools of the deb target', () => {
  function pathWith(...tools: string[]): string {
    const bin = scratchDir();
    for (const tool of tools) {
      writeFile(join(bin, tool), '#!/bin/sh\n');
      chmodSync(join(bin, tool), 0o755);
    }
    return bin;
  }

  it('nothing is missing when ar, tar and xz are on PATH, and AppImage needs none of them', () => {
    expect(missingLinuxTools(['AppImage', 'deb'], { PATH: pathWith('ar', 'tar', 'xz') }).size).toBe(0);
    expect(missingLinuxTools(['AppImage'], { PATH: '' }).size).toBe(0);
  });

  it('names the missing tool, its package and the install command, and only deb is skipped', () => {
    const missing = missingLinuxTools(['AppImage', 'deb'], { PATH: pathWith('tar') });
    expect(missing.get('deb')).toBe('needs ar (binutils), xz (xz-utils) on PATH: sudo apt-get install binutils xz-utils');
    const plan = withoutTargetsLackingTools(planTargets(CONFIGURED, 'linux'), missing);
    expect(plan.build).toEqual(['AppImage']);
    expect(plan.skipped.map(({ target }) => target)).toEqual(['dmg', 'nsis', 'deb']);
  });

  it('asks for fpm itself when electron-builder is told to use the system one', () => {
    const missing = missingLinuxTools(['deb'], { PATH: pathWith('ar', 'tar', 'xz'), USE_SYSTEM_FPM: 'true' });
    expect(missing.get('deb')).toMatch(/fpm \(the fpm gem\)/);
  });

  it('a file that is not executable does not count', () => {
    const bin = pathWith('tar', 'xz');
    writeFile(join(bin, 'ar'), 'not a program');
    expect(missingLinuxTools(['deb'], { PATH: bin }).get('deb')).toMatch(/ar \(binutils\)/);
  });
});

describe('where Electron comes from', () => {
  it('uses node_modules/electron/dist when the binary of the pinned version is there', () => {
    const request = lookup();
    const dist = join(request.projectDir, 'node_modules/electron/dist');
    writeFile(join(dist, 'electron'));
    writeFile(join(dist, 'version'), VERSION);
    expect(findElectron(request)).toEqual({ kind: 'unpacked', path: dist });
    expect(findElectron({ ...request, platform: 'win32' }).kind).toBe('missing'); // electron.exe is not there
  });

  it('uses a cached release zip, filed under a URL hash as @electron/get does', () => {
    const cache = scratchDir();
    const zip = join(cache, '0f3a9c', electronZipName(VERSION, 'linux', 'x64'));
    writeFile(zip);
    expect(findElectron(lookup({ env: { electron_config_cache: cache } }))).toEqual({ kind: 'zip', path: zip });
    const home = scratchDir();
    const defaultCacheZip = join(home, '.cache/electron/abc', 'electron-v45.5.0-linux-x64.zip');
    writeFile(defaultCacheZip);
    expect(findElectron(lookup({ homeDir: home }))).toEqual({ kind: 'zip', path: defaultCacheZip });
  });

  it('missing: one sentence saying what is missing, why, and the one command that fixes it', () => {
    const result = findElectron(lookup({ env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } }));
    expect(result.kind).toBe('missing');
    const message = result.kind === 'missing' ? result.message : '';
    expect(message).toBe('Cannot build installers: the Electron 45.5.0 binary is not installed (node_modules/electron/dist has no ' +
      'Electron binary for linux-x64, and no download cache holds electron-v45.5.0-linux-x64.zip, as ELECTRON_SKIP_BINARY_DOWNLOAD ' +
      'skipped the download); run `npx install-electron`, then try again.');
    // electron 45 has no install script: `npm rebuild electron` (the old advice) does nothing.
    expect(message).not.toMatch(/npm rebuild/);
  });

  it('missing without the skip flag does not blame it, and a binary of another version is named', () => {
    const offline = findElectron(lookup());
    expect(offline.kind === 'missing' && offline.message).toMatch(/no download cache holds electron-v45\.5\.0-linux-x64\.zip\); run `npx install-electron`/);
    const request = lookup();
    writeFile(join(request.projectDir, 'node_modules/electron/dist/electron'));
    writeFile(join(request.projectDir, 'node_modules/electron/dist/version'), '44.0.0');
    const stale = findElectron(request);
    expect(stale.kind === 'missing' && stale.message).toMatch(/node_modules\/electron\/dist holds Electron 44\.0\.0 for linux-x64/);
  });

  it('looks in the caches @electron/get and electron-builder use on each OS', () => {
    expect(electronCacheDirs({}, 'linux', '/home/ed')).toEqual(['/home/ed/.cache/electron']);
    expect(electronCacheDirs({ XDG_CACHE_HOME: '/xdg' }, 'linux', '/home/ed')).toEqual(['/xdg/electron']);
    expect(electronCacheDirs({}, 'darwin', '/Users/ed')).toEqual(['/Users/ed/Library/Caches/electron']);
    expect(electronCacheDirs({ electron_config_cache: '/c', ELECTRON_BUILDER_CACHE: '/b' }, 'linux', '/h'))
      .toEqual(['/c', '/b', '/h/.cache/electron']);
    expect(electronZipName(VERSION, 'linux', 'arm')).toBe('electron-v45.5.0-linux-armv7l.zip');
  });
});
