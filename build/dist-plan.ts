// What `npm run dist` can build on this machine, decided before electron-builder starts: which
// installer targets this OS can make, where the Electron binary comes from, and which system tools
// a target still lacks. Every "no" comes with what is missing, why, and what to do, so a build never
// dies halfway on an obscure download or tool error.
import { accessSync, constants, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { INSTALL_ELECTRON_COMMAND, downloadSkipped, missingElectronSentence } from './electron-binary';

export type PlatformKey = 'linux' | 'mac' | 'win';

/** The OS each platform's installers are built on, and why the others cannot make them. */
const BUILT_ON: Record<PlatformKey, { os: NodeJS.Platform; why: string }> = {
  linux: { os: 'linux', why: 'needs Linux (its packaging tools are Linux programs)' },
  mac: { os: 'darwin', why: 'needs macOS (hdiutil makes the disk image, codesign signs the app)' },
  win: { os: 'win32', why: 'needs Windows (elsewhere NSIS would have to run under Wine)' },
};

export interface SkippedTarget {
  target: string;
  /** Why, starting with a verb: "needs macOS (…)". */
  reason: string;
}

export interface TargetPlan {
  /** electron-builder's platform for this OS, or null where Newsdesk has no installer for it. */
  platform: PlatformKey | null;
  build: string[];
  skipped: SkippedTarget[];
}

type TargetSetting = string | { target: string } | ReadonlyArray<string | { target: string }> | null | undefined;

/** Target names of one platform section of the config (`target` may be a name, an object or a list). */
export function targetNames(setting: TargetSetting): string[] {
  if (setting === null || setting === undefined) return [];
  const list = typeof setting === 'string' || !Array.isArray(setting) ? [setting] : setting;
  return list.map((item: string | { target: string }) => (typeof item === 'string' ? item : item.target));
}

/** The configured targets this OS can build, and every other one with the reason it is skipped. */
export function planTargets(configured: Record<PlatformKey, string[]>, host: NodeJS.Platform): TargetPlan {
  const plan: TargetPlan = { platform: null, build: [], skipped: [] };
  for (const platform of Object.keys(BUILT_ON) as PlatformKey[]) {
    const { os, why } = BUILT_ON[platform];
    if (os === host) {
      plan.platform = platform;
      plan.build.push(...configured[platform]);
    } else {
      plan.skipped.push(...configured[platform].map((target) => ({ target, reason: why })));
    }
  }
  return plan;
}

/** Moves targets that lack a system tool from `build` to `skipped`. */
export function withoutTargetsLackingTools(plan: TargetPlan, missing: ReadonlyMap<string, string>): TargetPlan {
  return {
    platform: plan.platform,
    build: plan.build.filter((target) => !missing.has(target)),
    skipped: [
      ...plan.skipped,
      ...plan.build.flatMap((target) => {
        const reason = missing.get(target);
        return reason === undefined ? [] : [{ target, reason }];
      }),
    ],
  };
}

/** Where on PATH an executable is, or null. */
export function findOnPath(name: string, env: NodeJS.ProcessEnv): string | null {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not in this folder
    }
  }
  return null;
}

/**
 * System tools a Linux target needs besides what electron-builder downloads itself. deb is made by
 * fpm, which packs with `tar` (xz-compressed, so `xz`) and `ar`; with USE_SYSTEM_FPM=true fpm itself
 * must be installed too. AppImage needs nothing: electron-builder brings mksquashfs and the runtime.
 */
export function missingLinuxTools(targets: readonly string[], env: NodeJS.ProcessEnv): Map<string, string> {
  const missing = new Map<string, string>();
  if (targets.includes('deb')) {
    const needed = [
      { tool: 'ar', from: 'binutils' },
      { tool: 'tar', from: 'tar' },
      { tool: 'xz', from: 'xz-utils' },
      ...(env.USE_SYSTEM_FPM === 'true' ? [{ tool: 'fpm', from: 'the fpm gem' }] : []),
    ].filter(({ tool }) => findOnPath(tool, env) === null);
    if (needed.length > 0) {
      const packages = needed.map(({ from }) => from).filter((from) => !from.includes(' '));
      missing.set('deb', `needs ${needed.map(({ tool, from }) => `${tool} (${from})`).join(', ')} on PATH` +
        (packages.length > 0 ? `: sudo apt-get install ${packages.join(' ')}` : ''));
    }
  }
  return missing;
}

