import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { IMAGE_NODE_TYPE, type ImageNodeJson } from '../../shared/model/photo-use';
import { DEFAULT_CREDIT_STYLE } from '../../shared/model/settings';
import { EXIFTOOL_MISSING_REASON, exiftoolAvailable, makePhotoFixture } from '../support/photo-fixtures';
import { creditOf, dropFilesOn, leadField, photos, pickFromDisk, pickFromLibrary } from './article-photos-helpers';
import { draftItem, newArticle, saved } from './drafting-helpers';
import { expect, test } from './harness/fixtures';
import type { HarnessApp } from './harness/launch';
import { field, openLibrary, tile } from './photo-library-helpers';

// The photo desk and the drafting desk side by side in one window: what one desk changes, the
// other sees, and nothing the person did is lost on the way.

test.skip(!exiftoolAvailable(), EXIFTOOL_MISSING_REASON);

const POOL_CREDIT = 'Gonzalo Fuentes/POOL/AFP via Getty Images';

async function fixture(): Promise<string> {
  return makePhotoFixture(await mkdtemp(join(tmpdir(), 'newsdesk-photo-review-')), 'iimAndXmp');
}

type Handlers = Record<string, (request: unknown) => Promise<unknown>>;

const showArticles = (page: Page) => page.getByRole('tab', { name: 'Articles' }).click();

async function storedPhotos(app: HarnessApp, id: string): Promise<ImageNodeJson[]> {
  const article = await app.services().drafts.get(id);
  return article.body.root.children.filter((node) => node.type === IMAGE_NODE_TYPE) as unknown as ImageNodeJson[];
}

test('a credit that follows the photo takes on an edit made in the Photos desk, and the article saves it', async ({ app }) => {
  const { page } = app;
  const body = await newArticle(page, 'Summit opens');
  await body.pressSequentially('Leaders arrived in the rain.');
  await body.press('Enter');
  await page.getByRole('button', { name: 'Insert photo' }).click();
  await pickFromDisk(app, await fixture());
  await expect(creditOf(photos(page).first())).toHaveValue(POOL_CREDIT);
  await saved(page);
  const id = (await draftItem(page, 'Summit opens').getAttribute('data-id'))!;
  await expect.poll(async () => (await storedPhotos(app, id))[0]?.credit).toBe(POOL_CREDIT);

  // A new session: the article is opened and not touched, the photo's creator is corrected.
  await app.restart();
  await draftItem(page, 'Summit opens').click();
  await expect(creditOf(photos(page).first())).toHaveValue(POOL_CREDIT);
  await openLibrary(page);
  await tile(page, 'iimAndXmp.jpg').click();
  const creator = field(page, 'creator').locator('input');
  await creator.fill('Ana Lopez');
  await creator.press('Tab');
  await expect(page.getByTestId('photo-save-state')).toHaveText('Saved');

  await showArticles(page);
  const followed = POOL_CREDIT.replace('Gonzalo Fuentes', 'Ana Lopez');
  await expect(creditOf(photos(page).first())).toHaveValue(followed);
  await expect.poll(async () => (await storedPhotos(app, id))[0]?.credit, { message: 'the followed credit is saved' }).toBe(followed);
});

test('a picture dropped into the text shows in the library the next time the Photos desk is shown', async ({ app }) => {
  const { page } = app;
  await openLibrary(page);
  await expect(page.getByRole('heading', { name: 'No photos yet' })).toBeVisible();
  await showArticles(page);
  const body = await newArticle(page, 'Harbour fire');
  await body.pressSequentially('Smoke over the docks.');
  await dropFilesOn(body, [await fixture()]);
  await expect(photos(page)).toHaveCount(1);

  await openLibrary(page);
  await expect(tile(page, 'iimAndXmp.jpg')).toBeVisible();
});

/**
 * Drops a picture on `target` in the article "First story" and opens "Second story" while main
 * still holds the picture's bytes, then lets the import finish.
 */
async function dropThenSwitch(app: HarnessApp, target: Locator): Promise<void> {
  const handlers = app.services().handlers as unknown as Handlers;
  const addFile = handlers['media:addFile']!;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let reached!: () => void;
  const held = new Promise<void>((resolve) => (reached = resolve));
  handlers['media:addFile'] = async (request) => {
    reached();
    await gate;
    return addFile(request);
  };
  try {
    await dropFilesOn(target, [await fixture()]);
    await held;
    await draftItem(app.page, 'Second story').click();
    await expect(app.page.getByTestId('editor-title')).toHaveText('Second story');
  } finally {
    release();
    handlers['media:addFile'] = addFile;
  }
}

async function twoArticles(page: Page): Promise<Locator> {
  await newArticle(page, 'Second story');
  await saved(page);
  const body = await newArticle(page, 'First story');
  await body.pressSequentially('The first one.');
  await saved(page);
  return body;
}

test('pictures dropped into an article that arrive after another article was opened are not lost without a word', async ({ app }) => {
  const { page } = app;
  const body = await twoArticles(page);
  await dropThenSwitch(app, body);

  await expect(page.getByTestId('toast').filter({ hasText: 'was closed before' })).toBeVisible({ timeout: 30_000 });
  await expect(photos(page)).toHaveCount(0); // never into the article that is open now
});

test('a picture dropped on the lead photo field that arrives after another article was opened does not become that article’s lead', async ({ app }) => {
  const { page } = app;
  await twoArticles(page);
  await dropThenSwitch(app, leadField(page));

  await expect(page.getByTestId('toast').filter({ hasText: 'was closed before' })).toBeVisible({ timeout: 30_000 });
  await expect(leadField(page).getByRole('button', { name: 'Choose…' })).toBeVisible();
  await saved(page);
  const second = (await draftItem(page, 'Second story').getAttribute('data-id'))!;
  expect((await app.services().drafts.get(second)).leadPhoto).toBeNull();
});

