// build/electron-builder.yml as electron-builder itself loads it: valid against electron-builder's
// own JSON schema, the four installer targets of the issue, every hardening fuse at its safe value,
// and the resources it names present.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Configuration } from 'electron-builder';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { targetNames } from '../../../build/dist-plan';

const ROOT = resolve(__dirname, '../../..');
const CONFIG_FILE = 'build/electron-builder.yml';
const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;

/** The fuses the issue asks for, with the only value each may have in a release. */
const SAFE_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
  loadBrowserProcessSpecificV8Snapshot: false,
} as const;
type FuseName = keyof typeof SAFE_FUSES;

/** Fuses missing or not at their safe value (a missing fuse keeps Electron's default, which is unsafe for most). */
function weakenedFuses(config: Configuration): FuseName[] {
  const fuses = (config.electronFuses ?? {}) as Partial<Record<FuseName, boolean>>;
  return (Object.keys(SAFE_FUSES) as FuseName[]).filter((name) => fuses[name] !== SAFE_FUSES[name]);
}

// strict: false because the schema uses electron-builder's own `typeof: function` keyword for hooks.
const validateAgainstSchema = new Ajv({ allErrors: true, strict: false }).compile(SCHEMA);

function schemaErrors(config: unknown): string[] {
  return validateAgainstSchema(config) ? [] : (validateAgainstSchema.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

let config: Configuration;
beforeAll(async () => {
  config = await getConfig(ROOT, CONFIG_FILE, null);
});

describe('electron-builder configuration', () => {
  it('validates against electron-builder 26 JSON schema, and electron-builder accepts it', async () => {
    expect(schemaErrors(config)).toEqual([]);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('the schema check catches a misspelt fuse and a fuse set to a string', () => {
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsnode: false } };
    expect(schemaErrors(misspelt).join('\n')).toMatch(/electronFuses/);
    const wrongType = { ...config, electronFuses: { ...config.electronFuses, runAsNode: 'no' } };
    expect(schemaErrors(wrongType).join('\n')).toMatch(/runAsNode/);
  });

  it('names the app and puts the build resources in build/ and the installers in dist/', () => {
    expect(config.appId).toBe('org.newsdesk.app');
    expect(config.productName).toBe('Newsdesk');
    expect(config.directories).toMatchObject({ buildResources: 'build', output: 'dist' });
    // electron-builder's loader turns the list of globs into file sets: [{ filter: [...] }].
    const patterns = [config.files ?? []].flat().flatMap((set) =>
      set === null ? [] : typeof set === 'string' ? [set] : [set.filter ?? []].flat());
    expect(patterns).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']));
    expect(config.asar).toBe(true);
  });

  it('builds deb (first: the package to install) and AppImage for Linux, dmg for macOS and nsis for Windows', () => {
    expect(targetNames(config.linux?.target)).toEqual(['deb', 'AppImage']);
    expect(targetNames(config.mac?.target)).toEqual(['dmg']);
    expect(targetNames(config.win?.target)).toEqual(['nsis']);
  });

  it('sets every fuse of the issue to its safe value', () => {
    expect(config.electronFuses).toMatchObject(SAFE_FUSES);
    expect(weakenedFuses(config)).toEqual([]);
  });

  it('the fuse check fails when any one fuse is weakened or left out', () => {
    for (const name of Object.keys(SAFE_FUSES) as FuseName[]) {
      const flipped = { ...config, electronFuses: { ...config.electronFuses, [name]: !SAFE_FUSES[name] } };
      expect(weakenedFuses(flipped), `flipping ${name}`).toEqual([name]);
      const fuses: Record<string, unknown> = { ...config.electronFuses };
      delete fuses[name];
      expect(weakenedFuses({ ...config, electronFuses: fuses }), `leaving out ${name}`).toEqual([name]);
    }
    expect(weakenedFuses({ ...config, electronFuses: null })).toEqual(Object.keys(SAFE_FUSES));
  });

  it('pins the Electron version of the electron devDependency', () => {
    const installed = JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string };
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(config.electronVersion).toBe(installed.version);
    expect(config.electronVersion).toBe(manifest.devDependencies.electron);
  });

  it('keeps sharp and its native @img packages out of the asar archive', () => {
    const unpack = [config.asarUnpack ?? []].flat();
    expect(unpack.some((glob) => glob.includes('node_modules/sharp/'))).toBe(true);
    expect(unpack.some((glob) => glob.includes('node_modules/@img/'))).toBe(true);
  });

  it('points every platform at icon files that exist', () => {
    expect(config.linux?.icon).toBe('build/icons');
    expect(statSync(join(ROOT, config.linux?.icon ?? '')).isDirectory()).toBe(true);
    for (const icon of [config.mac?.icon, config.win?.icon, config.nsis?.installerIcon, config.nsis?.uninstallerIcon]) {
      expect(icon, 'icon setting').toEqual(expect.any(String));
      expect(existsSync(join(ROOT, icon ?? '')), `${icon} exists`).toBe(true);
    }
  });

  it('gives the deb what its control file needs and the desktop entry its category', () => {
    expect(config.linux?.maintainer).toMatch(/<.+@.+>/);
    expect(config.extraMetadata?.homepage).toMatch(/^https:\/\//);
    expect(config.linux?.category).toBe('Office');
    expect(config.linux?.executableName).toBe('newsdesk');
    // Window and launcher are matched by desktopName: newsdesk.desktop holds StartupWMClass=newsdesk.
    expect(config.extraMetadata?.desktopName).toBe('newsdesk.desktop');
    expect(config.linux?.syncDesktopName).toBe(true);
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: false, category: 'public.app-category.news' });
  });
});
