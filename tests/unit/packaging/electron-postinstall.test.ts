// The project's postinstall (build/install-electron.ts) fetches the Electron binary with the
// electron package's own installer, skips it with ELECTRON_SKIP_BINARY_DOWNLOAD, and never fails
// the install when the download fails: one sentence with the error and the command for later.
// First as a child process from a fake project's root, then through npm itself: npm 11 gates the
// install scripts of dependencies (allowScripts), and the project's own postinstall must still run
// in both `npm install` and `npm ci`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../../build/electron-binary';
import { ROOT, STACK_LINE, cleanEnv, fakeProject, runBuildScript, type FakeProject } from './fake-electron-project';

const projects: FakeProject[] = [];
function project(options: Parameters<typeof fakeProject>[0] = {}): FakeProject {
  const made = fakeProject(options);
  projects.push(made);
  return made;
}
afterEach(() => {
  for (const made of projects.splice(0)) made.remove();
});

const postinstall = (made: FakeProject, env: NodeJS.ProcessEnv) => runBuildScript(made, 'install-electron.ts', [], env);
const FAILED_SENTENCE = /^Could not download the Electron 45\.5\.0 binary \(TypeError: fetch failed\), so npm install finished without it; run `npx install-electron` once the network allows, before `npm start`\.$/m;

describe('postinstall: the Electron binary', { timeout: 180_000 }, () => {
  it('ELECTRON_SKIP_BINARY_DOWNLOAD=1: one line saying so and how to get it later; the installer never runs', () => {
    const made = project();
    const run = postinstall(made, cleanEnv({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1', FAKE_ELECTRON_INSTALL: 'succeed' }));
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.trim().split('\n')).toEqual([
      'Electron 45.5.0 binary not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD is set); run `npx install-electron` to get it before `npm start`.',
    ]);
    expect(made.installerRan()).toBe(false);
  });

  it('runs the electron package\'s install-electron, after which npm start finds the binary', () => {
    const made = project();
    const run = postinstall(made, cleanEnv({ FAKE_ELECTRON_INSTALL: 'succeed' }));
    expect(run.status, run.stderr).toBe(0);
    expect(made.installerRan()).toBe(true);
    expect(run.stdout).toMatch(/Electron 45\.5\.0 installed: /);
    expect(findElectronBinary(made.dir, cleanEnv()).kind).toBe('installed');
  });

  it('a failed download does not fail the install: exit 0, one sentence with the error and the command, no stack trace', () => {
    const made = project();
    const run = postinstall(made, cleanEnv({ FAKE_ELECTRON_INSTALL: 'fail' }));
    expect(run.status).toBe(0);
    expect(made.installerRan()).toBe(true);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(FAILED_SENTENCE);
    expect(run.stdout + run.stderr).not.toMatch(STACK_LINE);
  });

  it('does nothing where the binary is already there, or where electron is not installed (--omit=dev)', () => {
    const installed = project({ electron: 'installed' });
    const run = postinstall(installed, cleanEnv({ FAKE_ELECTRON_INSTALL: 'fail' }));
    expect([run.status, run.stdout, run.stderr, installed.installerRan()]).toEqual([0, '', '', false]);
    const without = postinstall(project({ electron: 'none' }), cleanEnv());
    expect([without.status, without.stdout, without.stderr]).toEqual([0, '', '']);
  });
});

/**
 * A project with the real postinstall line of package.json, build/ linked in, and the fake electron
 * as a `file:` devDependency, so npm installs it offline. tsx comes from this repo's node_modules.
 */
function npmProject(): FakeProject {
  const made = project({ electronDirName: 'fake-electron' });
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { postinstall: string } };
  writeFileSync(join(made.dir, 'package.json'), JSON.stringify({
    name: 'fake-newsdesk', version: '0.0.0', private: true,
    scripts: { postinstall: scripts.postinstall },
    devDependencies: { electron: 'file:fake-electron' },
  }));
  symlinkSync(join(ROOT, 'build'), join(made.dir, 'build'), 'junction');
  return made;
}

function npm(made: FakeProject, command: 'install' | 'ci', extra: NodeJS.ProcessEnv) {
  const env = cleanEnv({ ...extra, PATH: `${join(ROOT, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` });
  // Under `npm test` the environment carries npm's settings for THIS project (npm_config_local_prefix…):
  // the child npm must see only the fake project.
  for (const name of Object.keys(env)) if (/^npm_(config|package|lifecycle)_/i.test(name) || name === 'INIT_CWD') delete env[name];
  return spawnSync('npm', [command, '--offline', '--no-audit', '--no-fund'], {
    cwd: made.dir, env, encoding: 'utf8', timeout: 120_000, shell: process.platform === 'win32',
  });
}

describe('postinstall through npm install and npm ci', { timeout: 180_000 }, () => {
  it('runs the project\'s own postinstall in both; a failed download leaves both successful', () => {
    const made = npmProject();
    const install = npm(made, 'install', { FAKE_ELECTRON_INSTALL: 'fail' });
    expect(install.status, install.stderr).toBe(0);
    expect(made.installerRan()).toBe(true);
    expect(install.stdout + install.stderr).toMatch(FAILED_SENTENCE);
    expect(existsSync(join(made.dir, 'package-lock.json'))).toBe(true);

    const ci = npm(made, 'ci', { FAKE_ELECTRON_INSTALL: 'fail' });
    expect(ci.status, ci.stderr).toBe(0);
    expect(ci.stdout + ci.stderr).toMatch(FAILED_SENTENCE);
  });

  it('npm ci with ELECTRON_SKIP_BINARY_DOWNLOAD=1 (as .ci/run does) says it skipped; without it the binary is installed', () => {
    const made = npmProject();
    const skipped = npm(made, 'install', { ELECTRON_SKIP_BINARY_DOWNLOAD: '1', FAKE_ELECTRON_INSTALL: 'succeed' });
    expect(skipped.status, skipped.stderr).toBe(0);
    expect(skipped.stdout).toMatch(/^Electron 45\.5\.0 binary not downloaded \(ELECTRON_SKIP_BINARY_DOWNLOAD is set\)/m);
    expect(made.installerRan()).toBe(false);
    const ci = npm(made, 'ci', { ELECTRON_SKIP_BINARY_DOWNLOAD: '1', FAKE_ELECTRON_INSTALL: 'succeed' });
    expect(ci.status, ci.stderr).toBe(0);
    expect(ci.stdout).toMatch(/binary not downloaded \(ELECTRON_SKIP_BINARY_DOWNLOAD is set\)/);

    const fetched = npm(made, 'ci', { FAKE_ELECTRON_INSTALL: 'succeed' });
    expect(fetched.status, fetched.stderr).toBe(0);
    expect(made.installerRan()).toBe(true);
    expect(findElectronBinary(made.dir, cleanEnv()).kind).toBe('installed');
  });
});
