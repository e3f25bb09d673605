import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';

/**
 * Launching the real Electron app for the specs in this folder: the built bundle
 * (out/main/index.js, via package.json "main") in the real binary. The specs run only where an
 * Electron binary is installed; elsewhere they are skipped with the reason, and the shell is covered
 * by tests/unit/shell against the fake electron module.
 */

export const ROOT = resolve(import.meta.dirname, '../..');
export const MAIN_BUNDLE = join(ROOT, 'out/main/index.js');

/**
 * Finds the binary the way node_modules/electron/index.js does (path.txt + dist/, or
 * ELECTRON_OVERRIDE_DIST_PATH) without requiring that module, which downloads a missing binary.
 */
function findElectronBinary(): { path: string } | { missing: string } {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { missing: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = join(override, executable || 'electron');
    return existsSync(binary) ? { path: binary } : { missing: `${binary} (from ELECTRON_OVERRIDE_DIST_PATH) does not exist` };
  }
  if (!executable) return { missing: `${pathFile} does not exist (the binary was never downloaded)` };
  const binary = join(packageDir, 'dist', executable);
  return existsSync(binary) ? { path: binary } : { missing: `${binary} does not exist` };
}

const electron = findElectronBinary();
export const skipReason = 'missing' in electron ? `Electron binary not installed here: ${electron.missing}` : '';
if (skipReason) console.log(`[tests/electron] skipped. ${skipReason}`);

// The drafting flow's controls, by their accessible names (renderer/src/features, renderer/src/editor).
export const ui = {
  newArticle: (page: Page) => page.getByRole('button', { name: 'New article' }),
  headline: (page: Page) => page.getByLabel('Headline', { exact: true }),
  body: (page: Page) => page.getByRole('textbox', { name: 'Article body' }),
};

export async function launch(userDataDir: string): Promise<{ app: ElectronApplication; page: Page }> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  // The built renderer, never a dev server; and Electron as Electron, not as Node.
  delete env.ELECTRON_RENDERER_URL;
  delete env.ELECTRON_RUN_AS_NODE;
  const app = await _electron.launch({
    executablePath: (electron as { path: string }).path,
    // The repo root: Electron reads package.json ("main": out/main/index.js, name, productName).
    // --user-data-dir keeps the test away from the developer's real drafts.
    args: [ROOT, `--user-data-dir=${userDataDir}`],
    cwd: ROOT,
    env,
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}
