import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { dismissToasts, openDialog, queueJobsToAnOfflineSite, SCREENS } from './desktop-helpers';
import { openFeedsDesk, seedRealisticBoard } from './feed-board-helpers';
import { altOf, captionOf, creditOf, photos, pickFromLibrary } from './article-photos-helpers';

// Light and dark: the Preferences' choice (kept across restarts), the OS's when it is "system",
// and every desk in dark, photographed for review.

const theme = (page: Page) => page.locator('html');

/** The page's background and text colours as the browser computed them. */
async function colours(page: Page, selector: string): Promise<{ background: string; color: string }> {
  return page.locator(selector).first().evaluate((element) => {
    const style = getComputedStyle(element);
    return { background: style.backgroundColor, color: style.color };
  });
}

async function openPreferences(page: Page) {
  await expect(page.getByRole('tab', { name: 'Articles' }).or(page.getByTestId('article-window'))).toBeVisible(); // the window is up
  await page.keyboard.press('Control+,');
  const dialog = openDialog(page, 'preferences');
  await expect(dialog).toBeVisible();
  return dialog;
}

async function openDraft(page: Page, headline: string): Promise<void> {
  await page.getByRole('tab', { name: 'Articles' }).click();
  await page.getByTestId('draft-item').filter({ hasText: headline }).getByRole('button').first().click();
  await expect(page.getByTestId('editor-title')).toHaveText(headline);
}

test('dark chosen in Preferences applies at once, stays after a restart, and every desk reads in it', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await seedRealisticBoard(app.services());
  await page.reload();
  await expect(theme(page)).toHaveAttribute('data-theme', 'light');

  const preferences = await openPreferences(page);
  await preferences.getByRole('radio', { name: 'Dark' }).check();
  await expect(theme(page)).toHaveAttribute('data-theme', 'dark');
  await expect(preferences.getByRole('alert')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/preferences.png` });
  await preferences.getByRole('button', { name: 'Done' }).click();

  await app.restart();
  await expect(page.getByRole('tab', { name: 'Articles' })).toBeVisible();
  await expect(theme(page)).toHaveAttribute('data-theme', 'dark');
  expect((await colours(page, 'body')).background).toBe('rgb(22, 22, 24)');

  // The drafting desk: list, toolbar, text with a photo and its caption, details, status bar.
  await openDraft(page, 'Harbour bridge reopens after six months of repairs');
  const body = page.getByTestId('article-body');
  await body.click();
  await body.pressSequentially('Traffic returned to the bridge at six this morning. ');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Alt+2');
  await body.pressSequentially('What changed');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Block quote' }).click();
  await body.pressSequentially('It is stronger than ever, the engineer said.');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  // Insert › Photo from the menu: a figure with its caption, credit and alt text in the text.
  await app.emit('menu:command', { command: 'photo:insert' });
  await pickFromLibrary(page, 'scene-6');
  const figure = photos(page).first();
  await captionOf(figure).click();
  await captionOf(figure).pressSequentially('Cars cross the reopened bridge at dawn.');
  await creditOf(figure).fill('Staff/Newsdesk');
  await altOf(figure).fill('Cars on the bridge.');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.getByRole('button', { name: 'Check before publishing' }).click();
  await dismissToasts(page);
  await altOf(figure).evaluate((field) => field.scrollIntoView({ block: 'end' }));
  await page.screenshot({ path: `${SCREENS}/dark-editor.png` });
  expect((await colours(page, '.nd-main')).background).toBe('rgb(31, 31, 34)');

  // A menu (the Export button's) over the dark desk.
  await page.getByRole('button', { name: 'Export' }).click();
  await expect(page.getByRole('menu', { name: 'Export' })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/dark-menu.png` });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu', { name: 'Export' })).toHaveCount(0);

  // The publish panel, from the menu, with its check and plan.
  await app.emit('menu:command', { command: 'article:publish' });
  await expect(openDialog(page, 'publish-panel')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/dark-publish-panel.png` });
  await page.keyboard.press('Escape');
  await expect(openDialog(page, 'publish-panel')).toHaveCount(0);

  // The reader's page stays paper white inside the dark desk.
  await page.keyboard.press('Control+Alt+P');
  await expect(page.getByTestId('article-preview')).toBeVisible();
  expect((await colours(page, '[data-testid="article-preview"]')).background).toBe('rgb(255, 255, 255)');
  await page.screenshot({ path: `${SCREENS}/dark-article-preview.png` });
  await page.keyboard.press('Control+Alt+P');

  await openFeedsDesk(page);
  await page.screenshot({ path: `${SCREENS}/dark-board.png` });
  await page.getByRole('button', { name: 'Preview feed' }).click();
  await expect(page.getByTestId('feed-item-headline').first()).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/dark-preview.png` });
  await page.getByRole('button', { name: 'Preview feed' }).click();

  await page.getByRole('tab', { name: 'Photos' }).click();
  await page.getByTestId('photo-tile').first().click();
  await expect(page.getByTestId('photo-editor')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/dark-photos.png` });
  await app.emit('menu:command', { command: 'photo:edit-credit-style' });
  const creditStyle = page.locator('dialog[open].nd-credit-style');
  await expect(creditStyle).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/dark-credit-style.png` });
  await page.keyboard.press('Escape');
  await expect(creditStyle).toHaveCount(0);

  const ids = await page.getByTestId('draft-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-id')!).slice(0, 2));
  await queueJobsToAnOfflineSite(app, ids);
  await page.getByRole('tab', { name: 'Outbox' }).click();
  await expect(page.getByTestId('outbox-job')).toHaveCount(2);
  await dismissToasts(page);
  await page.screenshot({ path: `${SCREENS}/dark-outbox.png` });

  // Back to light, for comparison.
  const again = await openPreferences(page);
  await again.getByRole('radio', { name: 'Light' }).check();
  await expect(theme(page)).toHaveAttribute('data-theme', 'light');
  await again.getByRole('button', { name: 'Done' }).click();
  await openDraft(page, 'Harbour bridge reopens after six months of repairs');
  await page.getByRole('button', { name: 'Check before publishing' }).click();
  await dismissToasts(page);
  await page.screenshot({ path: `${SCREENS}/light-editor.png` });
});

