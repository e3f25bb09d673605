import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Electronegativity (@doyensec/electronegativity) through its Node API, offline. The tool fetches
 * two things over the network: translations of its messages (falling back to its bundled English
 * when that fails) and GitHub's list of Electron releases (for AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK,
 * which is about how recent Electron is, not about the app's code). Both go through the `got`
 * package; it is replaced in the tool's module cache by a stub that refuses every request, so a
 * scan is the same with or without a network and never phones home. The release check is left out.
 */
const require = createRequire(import.meta.url);
const PACKAGE_DIR = dirname(require.resolve('@doyensec/electronegativity/package.json'));

export type Severity = 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL';
export interface Finding {
  id: string;
  severity: Severity;
  confidence: 'CERTAIN' | 'FIRM' | 'TENTATIVE';
  /** Relative to the scanned folder, with forward slashes; "N/A" for app-wide findings. */
  file: string;
  line: number;
  column: number;
  manualReview: boolean;
  description: string;
}
export interface ScanResult {
  /** Names of the checks that ran (atomic ones per file, global ones over all findings). */
  checks: { atomic: string[]; global: string[] };
  findings: Finding[];
  /** Files that could not be parsed (a file the tool cannot read is a file it did not check). */
  errors: { file: string; message: string; tolerable: boolean }[];
  /** Every URL the tool tried to fetch (and was refused). */
  refusedRequests: string[];
}

/** Checks left out of every scan, with the reason (check class names as Electronegativity spells them). */
export const EXCLUDED_CHECKS: Readonly<Record<string, string>> = {
  AvailableSecurityFixesGlobalCheck:
    "Needs GitHub's Electron release list (network). Electron's patch level is a dependency update, not app configuration.",
};

interface RawIssue {
  id: string;
  severity: { name: Severity };
  confidence: { name: Finding['confidence'] };
  file: string;
  location: { line: number; column: number };
  manualReview?: boolean;
  description?: string;
}
type Runner = (options: Record<string, unknown>, forCli: boolean) => Promise<{ issues: RawIssue[]; errors: ScanResult['errors'] }>;

const refusedRequests: string[] = [];
let runner: Runner | null = null;

function loadOffline(): Runner {
  if (runner) return runner;
  const gotPath = require.resolve('got', { paths: [PACKAGE_DIR] });
  const refuse = (url: unknown): Promise<never> => {
    refusedRequests.push(String(url));
    return Promise.reject(new Error('Network access is disabled for Electronegativity in tests.'));
  };
  const offlineGot = Object.assign(refuse, { head: refuse, get: refuse, post: refuse });
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offlineGot } as unknown as NodeJS.Module;
  const loaded = require(join(PACKAGE_DIR, 'dist/runner.js')) as { default?: Runner } & Runner;
  runner = loaded.default ?? loaded;
  return runner;
}

function checkNames(): { atomic: string[]; global: string[] } {
  const atomic = (require(join(PACKAGE_DIR, 'dist/finder/checks/AtomicChecks/index.js')) as { CHECKS: { name: string }[] }).CHECKS;
  const global = (require(join(PACKAGE_DIR, 'dist/finder/checks/GlobalChecks/index.js')) as { GLOBAL_CHECKS: { name: string }[] }).GLOBAL_CHECKS;
  const excluded = new Set(Object.keys(EXCLUDED_CHECKS));
  return { atomic: atomic.map((c) => c.name), global: global.map((c) => c.name).filter((name) => !excluded.has(name)) };
}

/** The installed Electronegativity's version, for the summary. */
export function toolVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string }).version;
}

export function electronVersion(): string {
  return (JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string }).version;
}

/** Scans a folder with every check (the release check aside) at every severity and confidence. */
export async function scanWithElectronegativity(input: string): Promise<ScanResult> {
  const run = loadOffline();
  const before = refusedRequests.length;
  // The tool prints its fallback notices with console.log; they say nothing about the app.
  const log = console.log;
  console.log = () => undefined;
  let result: Awaited<ReturnType<Runner>>;
  try {
    result = await run(
      {
        input,
        customScan: [],
        excludeFromScan: Object.keys(EXCLUDED_CHECKS).map((name) => name.toLowerCase()),
        isRelative: true,
        electronVersionOverride: electronVersion(),
        parserPlugins: [],
      },
      false,
    );
  } finally {
    console.log = log;
  }
  return {
    checks: checkNames(),
    errors: result.errors,
    refusedRequests: refusedRequests.slice(before),
    findings: result.issues.map((issue) => ({
      id: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      file: issue.file.split('\\').join('/'),
      line: issue.location.line,
      column: issue.location.column,
      manualReview: issue.manualReview === true,
      description: issue.description ?? '',
    })),
  };
}

interface CspEvaluatorModule {
  CspParser: new (policy: string) => { csp: unknown };
  CspEvaluator: new (csp: unknown, version: unknown) => { evaluate(): { severity: number; directive: string; description: string }[] };
  Version: { CSP3: unknown };
  severities: Record<string, number>;
}

/** The CSP evaluator CSP_GLOBAL_CHECK uses (@doyensec/csp-evaluator), over a policy it cannot find itself. */
export function evaluateCsp(policy: string): { severity: string; directive: string; description: string }[] {
  const csp = require(require.resolve('@doyensec/csp-evaluator', { paths: [PACKAGE_DIR] })) as CspEvaluatorModule;
  const names = new Map(Object.entries(csp.severities).map(([name, value]) => [value, name]));
  return new csp.CspEvaluator(new csp.CspParser(policy).csp, csp.Version.CSP3)
    .evaluate()
    .map((finding) => ({ severity: names.get(finding.severity) ?? String(finding.severity), directive: finding.directive, description: finding.description }));
}