test('closing the window right after typing in a photo field waits for that edit to be saved', async ({ app }) => {
  const { page } = app;
  await openLibrary(page);
  app.pickFiles([await fixture()]);
  await page.getByRole('button', { name: 'Import…' }).click();
  await tile(page, 'iimAndXmp.jpg').click();
  const creator = field(page, 'creator').locator('input');
  await expect(creator).toHaveValue('Gonzalo Fuentes');
  const id = (await app.services().media.list({ text: '', filter: 'all', offset: 0, limit: 1 })).items[0]!.id;

  // Typed, then the window is closed at once, before the pause that saves a typing burst.
  const held = await creator.evaluate((input: HTMLInputElement) => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, 'Ana Lopez');
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const closing = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(closing);
    return closing.defaultPrevented;
  });
  expect(held, 'the close is held while the edit is unsaved').toBe(true);
  await expect.poll(async () => (await app.services().media.get(id)).metadata.creator).toBe('Ana Lopez');
});

test('when the article’s photos cannot be read from the library, the check says so instead of “Checking” for ever', async ({ app }) => {
  const { page } = app;
  const body = await newArticle(page, 'Flood warning');
  await body.pressSequentially('Rivers are rising.');
  await page.getByRole('button', { name: 'Insert photo' }).click();
  await pickFromDisk(app, await fixture());
  const summary = page.getByTestId('check-summary');
  await expect(summary).not.toHaveText('Checking photos…');

  const handlers = app.services().handlers as unknown as Handlers;
  const getMany = handlers['media:getMany']!;
  handlers['media:getMany'] = async () => {
    throw new Error('the library index is unreadable');
  };
  try {
    await page.getByRole('button', { name: 'Check before publishing' }).click();
    const panel = page.getByTestId('prepublish-panel');
    await expect(panel).toContainText('the library index is unreadable');
    await expect(summary).toHaveText('Photos could not be checked');
  } finally {
    handlers['media:getMany'] = getMany;
  }
  // Asking again once the library answers clears it.
  await page.getByRole('button', { name: 'Check before publishing' }).click();
  await expect(summary).not.toHaveText('Photos could not be checked');
  await expect(summary).not.toHaveText('Checking photos…');
});

test('credits that follow the house style are left alone while the desk’s own style cannot be read', async ({ app }) => {
  const { page } = app;
  const style = { ...DEFAULT_CREDIT_STYLE, pattern: 'Photo: {creator} ({agency})' };
  app.services().settings.update({ photoDesk: { credit: style, writeXmpOnExport: true } });
  await page.reload();
  const body = await newArticle(page, 'Storm season');
  await body.pressSequentially('Winds picked up overnight.');
  await body.press('Enter');
  await page.getByRole('button', { name: 'Insert photo' }).click();
  await pickFromDisk(app, await fixture());
  const photo = photos(page).first();
  await expect(creditOf(photo)).toHaveValue(/^Photo: Gonzalo Fuentes \(/);
  const inHouseStyle = await creditOf(photo).inputValue();
  await leadField(page).getByRole('button', { name: 'Choose…' }).click();
  await pickFromLibrary(page, 'iimAndXmp.jpg');
  await expect(creditOf(leadField(page))).toHaveValue(inHouseStyle);
  await saved(page);
  const id = (await draftItem(page, 'Storm season').getAttribute('data-id'))!;
  await expect.poll(async () => (await storedPhotos(app, id))[0]?.credit).toBe(inHouseStyle);

  const handlers = app.services().handlers as unknown as Handlers;
  const getSettings = handlers['settings:get']!;
  handlers['settings:get'] = async () => {
    throw new Error('the settings file is locked');
  };
  try {
    await page.reload();
    await draftItem(page, 'Storm season').click();
    await expect(photos(page)).toHaveCount(1);
    await expect(page.getByTestId('check-summary')).not.toHaveText('Checking photos…');
    await expect(creditOf(photos(page).first())).toHaveValue(inHouseStyle);
    await expect(creditOf(leadField(page))).toHaveValue(inHouseStyle);
    await expect(page.getByTestId('check-summary')).toHaveText('Photos could not be checked');
    await page.getByRole('button', { name: 'Check before publishing' }).click();
    await expect(page.getByTestId('prepublish-panel')).toContainText('the settings file is locked');
  } finally {
    handlers['settings:get'] = getSettings;
  }
  const stored = await app.services().drafts.get(id);
  expect(stored.leadPhoto?.credit).toBe(inHouseStyle);
  expect((await storedPhotos(app, id))[0]?.credit).toBe(inHouseStyle);
});

test('the photo editor’s XMP checkbox takes a click at once and keeps it once saved', async ({ app }) => {
  const { page } = app;
  await openLibrary(page);
  app.pickFiles([await fixture()]);
  await page.getByRole('button', { name: 'Import…' }).click();
  await tile(page, 'iimAndXmp.jpg').click();
  const option = page.getByTestId('photo-editor').getByLabel('Write credit, creator and copyright into exported and published copies');
  await expect(option).toBeChecked();
  await option.uncheck();
  await expect.poll(() => app.services().settings.get().photoDesk.writeXmpOnExport).toBe(false);
  await expect(option).not.toBeChecked();
  await option.check();
  await expect.poll(() => app.services().settings.get().photoDesk.writeXmpOnExport).toBe(true);
  await expect(option).toBeChecked();
});