export interface ElectronLookup {
  projectDir: string;
  version: string;
  platform: NodeJS.Platform;
  arch: string;
  env: NodeJS.ProcessEnv;
  homeDir: string;
}

export type ElectronSource =
  | { kind: 'unpacked'; path: string }
  | { kind: 'zip'; path: string }
  | { kind: 'missing'; message: string };

/** Electron names its release archives after Node's platform and (mostly) Node's arch. */
export function electronZipName(version: string, platform: NodeJS.Platform, arch: string): string {
  return `electron-v${version}-${platform}-${arch === 'arm' ? 'armv7l' : arch}.zip`;
}

/** Folders where @electron/get (used by `npm install` and electron-builder) keeps downloaded zips. */
export function electronCacheDirs(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, homeDir: string): string[] {
  const defaultCache =
    platform === 'darwin' ? join(homeDir, 'Library', 'Caches', 'electron')
      : platform === 'win32' ? join(env.LOCALAPPDATA ?? join(homeDir, 'AppData', 'Local'), 'electron', 'Cache')
        : join(env.XDG_CACHE_HOME ?? join(homeDir, '.cache'), 'electron');
  const dirs = [env.electron_config_cache, env.ELECTRON_BUILDER_CACHE, defaultCache];
  return [...new Set(dirs.filter((dir): dir is string => typeof dir === 'string' && dir.trim() !== ''))];
}

/** A zip directly in a cache folder or one level down (@electron/get files them under a URL hash). */
function findZipIn(dir: string, zipName: string): string | null {
  if (existsSync(join(dir, zipName))) return join(dir, zipName);
  let children: string[];
  try {
    children = readdirSync(dir);
  } catch {
    return null;
  }
  for (const child of children) {
    const candidate = join(dir, child, zipName);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

function unpackedExecutable(platform: NodeJS.Platform): string {
  return platform === 'darwin' ? 'Electron.app' : platform === 'win32' ? 'electron.exe' : 'electron';
}

/** Where electron-builder can take Electron from without downloading it, or the one clear message why not. */
export function findElectron(lookup: ElectronLookup): ElectronSource {
  const { projectDir, version, platform, arch, env, homeDir } = lookup;
  const distDir = join(projectDir, 'node_modules', 'electron', 'dist');
  const versionFile = join(distDir, 'version');
  const installedVersion = existsSync(versionFile) ? readFileSync(versionFile, 'utf8').trim().replace(/^v/, '') : null;
  const hasExecutable = existsSync(join(distDir, unpackedExecutable(platform)));
  if (hasExecutable && (installedVersion === null || installedVersion === version)) {
    return { kind: 'unpacked', path: distDir };
  }

  const zipName = electronZipName(version, platform, arch);
  const cacheDirs = electronCacheDirs(env, platform, homeDir);
  for (const dir of cacheDirs) {
    const zip = findZipIn(dir, zipName);
    if (zip !== null) return { kind: 'zip', path: zip };
  }

  const found = hasExecutable
    ? `node_modules/electron/dist holds Electron ${installedVersion}`
    : 'node_modules/electron/dist has no Electron binary';
  const skipped = downloadSkipped(env) ? ', as ELECTRON_SKIP_BINARY_DOWNLOAD skipped the download' : '';
  return {
    kind: 'missing',
    // One sentence; the folders looked in are in electronCacheDirs (and the README).
    message: missingElectronSentence(
      { kind: 'missing', version, what: `${found} for ${platform}-${arch}, and no download cache holds ${zipName}${skipped}`, fix: INSTALL_ELECTRON_COMMAND },
      'build installers',
    ),
  };
}
