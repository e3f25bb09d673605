import { startWordPress, wordPressSkipReason, type WordPressSite } from '../wordpress/wordpress-server';
import { SCREENS, newArticle, saved } from './drafting-helpers';
import { expect, test } from './harness/fixtures';
import { addWordPressTarget, openTargetsFromFeeds, publishPanel, wordPressClient } from './publishing-helpers';

// Bylines through the UI against a real WordPress: the target's byline mapping is typed in the
// target editor (a malformed line is refused next to the field), and the publish panel's plan says
// which site user the post is credited to and what the byline line at the top will show.

const skipReason = wordPressSkipReason();
if (skipReason) console.warn(`Byline browser tests against WordPress are skipped: ${skipReason}`);

test.describe('bylines on a real WordPress', () => {
  test.skip(skipReason !== null, skipReason ?? '');
  let site: WordPressSite | null = null;

  test.beforeAll(async () => {
    if (skipReason) return;
    test.setTimeout(120_000);
    site = await startWordPress();
    // The site knows Lucy by her login only; her display name is not the byline's spelling.
    await wordPressClient(site).post('/wp/v2/users', { username: 'lucy', name: 'L. Pakhnyuk', email: 'lucy@example.com', password: `L-${Date.now()}-pw!`, roles: ['editor'] });
  });
  test.afterAll(async () => {
    await site?.stop();
  });

  test('byline mapping in the target editor, and the plan saying who the site credits and the byline line', async ({ app }) => {
    const { page } = app;
    const wp = site!;
    await addWordPressTarget(page, { name: 'Daily site', url: wp.url, user: wp.user, password: wp.appPassword });

    const dialog = await openTargetsFromFeeds(page);
    const form = dialog.getByTestId('target-form');
    const mapping = form.getByLabel('Byline mapping');
    await mapping.fill('Lucy Pakhnyuk');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog.getByTestId('field-error')).toHaveText(['Line 1: Give the site user after “=”']);
    await mapping.fill('Lucy Pakhnyuk = lucy');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog.getByTestId('field-error')).toHaveCount(0);
    // The error clears as soon as the line is retyped; the save itself answers a moment later.
    await expect
      .poll(async () => {
        const listed = await page.evaluate(() => window.newsdesk['targets:list']({}));
        return listed.ok && listed.value[0]?.kind === 'wordpress' && listed.value[0].bylineUsers;
      })
      .toEqual([{ name: 'Lucy Pakhnyuk', user: 'lucy' }]);
    await page.screenshot({ path: `${SCREENS}/publish-target-byline-mapping.png` });
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await page.keyboard.press('Control+1');

    const body = await newArticle(page, 'Flood wall approved');
    await body.pressSequentially('The council voted 7 to 2.');
    for (const [name, role] of [
      ['Ivan Petrenko', 'Reporter'],
      ['Lucy Pakhnyuk', 'News Editor'],
    ] as const) {
      await page.getByRole('button', { name: 'Add author' }).click();
      await page.getByLabel('Author name').last().fill(name);
      await page.getByLabel(`Role of ${name}`).fill(role);
    }
    await saved(page);

    await page.getByRole('button', { name: 'Publish…' }).click();
    const plan = publishPanel(page).getByTestId('plan-byline');
    await expect(plan).toContainText('Author on the site: L. Pakhnyuk (site user lucy).', { timeout: 30_000 });
    await expect(plan).toContainText('Byline shown as a line at the top: “By Ivan Petrenko, Reporter”; no site user matches “Ivan Petrenko”.');
    await plan.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENS}/publish-plan-byline.png` });
  });
});
