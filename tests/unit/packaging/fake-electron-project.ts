// A throwaway project with its own node_modules/electron, for running the project's Electron
// scripts (build/require-electron.ts, build/install-electron.ts) as child processes exactly as npm
// runs them: from the project's root. The fake electron package has the real one's shape (version,
// `install-electron` bin, path.txt and dist/ once installed) and an installer that can fail the way
// the real one fails offline: a stack trace on stderr and exit code 1.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');
const TSX_CLI = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
export const VERSION = '45.5.0';

/** What the fake `install-electron` does when run: FAKE_ELECTRON_INSTALL=fail|succeed. */
const FAKE_INSTALLER = `#!/usr/bin/env node
const fs = require('fs');
const path = require('path');
fs.writeFileSync(path.join(__dirname, 'installer-ran'), '');
if (process.env.FAKE_ELECTRON_INSTALL === 'succeed') {
  fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), '');
  fs.writeFileSync(path.join(__dirname, 'dist', 'version'), 'v${VERSION}');
  fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');
} else {
  // What @electron/get prints without network: install.js writes err.stack and exits 1.
  console.error('TypeError: fetch failed\\n    at node:internal/deps/undici/undici:14976:13\\n    at async FetchDownloader.download (file:///x/FetchDownloader.js:46:30)');
  process.exit(1);
}
`;

export interface FakeProject {
  dir: string;
  /** The electron package's folder (node_modules/electron, or where npm links it from). */
  electronDir: string;
  installerRan(): boolean;
  remove(): void;
}

export function fakeProject(options: { electron?: 'package-only' | 'installed' | 'none'; electronDirName?: string } = {}): FakeProject {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-electron-project-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'fake-newsdesk', version: '0.0.0', private: true }));
  const electronDir = join(dir, options.electronDirName ?? 'node_modules/electron');
  if (options.electron !== 'none') {
    mkdirSync(electronDir, { recursive: true });
    writeFileSync(join(electronDir, 'package.json'), JSON.stringify({
      name: 'electron', version: VERSION, main: 'index.js', bin: { electron: 'cli.js', 'install-electron': 'install.js' },
    }));
    writeFileSync(join(electronDir, 'install.js'), FAKE_INSTALLER);
    writeFileSync(join(electronDir, 'cli.js'), '');
    if (options.electron === 'installed') {
      mkdirSync(join(electronDir, 'dist'));
      writeFileSync(join(electronDir, 'dist', 'electron'), '');
      writeFileSync(join(electronDir, 'dist', 'version'), `v${VERSION}`);
      writeFileSync(join(electronDir, 'path.txt'), 'electron');
    }
  }
  return {
    dir,
    electronDir,
    installerRan: () => existsSync(join(electronDir, 'installer-ran')),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The environment of a developer's shell, without the Electron variables a test sets itself. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['ELECTRON_SKIP_BINARY_DOWNLOAD', 'ELECTRON_OVERRIDE_DIST_PATH', 'FAKE_ELECTRON_INSTALL']) delete env[name];
  return { ...env, ...extra };
}

/** `tsx build/<script>` run from the fake project's root, as npm runs the project's scripts. */
export function runBuildScript(project: FakeProject, script: string, args: string[], env: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [TSX_CLI, join(ROOT, 'build', script), ...args], {
    cwd: project.dir, env, encoding: 'utf8', timeout: 60_000,
  });
}

/** Lines that only a stack trace has. */
export const STACK_LINE = /^\s+at\s/m;
