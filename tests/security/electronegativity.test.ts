import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security/csp';
import { EXCLUDED_CHECKS, electronVersion, evaluateCsp, scanWithElectronegativity, toolVersion, type Finding, type ScanResult } from './support/electronegativity';
import { launchApp, openEveryWindowKind } from './support/launch-app';

vi.mock('electron-store', () => import('./support/memory-store'));

/**
 * Electronegativity over the app's own code: the main process, the preload, the renderer and
 * shared/, scanned as TypeScript source rather than the build. The source gives findings in the
 * files people edit (exceptions stay valid from one build to the next), the built preload is a .cjs
 * file the tool does not read at all, and the renderer bundle is mostly React and Lexical.
 *
 * The tool recognises a window only in `new BrowserWindow({...})` written out; the app passes the
 * class in (window/main-window.ts), so the options each window was really made with, as recorded
 * by the fake electron, are added to the scan as one generated file.
 */

const SCANNED = ['electron', 'renderer', 'shared', 'package.json'];
const GENERATED_WINDOWS = 'generated/effective-browser-windows.js';
const FAILING = new Set(['HIGH', 'MEDIUM']);

const Exceptions = z
  .array(
    z
      .object({
        check: z.string().regex(/^[A-Z0-9_]+$/),
        file: z.string().min(1),
        reason: z.string().min(60, 'Say why the finding does not apply, and where that is proven'),
      })
      .strict(),
  )
  .min(0);
type Exception = z.infer<typeof Exceptions>[number];

let stage: string;
let scan: ScanResult;
let exceptions: Exception[];
let scannedFiles: string[];
let windowCount = 0;

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}

/** The options of every window the running app creates, as a file Electronegativity can read. */
async function effectiveWindowsSource(): Promise<string> {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  const launched = await launchApp();
  try {
    await openEveryWindowKind(launched);
    const windows = launched.windows.map((win) => `new BrowserWindow(${JSON.stringify(win.options, null, 2)});`);
    windowCount = windows.length;
    return [
      '// Generated for the scan by tests/security/electronegativity.test.ts: the options each window was made with.',
      "const { BrowserWindow } = require('electron');",
      ...windows,
      '',
    ].join('\n');
  } finally {
    await launched.quit();
    vi.restoreAllMocks();
  }
}

const matches = (exception: Exception, finding: Finding): boolean => exception.check === finding.id && exception.file === finding.file;

beforeAll(async () => {
  stage = await mkdtemp(join(tmpdir(), 'newsdesk-electronegativity-'));
  for (const entry of SCANNED) await cp(entry, join(stage, entry), { recursive: true });
  await mkdir(join(stage, 'generated'));
  await writeFile(join(stage, GENERATED_WINDOWS), await effectiveWindowsSource());
  scannedFiles = (await listFiles(stage)).filter((f) => /\.(tsx?|jsx?|html?)$/.test(f) || f.endsWith('package.json'));
  scan = await scanWithElectronegativity(stage);
  exceptions = Exceptions.parse(JSON.parse(await readFile('tests/security/electronegativity-exceptions.json', 'utf8')));
}, 120_000);
afterAll(async () => {
  if (stage) await rm(stage, { recursive: true, force: true });
});

describe('Electronegativity', () => {
  it('scans the whole app offline and parses every file', () => {
    expect(scan.errors).toEqual([]);
    expect(scan.checks.atomic.length).toBeGreaterThan(30);
    expect(scannedFiles).toContain('electron/main/index.ts');
    expect(scannedFiles).toContain('electron/preload/index.ts');
    expect(scannedFiles).toContain('renderer/index.html');
    expect(scannedFiles).toContain(GENERATED_WINDOWS);
    // Only the translation download was attempted, and refused.
    expect(scan.refusedRequests.every((url) => url.includes('electronegativity-i18n'))).toBe(true);

    const bySeverity = (severity: string): number => scan.findings.filter((f) => f.severity === severity).length;
    const justified = scan.findings.filter((f) => FAILING.has(f.severity) && exceptions.some((e) => matches(e, f)));
    const lines = [
      `[security] Electronegativity ${toolVersion()} on Electron ${electronVersion()}: ` +
        `${scannedFiles.length} files (source of ${SCANNED.join(', ')}, plus the options of ${windowCount} windows as the app made them), ` +
        `${scan.checks.atomic.length} atomic + ${scan.checks.global.length} global checks ` +
        `(left out: ${Object.keys(EXCLUDED_CHECKS).join(', ')})`,
      `[security] findings: HIGH ${bySeverity('HIGH')}, MEDIUM ${bySeverity('MEDIUM')}, LOW ${bySeverity('LOW')}, INFORMATIONAL ${bySeverity('INFORMATIONAL')}; ` +
        `HIGH/MEDIUM justified in electronegativity-exceptions.json: ${justified.length}`,
      ...scan.findings.map((f) => `[security]   ${f.severity} ${f.id} ${f.file}:${f.line}:${f.column}${exceptions.some((e) => matches(e, f)) ? ' (justified)' : ''}`),
      `[security] checks: ${[...scan.checks.atomic, ...scan.checks.global].join(', ')}`,
    ];
    console.info(lines.join('\n'));
  });

  it('finds no HIGH or MEDIUM issue that is not justified in electronegativity-exceptions.json', () => {
    const unjustified = scan.findings
      .filter((f) => FAILING.has(f.severity) && !exceptions.some((e) => matches(e, f)))
      .map((f) => `${f.severity} ${f.id} at ${f.file}:${f.line}:${f.column}: ${f.description}`);
    expect(unjustified).toEqual([]);
  });

  it('keeps no stale exception: each one still matches a HIGH or MEDIUM finding', () => {
    const stale = exceptions
      .filter((e) => !scan.findings.some((f) => FAILING.has(f.severity) && matches(e, f)))
      .map((e) => `${e.check} in ${e.file}`);
    expect(stale).toEqual([]);
  });

  it('is never silenced in the code itself: exceptions live in the checked-in file, with their reasons', async () => {
    const silenced: string[] = [];
    for (const file of scannedFiles) {
      if (/eng-disable/.test(await readFile(join(stage, file), 'utf8'))) silenced.push(file);
    }
    expect(silenced).toEqual([]);
  });

  it("rates the policy the app serves no worse than 'maybe medium' with the tool's own CSP evaluator", () => {
    const evaluated = evaluateCsp(CONTENT_SECURITY_POLICY);
    console.info(`[security] CSP evaluator on the served policy: ${evaluated.map((f) => `${f.severity} ${f.directive}: ${f.description}`).join('; ') || 'no findings'}`);
    expect(evaluated.filter((f) => !['MEDIUM_MAYBE', 'STRICT_CSP', 'INFO', 'NONE'].includes(f.severity))).toEqual([]);
  });

  it('flags a window with the protections switched off (the scan can fail)', async () => {
    const weak = await mkdtemp(join(tmpdir(), 'newsdesk-electronegativity-weak-'));
    try {
      await writeFile(
        join(weak, 'main.js'),
        [
          "const { BrowserWindow } = require('electron');",
          'new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } });',
        ].join('\n'),
      );
      const ids = new Set((await scanWithElectronegativity(weak)).findings.filter((f) => FAILING.has(f.severity)).map((f) => f.id));
      // The two global checks fire because this app installs no navigation limit and no permission handler.
      const expected = ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK'];
      for (const id of expected) {
        expect([...ids], id).toContain(id);
      }
    } finally {
      await rm(weak, { recursive: true, force: true });
    }
  });
});
