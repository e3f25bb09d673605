import type { Page } from '@playwright/test';
import { placeItem } from '../../shared/rules/placement';
import { startWordPress, wordPressSkipReason, type WordPressSite } from '../wordpress/wordpress-server';
import { SCREENS, draftItem } from './drafting-helpers';
import { cardOf, openFeedsDesk } from './feed-board-helpers';
import { expect, test } from './harness/fixtures';
import type { HarnessApp } from './harness/launch';
import { addWordPressTarget, openDialog, outboxJobs, publishPanel, wordPressClient, type WpPost } from './publishing-helpers';

// The life of a published story through the UI, against a real WordPress: a correction added in
// the Publish panel reaches the site's post in the house format and is listed in the story's log;
// a retract asks first, naming the site and the address readers use, then takes the post back to
// a draft, and the board and the outbox say Retracted.

const skipReason = wordPressSkipReason();
if (skipReason) console.warn(`Story life browser tests against WordPress are skipped: ${skipReason}`);

const HEADLINE = 'Council delays the harbour vote';
const NOTE = 'An earlier version of this story gave the wrong day of the vote.';

const text = (value: string) => ({ type: 'text', version: 1, text: value, format: 0, detail: 0, mode: 'normal', style: '' });
const paragraph = (value: string) => ({ type: 'paragraph', version: 1, format: '', indent: 0, direction: null, children: [text(value)] });

/** A complete story, placed in the first feed and published through the same channels the panel uses. */
async function publishedStory(app: HarnessApp, targetId: string, headline = HEADLINE): Promise<string> {
  const services = app.services();
  const created = await services.drafts.create({ section: 'Politics' });
  await services.drafts.save(
    {
      ...created,
      headline,
      dek: 'The vote moves to next week.',
      status: 'approved',
      byline: [{ name: 'Camille Martin', role: '', avatar: null }],
      body: { root: { type: 'root', version: 1, format: '', indent: 0, direction: null, children: [paragraph('The council met on Tuesday.')] } },
    },
    'manual',
  );
  const feed = services.settings.get().feeds[0]!;
  await services.feeds.update((board) => placeItem(board, { kind: 'article', id: created.id }, feed));
  const queued = await app.page.evaluate(
    async ({ articleId, targetId }) => {
      const check = await window.newsdesk['publish:check']({ articleId, targetId, mode: 'publish' });
      if (!check.ok) return check;
      return window.newsdesk['publish:queue']({ articleId, targetId, mode: 'publish', acknowledged: check.value.warnings.map((warning) => warning.code) });
    },
    { articleId: created.id, targetId },
  );
  expect(queued.ok, JSON.stringify(queued)).toBe(true);
  await services.publishing.outbox.whenIdle();
  return created.id;
}

async function openPanel(page: Page): Promise<void> {
  await draftItem(page, HEADLINE).click();
  await page.getByRole('button', { name: 'Publish…' }).click();
  await expect(publishPanel(page).getByTestId('story-site')).toHaveCount(1);
}

