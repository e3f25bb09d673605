// `npm start` / `npm run dev` begin with build/require-electron.ts: where the Electron binary is
// missing it must say in one sentence what is missing and the one command that fixes it, and exit 1,
// never a stack trace (electron-vite alone says "Electron uninstall"). Run as a child process from a
// fake project's root, as npm runs it.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { INSTALL_ELECTRON_COMMAND } from '../../../build/electron-binary';
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

/** Runs the guard; asserts exit 1 and exactly one line on stderr, nothing else; returns that line. */
function refusal(made: FakeProject, env: NodeJS.ProcessEnv = cleanEnv(), doing = 'start Newsdesk'): string {
  const run = runBuildScript(made, 'require-electron.ts', [doing], env);
  expect(run.status, run.stderr).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).not.toMatch(STACK_LINE);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Cannot [^.]+: .+; run `[^`]+`, then try again\.$/);
  return lines[0]!;
}

describe('the Electron check before npm start / npm run dev', { timeout: 180_000 }, () => {
  it('without path.txt (the binary was never downloaded): one sentence naming it and `npx install-electron`, exit 1', () => {
    const line = refusal(project());
    expect(line).toBe('Cannot start Newsdesk: the Electron 45.5.0 binary is not installed ' +
      '(node_modules/electron/path.txt does not exist); run `npx install-electron`, then try again.');
  });

  it('says the download was skipped when ELECTRON_SKIP_BINARY_DOWNLOAD is set, and names what was being done', () => {
    const line = refusal(project(), cleanEnv({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }), 'start Newsdesk in development mode');
    expect(line).toMatch(/^Cannot start Newsdesk in development mode: /);
    expect(line).toMatch(/as ELECTRON_SKIP_BINARY_DOWNLOAD skipped the download/);
  });

  it('path.txt present but the executable gone, or a dist/ of another version: names the file and the same command', () => {
    const gone = project({ electron: 'installed' });
    rmSync(join(gone.electronDir, 'dist', 'electron'));
    expect(refusal(gone)).toMatch(/\(node_modules\/electron\/dist\/electron does not exist\); run `npx install-electron`/);

    const stale = project({ electron: 'installed' });
    writeFileSync(join(stale.electronDir, 'dist', 'version'), 'v44.0.0');
    expect(refusal(stale)).toMatch(/\(node_modules\/electron\/dist holds Electron 44\.0\.0\); run `npx install-electron`/);
  });

  it('without the electron package: `npm install`; with a wrong ELECTRON_OVERRIDE_DIST_PATH: unset it', () => {
    expect(refusal(project({ electron: 'none' }))).toMatch(/Electron is not installed \(the electron package is not in node_modules\); run `npm install`/);
    const made = project({ electron: 'installed' });
    const line = refusal(made, cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: join(made.dir, 'nowhere') }));
    expect(line).toMatch(/from ELECTRON_OVERRIDE_DIST_PATH\) does not exist\); run `unset ELECTRON_OVERRIDE_DIST_PATH`/);
  });

  it('a broken electron package is one sentence too, not a trace', () => {
    const made = project();
    writeFileSync(join(made.electronDir, 'package.json'), '{ not json');
    const line = refusal(made);
    // Node's resolver already refuses the package, so it counts as not installed.
    expect(line).toMatch(/^Cannot start Newsdesk: .+; run `npm install`, then try again\.$/);
  });

  it('passes silently where the binary is installed, or where ELECTRON_OVERRIDE_DIST_PATH holds one', () => {
    const made = project({ electron: 'installed' });
    const run = runBuildScript(made, 'require-electron.ts', ['start Newsdesk'], cleanEnv());
    expect([run.status, run.stdout, run.stderr]).toEqual([0, '', '']);
    const override = join(made.dir, 'unpacked');
    mkdirSync(override);
    writeFileSync(join(override, 'electron'), '');
    const fromOverride = runBuildScript(project(), 'require-electron.ts', [], cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: override }));
    expect([fromOverride.status, fromOverride.stderr]).toEqual([0, '']);
  });

  it('the command it names is the real electron package\'s installer, and npm start, dev and dist run a check first', () => {
    const electron = JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(INSTALL_ELECTRON_COMMAND).toBe('npx install-electron');
    expect(electron.bin['install-electron']).toBe('install.js');
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.start).toMatch(/^tsx build\/require-electron\.ts "start Newsdesk" && electron-vite preview$/);
    expect(scripts.dev).toMatch(/^tsx build\/require-electron\.ts "[^"]+" && electron-vite dev$/);
    expect(scripts.dist).toMatch(/^tsx build\/dist\.ts --preflight && npm run build && /);
  });
});
