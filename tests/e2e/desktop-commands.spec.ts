import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { expect, test } from './harness/fixtures';
import type { HarnessApp } from './harness/launch';
import { openDialog, recordingDesktop, type RecordingDesktop } from './desktop-helpers';
import { importPhotos, scenePhoto, seedArticle } from './feed-board-helpers';
import type { MenuCommand } from '../../shared/ipc/events';

// The application menu as main drives it: each command arrives as a `menu:command` event (the
// harness's emit, as webContents.send), runs what the matching button or shortcut runs, and the
// window tells main what it shows so the menu can disable what does not apply.

const command = (app: HarnessApp, name: MenuCommand) => app.emit('menu:command', { command: name });

async function launchWithShell(launch: (options?: { desktop?: RecordingDesktop['shell'] }) => Promise<HarnessApp>) {
  const desktop = recordingDesktop();
  const app = await launch({ desktop: desktop.shell });
  await expect(app.page.getByRole('tab', { name: 'Articles' })).toBeVisible();
  return { app, desktop, page: app.page };
}

test('menu commands start an article, find, switch desks, publish and open the preferences', async ({ launch }) => {
  const { app, page } = await launchWithShell(launch);

  // With nothing open, the article commands find nothing to act on, and nothing breaks.
  for (const name of ['article:save', 'article:publish', 'article:trash', 'article:preview', 'article:export-html'] as const) await command(app, name);
  await expect(page.getByRole('heading', { name: 'No article open' })).toBeVisible();
  await expect(page.locator('dialog[open]')).toHaveCount(0);

  // File › New from another desk: the drafting desk comes forward with a new article.
  await command(app, 'view:feeds');
  await expect(page.getByRole('tab', { name: 'Feeds' })).toHaveAttribute('aria-selected', 'true');
  await command(app, 'article:new');
  await expect(page.getByRole('tab', { name: 'Articles' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Headline')).toBeFocused();
  await page.getByLabel('Headline').fill('Ferry timetable changes from Monday');
  await expect(page.getByTestId('draft-item')).toHaveCount(1);

  // Edit › Find goes to the draft search; on the photo desk, to the library's search.
  await command(app, 'article:find');
  await expect(page.getByLabel('Search drafts')).toBeFocused();
  await command(app, 'view:photos');
  await expect(page.getByRole('heading', { name: 'Photos', level: 1 })).toBeVisible();
  await command(app, 'article:find');
  await expect(page.getByLabel('Search photos')).toBeFocused();
  await command(app, 'view:outbox');
  await expect(page.getByRole('tab', { name: 'Outbox' })).toHaveAttribute('aria-selected', 'true');

  // Article › Publish… from the outbox: back to the article, with its publish panel open.
  await command(app, 'article:publish');
  await expect(page.getByRole('tab', { name: 'Articles' })).toHaveAttribute('aria-selected', 'true');
  await expect(openDialog(page, 'publish-panel')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(openDialog(page, 'publish-panel')).toHaveCount(0);

  // Preview and History: what the pane's buttons do.
  await command(app, 'article:preview');
  await expect(page.getByTestId('article-preview')).toBeVisible();
  await command(app, 'article:preview');
  await expect(page.getByTestId('article-body')).toBeVisible();

  await command(app, 'app:preferences');
  const preferences = openDialog(page, 'preferences');
  await expect(preferences).toBeVisible();
  await expect(preferences.getByRole('radio', { name: 'Same as the system' })).toBeChecked();
  await preferences.getByRole('button', { name: 'Done' }).click();
  await expect(preferences).toHaveCount(0);
  // Ctrl/Cmd+, opens it too, where no menu takes the key first.
  await page.keyboard.press('Control+,');
  await expect(openDialog(page, 'preferences')).toBeVisible();
});

test('a malformed event from main is ignored', async ({ launch }) => {
  const { app, page } = await launchWithShell(launch);
  await page.evaluate(() => {
    const emit = (window as unknown as { __newsdeskEmit(event: string, payload: unknown): void }).__newsdeskEmit;
    emit('menu:command', { command: 'article:new', extra: true });
    emit('menu:command', { command: 'shell:exec' });
    emit('article:open', { articleId: '../../etc/passwd' });
    emit('theme:changed', { dark: 'yes' });
  });
  await expect(page.getByTestId('draft-item')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'No article open' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await command(app, 'article:new');
  await expect(page.getByTestId('draft-item')).toHaveCount(1);
});

test('main hears the desk, the open article and the photo selection, and is told of opened articles', async ({ launch }) => {
  const { app, desktop, page } = await launchWithShell(launch);
  const services = app.services();
  const dir = join(tmpdir(), `newsdesk-desktop-photos-${process.pid}`);
  await importPhotos(services, await Promise.all([0, 1].map((i) => scenePhoto(dir, `menu-${i}`, i))));
  const ferry = await seedArticle(services, { headline: 'Ferry timetable changes from Monday' });
  await page.reload();

  await expect.poll(() => desktop.menuStates.at(-1)).toEqual({ view: 'articles', articleId: null, photoSelection: 0 });
  await page.getByTestId('draft-item').filter({ hasText: 'Ferry timetable' }).getByRole('button').first().click();
  await expect(page.getByTestId('editor-title')).toHaveText('Ferry timetable changes from Monday');
  await expect.poll(() => desktop.menuStates.at(-1)).toEqual({ view: 'articles', articleId: ferry.id, photoSelection: 0 });
  expect(desktop.articlesOpened).toContainEqual({ articleId: ferry.id, headline: 'Ferry timetable changes from Monday' });

  await command(app, 'view:photos');
  const tiles = page.getByTestId('photo-tile');
  await expect(tiles).toHaveCount(2);
  await tiles.first().click();
  await tiles.last().click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('selection-summary')).toContainText('2 photos selected');
  await expect.poll(() => desktop.menuStates.at(-1)).toEqual({ view: 'photos', articleId: ferry.id, photoSelection: 2 });
  // (That a burst is one message and an unchanged state is not sent again: tests/unit/renderer/menu-state.test.ts.)
});

test('main can open an article in this window, or this article in a window of its own', async ({ launch }) => {
  const { app, desktop, page } = await launchWithShell(launch);
  const services = app.services();
  const budget = await seedArticle(services, { headline: 'Council approves the budget' });
  const storm = await seedArticle(services, { headline: 'Storm warning for the coast' });
  await page.reload();

  // File › Open Recent, or a notification's click, from the feeds desk.
  await command(app, 'view:feeds');
  await app.emit('article:open', { articleId: storm.id });
  await expect(page.getByRole('tab', { name: 'Articles' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('editor-title')).toHaveText('Storm warning for the coast');
  await expect(page.getByTestId('draft-item').filter({ hasText: 'Storm warning' }).getByRole('button').first()).toHaveAttribute('aria-current', 'true');
  await app.emit('article:open', { articleId: budget.id });
  await expect(page.getByTestId('editor-title')).toHaveText('Council approves the budget');

  // Article › Open in New Window: saved, handed to main, and closed here (one editor per draft).
  await command(app, 'article:open-in-window');
  await expect.poll(() => desktop.articleWindows).toEqual([budget.id]);
  await expect(page.getByRole('heading', { name: 'No article open' })).toBeVisible();
  await expect.poll(() => desktop.menuStates.at(-1)?.articleId).toBeNull();
});
