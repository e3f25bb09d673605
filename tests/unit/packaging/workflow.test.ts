// .github/workflows/electron.yml cannot run here (no Electron binary, no GitHub runner), so npm test
// checks it: valid for GitHub Actions according to action-validator (run as its CLI, the way a
// developer would), a broken copy rejected by the same check, and the steps the proof depends on
// present in order.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const WORKFLOW = join(ROOT, '.github/workflows/electron.yml');
const VALIDATOR = join(ROOT, 'node_modules/@action-validator/cli/cli.mjs');
const text = readFileSync(WORKFLOW, 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'newsdesk-workflow-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function validate(file: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [VALIDATOR, file], { encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, output: run.stdout + run.stderr };
}

/** A copy of the workflow with one edit, under the name GitHub would read it by. */
function brokenCopy(name: string, edit: (source: string) => string): string {
  const edited = edit(text);
  expect(edited, `the edit for ${name} changed nothing`).not.toBe(text);
  const file = join(scratch, `${name}.yml`);
  writeFileSync(file, edited);
  return file;
}

describe('the Electron workflow', { timeout: 180_000 }, () => {
  it('is a valid GitHub Actions workflow', () => {
    const { status, output } = validate(WORKFLOW);
    expect(output).toBe('');
    expect(status).toBe(0);
  });

  it('the validator rejects a broken one: a job without runs-on, a misspelt key, a step with two actions', () => {
    const noRunner = validate(brokenCopy('no-runner', (source) => source.replace(/^ {4}runs-on: .*\n/m, '')));
    expect(noRunner.status).toBe(1);
    expect(noRunner.output).toContain('"path": "/jobs/electron/runs-on"');

    const misspelt = validate(brokenCopy('misspelt', (source) => source.replace(/^ {4}steps:$/m, '    step:')));
    expect(misspelt.status).toBe(1);

    const twoActions = validate(brokenCopy('two-actions', (source) => source.replace('- uses: actions/checkout@v4', '- uses: actions/checkout@v4\n        run: echo both')));
    expect(twoActions.status).toBe(1);
  });

  it('runs on Linux under xvfb, macOS and Windows, with Node 22.12+', () => {
    expect(text.match(/^\s+os: (\S+)$/gm)?.map((line) => line.trim())).toEqual(['os: ubuntu-24.04', 'os: macos-15', 'os: windows-2025']);
    expect(text).toMatch(/run: xvfb-run /);
    expect(text).toMatch(/node-version: "22\.12"/);
  });

  it('installs with the binary, tests, builds the installers, then drives the packaged app, in that order', () => {
    const steps = [
      /run: npm ci --no-audit --no-fund$/m,
      /run: npx tsx build\/require-electron\.ts /m,
      /run: \$\{\{ matrix\.run \}\} npm test$/m,
      /run: npm run dist$/m,
      /NEWSDESK_PACKAGED_APP: .+\n\s+run: \$\{\{ matrix\.run \}\} npx playwright test --project=electron tests\/electron\/packaged-smoke\.spec\.ts$/m,
    ];
    const positions = steps.map((step) => text.search(step));
    expect(positions.every((at) => at >= 0), String(positions)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // The binary is downloaded here: nothing may skip it.
    expect(text).not.toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD/);
    for (const executable of ['dist/linux-unpacked/newsdesk', 'dist/mac-arm64/Newsdesk.app/Contents/MacOS/Newsdesk', 'dist/win-unpacked/Newsdesk.exe']) {
      expect(text).toContain(`packaged: ${executable}`);
    }
  });
});
