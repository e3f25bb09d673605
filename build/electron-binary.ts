// Where this checkout's Electron binary is, found the way node_modules/electron/index.js finds it
// (path.txt names the executable inside dist/; ELECTRON_OVERRIDE_DIST_PATH replaces dist/) but
// without loading that module: since Electron 45, requiring it downloads a missing binary, in the
// middle of whatever asked. electron-vite reads path.txt directly and only says "Electron uninstall"
// when it is missing, so `npm start`, `npm run dev`, `npm run dist`, the postinstall step and the
// `_electron` specs all ask here first.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

/** The electron package's own installer (its `install-electron` bin): downloads into node_modules/electron/dist. */
export const INSTALL_ELECTRON_COMMAND = 'npx install-electron';

export type ElectronBinary =
  | { kind: 'installed'; path: string; version: string }
  | {
      kind: 'missing';
      /** The electron package's version, or null where the package itself is not installed. */
      version: string | null;
      /** What is missing, as a clause: "node_modules/electron/path.txt does not exist". */
      what: string;
      /** The one command that fixes it. */
      fix: string;
    };

interface ElectronManifest {
  version: string;
  bin?: Record<string, string>;
}

/** node_modules/electron as Node resolves it from the project, or null where it is not installed. */
export function electronPackageDir(projectDir: string): string | null {
  try {
    return dirname(createRequire(join(projectDir, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

export function readElectronManifest(packageDir: string): ElectronManifest {
  return JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as ElectronManifest;
}

/** Set to anything but the empty string, as Electron's installers always read it. */
export function downloadSkipped(env: NodeJS.ProcessEnv): boolean {
  return (env.ELECTRON_SKIP_BINARY_DOWNLOAD ?? '') !== '';
}

function readTrimmed(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

export function findElectronBinary(projectDir: string, env: NodeJS.ProcessEnv): ElectronBinary {
  const packageDir = electronPackageDir(projectDir);
  if (packageDir === null) {
    return { kind: 'missing', version: null, what: 'the electron package is not in node_modules', fix: 'npm install' };
  }
  // Named as the user sees it (node_modules may be a link, and resolve() follows links).
  const shown = (file: string): string => `node_modules/electron/${relative(packageDir, file).replace(/\\/g, '/')}`.replace(/\/$/, '');
  const { version } = readElectronManifest(packageDir);
  const pathFile = join(packageDir, 'path.txt');
  const executable = readTrimmed(pathFile);
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = join(override, executable || 'electron');
    return existsSync(binary)
      ? { kind: 'installed', path: binary, version }
      : { kind: 'missing', version, what: `${binary} (from ELECTRON_OVERRIDE_DIST_PATH) does not exist`, fix: 'unset ELECTRON_OVERRIDE_DIST_PATH' };
  }
  const fix = INSTALL_ELECTRON_COMMAND;
  if (!executable) {
    const why = downloadSkipped(env) ? ', as ELECTRON_SKIP_BINARY_DOWNLOAD skipped the download' : '';
    return { kind: 'missing', version, what: `${shown(pathFile)} does not exist${why}`, fix };
  }
  const binary = join(packageDir, 'dist', executable);
  if (!existsSync(binary)) return { kind: 'missing', version, what: `${shown(binary)} does not exist`, fix };
  // A dist/ left from another Electron version would start, but not the Electron the app is built for.
  const installed = readTrimmed(join(packageDir, 'dist', 'version'))?.replace(/^v/, '');
  if (installed && installed !== version) {
    return { kind: 'missing', version, what: `${shown(join(packageDir, 'dist'))} holds Electron ${installed}`, fix };
  }
  return { kind: 'installed', path: binary, version };
}

/** The one sentence that says what stops `doing` and the command that fixes it. */
export function missingElectronSentence(missing: Extract<ElectronBinary, { kind: 'missing' }>, doing: string): string {
  const binary = missing.version === null ? 'Electron' : `the Electron ${missing.version} binary`;
  return `Cannot ${doing}: ${binary} is not installed (${missing.what}); run \`${missing.fix}\`, then try again.`;
}
