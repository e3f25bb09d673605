import { join, resolve } from 'node:path';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { findElectronBinary } from '../../build/electron-binary';

/**
 * Launching the real Electron app for the specs in this folder: the built bundle
 * (out/main/index.js, via package.json "main") in the real binary. The specs run only where an
 * Electron binary is installed; elsewhere they are skipped with the reason, and the shell is covered
 * by tests/unit/shell against the fake electron module.
 */

export const ROOT = resolve(import.meta.dirname, '../..');
export const MAIN_BUNDLE = join(ROOT, 'out/main/index.js');

// Found as `npm start` finds it (build/electron-binary.ts), never by requiring `electron`, which downloads.
const electron = findElectronBinary(ROOT, process.env);
export const skipReason = electron.kind === 'missing' ? `Electron binary not installed here: ${electron.what} (\`${electron.fix}\` installs it)` : '';
if (skipReason) console.log(`[tests/electron] skipped. ${skipReason}`);

// The drafting flow's controls, by their accessible names (renderer/src/features, renderer/src/editor).
export const ui = {
  newArticle: (page: Page) => page.getByRole('button', { name: 'New article' }),
  headline: (page: Page) => page.getByLabel('Headline', { exact: true }),
  body: (page: Page) => page.getByRole('textbox', { name: 'Article body' }),
};

/** What to start: an Electron executable and the arguments before the test's own. */
export interface LaunchTarget {
  executablePath: string;
  args: string[];
}

/** The built bundle in the installed binary: Electron reads the repo root's package.json ("main": out/main/index.js). */
export function unpackagedTarget(): LaunchTarget {
  return { executablePath: electron.kind === 'installed' ? electron.path : '', args: [ROOT] };
}

export async function launch(userDataDir: string): Promise<{ app: ElectronApplication; page: Page }> {
  return launchTarget(unpackagedTarget(), userDataDir);
}

export async function launchTarget(target: LaunchTarget, userDataDir: string): Promise<{ app: ElectronApplication; page: Page }> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  // The built renderer, never a dev server; and Electron as Electron, not as Node.
  delete env.ELECTRON_RENDERER_URL;
  delete env.ELECTRON_RUN_AS_NODE;
  const app = await _electron.launch({
    executablePath: target.executablePath,
    // --user-data-dir keeps the test away from the developer's real drafts.
    args: [...target.args, `--user-data-dir=${userDataDir}`],
    cwd: ROOT,
    env,
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}