test.describe('a published story’s life on a real WordPress', () => {
  test.skip(skipReason !== null, skipReason ?? '');
  let site: WordPressSite | null = null;

  test.beforeAll(async () => {
    if (skipReason) return;
    test.setTimeout(120_000);
    site = await startWordPress();
  });
  test.afterAll(async () => {
    await site?.stop();
  });

  test('a correction reaches the site in the house format; a retract asks first, naming the site and the address', async ({ app }) => {
    test.setTimeout(120_000);
    const { page } = app;
    const wp = site!;
    const rest = wordPressClient(wp);
    await addWordPressTarget(page, { name: 'Harbour Gazette', url: wp.url, user: wp.user, password: wp.appPassword });
    const targetId = app.services().publishing.targets.list()[0]!.id;
    const articleId = await publishedStory(app, targetId);
    const record = await app.services().publishing.records.get(targetId, articleId);
    const post = await rest.get<WpPost>(`/wp/v2/posts/${String(record?.postId)}?context=edit`);
    expect(post.status).toBe('publish');

    await openPanel(page);
    const panel = publishPanel(page);
    await expect(panel.getByTestId('story-site')).toContainText('Harbour Gazette');
    await expect(panel.getByTestId('story-site')).toContainText(post.link);

    // The correction: the line as readers will see it, before anything is sent.
    await panel.getByRole('button', { name: 'Add correction or update…' }).click();
    const dialog = openDialog(page, 'correction-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Add correction and update' })).toBeDisabled();
    await dialog.getByLabel('Note').fill(NOTE);
    const day = await page.evaluate(() => {
      const parts = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).formatToParts(new Date());
      const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
      return `${part('day')} ${part('month')} ${part('year')}`;
    });
    await expect(dialog.getByTestId('correction-preview')).toHaveText(`Correction, ${day}: ${NOTE}`);
    await page.screenshot({ path: `${SCREENS}/correction-dialog.png` });
    await dialog.getByRole('button', { name: 'Add correction and update' }).click();
    await expect(dialog).toBeHidden();
    await expect(panel.getByTestId('corrections-log')).toContainText(`Correction, ${day}: ${NOTE}`);
    // The open editor shows the note at the end of the story at once, without asking to reload.
    await expect(page.getByTestId('article-body').locator('p').last()).toHaveText(`Correction, ${day}: ${NOTE}`);
    await expect(page.getByTestId('article-body').locator('p').last().locator('strong')).toHaveText(`Correction, ${day}:`);
    await expect(page.getByTestId('changed-elsewhere')).toHaveCount(0);
    await app.services().publishing.outbox.whenIdle();
    await expect
      .poll(async () => (await rest.get<WpPost>(`/wp/v2/posts/${post.id}?context=edit`)).content.raw, { timeout: 30_000 })
      .toContain(`<strong>Correction, ${day}:</strong> ${NOTE}`);

    // The retract: the confirmation names the site and the live address; nothing is sent until it is confirmed.
    await panel.getByRole('button', { name: 'Retract…' }).click();
    const confirm = openDialog(page, 'retract-dialog');
    await expect(confirm).toBeVisible();
    await expect(confirm.getByRole('heading')).toHaveText('Retract from Harbour Gazette?');
    await expect(confirm.getByTestId('retract-url')).toHaveText(post.link);
    await page.screenshot({ path: `${SCREENS}/retract-confirmation.png` });
    await confirm.getByRole('button', { name: 'Keep it on the site' }).first().click();
    await expect(confirm).toBeHidden();
    expect((await rest.get<WpPost>(`/wp/v2/posts/${post.id}?context=edit`)).status).toBe('publish');

    await panel.getByRole('button', { name: 'Retract…' }).click();
    await confirm.getByRole('button', { name: 'Retract to draft' }).click();
    await expect(confirm).toBeHidden();
    await expect(panel.getByTestId('story-site')).toContainText('Retracted', { timeout: 30_000 });
    expect((await rest.get<WpPost>(`/wp/v2/posts/${post.id}?context=edit`)).status).toBe('draft');
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();

    // The board says Retracted; the outbox lists the retract as such.
    await openFeedsDesk(page);
    const feedId = app.services().settings.get().feeds[0]!.id;
    await expect(cardOf(page, feedId, HEADLINE).getByTestId('card-status')).toHaveText('Retracted');
    await page.screenshot({ path: `${SCREENS}/retracted-card.png` });

    // From the board: a published card's menu retracts too, here into WordPress's trash.
    const other = 'Harbour tolls to rise in spring';
    const otherId = await publishedStory(app, targetId, other);
    const otherPost = (await app.services().publishing.records.get(targetId, otherId))!.postId;
    await page.keyboard.press('Control+1');
    await openFeedsDesk(page);
    const card = cardOf(page, feedId, other);
    await expect(card.getByTestId('card-status')).toHaveText('Published');
    await card.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Retract from the site…' }).click();
    const fromBoard = openDialog(page, 'retract-dialog');
    await expect(fromBoard.getByTestId('retract-url')).toHaveText((await rest.get<WpPost>(`/wp/v2/posts/${String(otherPost)}?context=edit`)).link);
    await fromBoard.getByRole('radio', { name: /^Remove/ }).check();
    await fromBoard.getByRole('button', { name: 'Remove from the site' }).click();
    await expect(fromBoard).toBeHidden();
    await app.services().publishing.outbox.whenIdle();
    await expect.poll(async () => (await rest.get<WpPost>(`/wp/v2/posts/${String(otherPost)}?context=edit`)).status).toBe('trash');
    // The board shown follows the outbox: the card turns Retracted without leaving the desk.
    await expect(cardOf(page, feedId, other).getByTestId('card-status')).toHaveText('Retracted');
    // Readers no longer see either story: the feed preview leaves both out.
    await page.getByRole('button', { name: 'Preview feed' }).click();
    await expect(page.getByTestId('feed-preview').getByTestId('feed-preview-empty').first()).toBeVisible();
    await expect(page.getByTestId('feed-preview')).not.toContainText(HEADLINE);
    await expect(page.getByTestId('feed-preview')).not.toContainText(other);
    await page.getByRole('button', { name: 'Preview feed' }).click();

    await page.keyboard.press('Control+4');
    await expect(outboxJobs(page).filter({ hasText: 'Retract from Harbour Gazette' })).toHaveText([/Retracted \(moved to the trash\)/, /Retracted/]);
    await page.screenshot({ path: `${SCREENS}/retracted-outbox.png` });
  });
});

