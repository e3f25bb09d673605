import { expect, test } from './harness/fixtures';
import { recordingDesktop, SCREENS } from './desktop-helpers';
import { seedArticle } from './feed-board-helpers';

// A window opened for one article (Article › Open in New Window): main's windowContext names the
// article, and the window shows only its editor, under a compact title bar.

test('a window opened for one article shows only its editor, and the menu still works there', async ({ launch }) => {
  const desktop = recordingDesktop();
  const app = await launch({ desktop: desktop.shell });
  const { page } = app;
  const storm = await seedArticle(app.services(), { headline: 'Storm warning for the coast' });
  desktop.context = { articleId: storm.id, dark: false };
  await page.reload();

  await expect(page.getByTestId('article-window')).toBeVisible();
  await expect(page.getByTestId('article-window-bar')).toContainText('Storm warning for the coast');
  await expect(page.getByTestId('editor-title')).toHaveText('Storm warning for the coast');
  await expect(page.getByRole('navigation', { name: 'Desks' })).toHaveCount(0);
  await expect(page.getByTestId('draft-item')).toHaveCount(0);
  await expect(page).toHaveTitle('Storm warning for the coast — Newsdesk');
  await expect.poll(() => desktop.menuStates.at(-1)).toEqual({ view: 'articles', articleId: storm.id, photoSelection: 0 });
  expect(desktop.articlesOpened).toContainEqual({ articleId: storm.id, headline: 'Storm warning for the coast' });
  // The OS spelling check runs in the text and the headline and dek (its suggestions are in the context menu).
  await expect(page.getByTestId('article-body')).toHaveAttribute('spellcheck', 'true');
  await expect(page.getByLabel('Headline')).toHaveAttribute('spellcheck', 'true');
  await expect(page.getByLabel('Dek')).toHaveAttribute('spellcheck', 'true');

  // Typed text autosaves here as in the main window.
  const body = page.getByTestId('article-body');
  await body.click();
  await body.pressSequentially('Winds of 110 km/h are expected along the coast tonight.');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.screenshot({ path: `${SCREENS}/article-window.png` });

  // "Open in New Window" does not apply to the window's own article; File › New does.
  await app.emit('menu:command', { command: 'article:open-in-window' });
  await app.emit('menu:command', { command: 'article:new' });
  await expect(page.getByLabel('Headline')).toBeFocused();
  await page.getByLabel('Headline').fill('Ferry timetable changes');
  await expect(page.getByTestId('article-window-bar')).toContainText('Ferry timetable changes');
  expect(desktop.articleWindows).toEqual([]);
});