test('"Same as the system" follows the OS, and an explicit choice overrides it', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('tab', { name: 'Articles' })).toBeVisible();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(theme(page)).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(theme(page)).toHaveAttribute('data-theme', 'light');
  // Main says the OS switched (Electron's nativeTheme "updated").
  await app.emit('theme:changed', { dark: true });
  await expect(theme(page)).toHaveAttribute('data-theme', 'dark');
  await app.emit('theme:changed', { dark: false });
  await expect(theme(page)).toHaveAttribute('data-theme', 'light');

  // Light chosen: the OS's dark no longer applies, after a restart either.
  const preferences = await openPreferences(page);
  await preferences.getByRole('radio', { name: 'Light' }).check();
  await preferences.getByRole('button', { name: 'Done' }).click();
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.restart();
  await expect(page.getByRole('tab', { name: 'Articles' })).toBeVisible();
  await expect(theme(page)).toHaveAttribute('data-theme', 'light');

  // Back to the system: dark again at once.
  const again = await openPreferences(page);
  await again.getByRole('radio', { name: 'Same as the system' }).check();
  await expect(theme(page)).toHaveAttribute('data-theme', 'dark');
});

test('the spelling languages are chosen in order, at most five, and kept', async ({ app }) => {
  const { page } = app;
  const preferences = await openPreferences(page);
  const add = async (label: string) => {
    await preferences.getByLabel('Spelling language to add').selectOption({ label });
    await preferences.getByRole('button', { name: 'Add', exact: true }).click();
  };
  await add('English (UK) (en-GB)');
  await add('French (fr)');
  await add('German (de)');
  await preferences.getByRole('button', { name: 'Move German up' }).click();
  const chosen = preferences.getByRole('list', { name: 'Chosen spelling languages' }).getByRole('listitem');
  await expect(chosen).toHaveText([/English \(UK\)/, /German/, /French/]);
  await add('Spanish (es)');
  await add('Dutch (nl)');
  await expect(preferences.getByLabel('Spelling language to add')).toBeDisabled();
  await preferences.getByRole('button', { name: 'Remove Spanish' }).click();
  await expect(preferences.getByLabel('Spelling language to add')).toBeEnabled();
  await preferences.getByRole('button', { name: 'Done' }).click();

  await app.restart();
  await expect(page.getByRole('tab', { name: 'Articles' })).toBeVisible();
  const stored = await page.evaluate(async () => {
    const result = await window.newsdesk['settings:get']({});
    return result.ok ? result.value.desktop.spellcheckLanguages : null;
  });
  expect(stored).toEqual(['en-GB', 'de', 'fr', 'nl']);
  const reopened = await openPreferences(page);
  await expect(reopened.getByRole('list', { name: 'Chosen spelling languages' }).getByRole('listitem')).toHaveText([/English \(UK\)/, /German/, /French/, /Dutch/]);
});