test.describe('publish time in the Publish panel', () => {
  // The page runs in Berlin, so the offsets of the times typed in the panel can be checked. (Not
  // the correction test: its date comes from main's zone, which the page's must then match.)
  test.use({ timezoneId: 'Europe/Berlin' });

  test('publish time in the Publish panel: the board’s placement, the same rules, the same data', async ({ app }) => {
    const { page } = app;
    const services = app.services();
    const created = await services.drafts.create({ section: 'Politics' });
    await services.drafts.save({ ...created, headline: 'Budget vote timing', byline: [{ name: 'Camille Martin', role: '', avatar: null }] }, 'manual');
    await page.keyboard.press('Control+1');
    await draftItem(page, 'Budget vote timing').click();
    await page.getByRole('button', { name: 'Publish…' }).click();
    const panel = publishPanel(page);
    // In no feed: nothing to time yet, and it says where that is done.
    await expect(panel.getByTestId('publish-time')).toContainText('Not in a feed');
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();

    const feed = services.settings.get().feeds[0]!;
    await services.feeds.update((board) => placeItem(board, { kind: 'article', id: created.id }, feed));
    await page.getByRole('button', { name: 'Publish…' }).click();
    await expect(panel.getByTestId('publish-time-summary')).toHaveText('Goes live when published');
    await panel.getByTestId('publish-time').getByRole('button', { name: 'Change…' }).click();
    const dialog = openDialog(page, 'schedule-dialog');
    await dialog.getByRole('radio', { name: /Schedule/ }).check();
    await dialog.getByLabel('Embargo until').fill('2030-06-01T10:00');
    await dialog.getByLabel('Publish at').fill('2030-06-01T08:00');
    await expect(dialog.getByTestId('timing-problems')).toContainText('The item is scheduled before its embargo lifts');
    await expect(dialog.getByRole('button', { name: 'Save timing' })).toBeDisabled();
    await dialog.getByLabel('Publish at').fill('2030-06-01T12:00');
    await dialog.getByRole('button', { name: 'Save timing' }).click();
    await expect(dialog).toBeHidden();
    // The panel stays open and its summary follows; the board holds the same times.
    await expect(panel).toBeVisible();
    await expect(panel.getByTestId('publish-time-summary')).toContainText('Scheduled for');
    await expect(panel.getByTestId('publish-time-summary')).toContainText('embargo until');
    const placement = services.feeds.get().placements[`article:${created.id}`];
    expect(placement?.publish).toEqual({ mode: 'scheduled', at: '2030-06-01T12:00:00+02:00' });
    expect(placement?.embargoUntil).toBe('2030-06-01T10:00:00+02:00');
    await page.screenshot({ path: `${SCREENS}/publish-time-in-panel.png` });
  });
});
