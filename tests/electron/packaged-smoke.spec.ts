import { cpSync, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import fuses from '@electron/fuses';
import { EXIFTOOL_MISSING_REASON, exiftoolAvailable, makePhotoFixture } from '../support/photo-fixtures';
import { launchTarget, ui, type LaunchTarget } from './electron-app';

/**
 * The packaged app, as `npm run dist` made it (asar, fuses, the unpacked sharp, only the files the
 * app needs): it starts, keeps a draft across a restart, imports a JPEG with its credit and
 * thumbnail, and quits with unsaved edits pending. .github/workflows/electron.yml runs it on Linux,
 * macOS and Windows; locally, after `npm run dist`:
 *   NEWSDESK_PACKAGED_APP=dist/linux-unpacked/newsdesk npx playwright test --project=electron tests/electron/packaged-smoke.spec.ts
 * (dist/mac-arm64/Newsdesk.app/Contents/MacOS/Newsdesk, dist/win-unpacked/Newsdesk.exe elsewhere).
 *
 * Playwright drives Electron through Node's inspector (`--inspect=0`), which the packaged app's
 * fuses switch off. So the spec runs a copy of the packaged app in which only that one fuse is
 * switched back on (re-signed ad hoc on macOS, as electron-builder does); the app itself, its asar
 * and every other fuse are the packaged ones, and the original is checked to have the fuse off.
 */
const PACKAGED = process.env.NEWSDESK_PACKAGED_APP ?? '';
const skipReason = PACKAGED === ''
  ? 'NEWSDESK_PACKAGED_APP is not set (the path of a packaged Newsdesk executable, made by `npm run dist`)'
  : '';
if (skipReason) console.log(`[tests/electron/packaged-smoke] skipped. ${skipReason}`);

/** The folder holding the whole app (the .app bundle on macOS) and the executable's path inside it. */
function appBundle(executable: string): { root: string; executable: string } {
  const app = executable.lastIndexOf('.app/');
  if (app !== -1) return { root: executable.slice(0, app + 4), executable: executable.slice(app + 5) };
  return { root: dirname(executable), executable: basename(executable) };
}

async function inspectableCopy(executable: string, into: string): Promise<LaunchTarget> {
  const bundle = appBundle(executable);
  const copy = join(into, basename(bundle.root));
  // verbatimSymlinks: a macOS framework is made of relative links that must stay links.
  cpSync(bundle.root, copy, { recursive: true, verbatimSymlinks: true });
  const copied = join(copy, bundle.executable);
  await fuses.flipFuses(copied, {
    version: fuses.FuseVersion.V1,
    resetAdHocDarwinSignature: process.platform === 'darwin',
    [fuses.FuseV1Options.EnableNodeCliInspectArguments]: true,
  });
  return { executablePath: copied, args: [] };
}

test.describe('the packaged app', () => {
  test.skip(Boolean(skipReason), skipReason);
  test.describe.configure({ mode: 'serial' });

  let workDir: string;
  let userDataDir: string;
  let target: LaunchTarget;
  let app: ElectronApplication;
  let page: Page;
  const headline = `Harbour plan approved ${Date.now()}`;

  test.beforeAll(async () => {
    expect(existsSync(PACKAGED), `NEWSDESK_PACKAGED_APP=${PACKAGED} does not exist: run \`npm run dist\` first`).toBe(true);
    const wire = await fuses.getCurrentFuseWire(PACKAGED);
    // 48 is '0': the fuse is off in what ships (RunAsNode, NODE_OPTIONS, --inspect).
    expect([0, 2, 3].map((fuse) => wire[fuse as keyof typeof wire])).toEqual([48, 48, 48]);
    workDir = await mkdtemp(join(tmpdir(), 'newsdesk-packaged-'));
    userDataDir = join(workDir, 'user-data');
    target = await inspectableCopy(PACKAGED, workDir);
    ({ app, page } = await launchTarget(target, userDataDir));
  });

  test.afterAll(async () => {
    await app?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  async function restart(): Promise<void> {
    await app.close();
    ({ app, page } = await launchTarget(target, userDataDir));
  }

  /** Opens the draft from the list, unless the app already reopened it. */
  async function openDraft(): Promise<void> {
    await page.getByRole('tab', { name: 'Articles' }).click();
    if ((await ui.headline(page).isVisible()) && (await ui.headline(page).inputValue()) === headline) return;
    await page.getByTestId('draft-item').filter({ hasText: headline }).click();
    await expect(ui.headline(page)).toHaveValue(headline);
  }

  test('the window shows, served from app:// by the packaged (asar) app', async () => {
    await expect(ui.newArticle(page)).toBeVisible();
    expect(page.url()).toBe('app://newsdesk/index.html');
    const shell = await app.evaluate(({ app: electronApp, BrowserWindow }) => ({
      packaged: electronApp.isPackaged,
      appPath: electronApp.getAppPath(),
      visible: BrowserWindow.getAllWindows().map((win) => win.isVisible()),
    }));
    expect(shell.packaged).toBe(true);
    expect(basename(shell.appPath)).toBe('app.asar');
    expect(shell.visible).toEqual([true]);
  });

  test('a draft saves and reopens after a restart', async () => {
    await ui.newArticle(page).click();
    await ui.headline(page).fill(headline);
    await ui.body(page).click();
    await page.keyboard.type('The vote was unanimous.');
    await page.keyboard.press('ControlOrMeta+s');
    await expect(page.getByTestId('save-state')).toHaveText('Saved');

    await restart();
    await openDraft();
    await expect(ui.body(page)).toContainText('The vote was unanimous.');
  });

  test('a JPEG imports with its credit and its thumbnail', async () => {
    test.skip(!exiftoolAvailable(), EXIFTOOL_MISSING_REASON);
    const file = await makePhotoFixture(workDir, 'iimAndXmp');
    // A native file dialog cannot be driven: main's dialog answers with the fixture.
    await app.evaluate(({ dialog }, filePaths) => {
      dialog.showOpenDialog = (async () => ({ canceled: false, filePaths })) as unknown as typeof dialog.showOpenDialog;
    }, [file]);
    await page.getByRole('tab', { name: 'Photos' }).click();
    await page.getByRole('button', { name: 'Import…' }).click();
    await expect(page.getByTestId('import-summary').last()).toContainText('Import finished', { timeout: 30_000 });
    const tile = page.getByTestId('photo-tile').first();
    await expect(tile).toContainText('Gonzalo Fuentes/POOL/AFP via Getty Images');
    const image = tile.locator('img');
    await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await image.evaluate((img) => (img as HTMLImageElement).currentSrc)).toMatch(/^app:\/\/newsdesk\/media\/[0-9a-f]{64}\/thumbnail(\?.*)?$/);
  });

  test('quitting with unsaved edits pending completes, and the edits are kept', async () => {
    await openDraft();
    await ui.body(page).click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type(' Work starts in spring.');
    // No wait for the autosave: the edit is still pending when Quit is chosen.
    const running = app.process();
    const exited = new Promise<number | null>((done) => running.once('exit', (code) => done(code)));
    await app.evaluate(({ app: electronApp }) => setImmediate(() => electronApp.quit())).catch(() => undefined);
    await expect.poll(() => running.exitCode ?? running.signalCode, { message: 'the app is still running after Quit', timeout: 30_000 }).not.toBeNull();
    expect(await exited).toBe(0);

    ({ app, page } = await launchTarget(target, userDataDir));
    await openDraft();
    await expect(ui.body(page)).toContainText('Work starts in spring.');
  });
});
