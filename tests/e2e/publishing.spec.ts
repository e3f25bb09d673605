import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { startWordPress, wordPressSkipReason, type WordPressSite } from '../wordpress/wordpress-server';
import { SCREENS, newArticle, saved } from './drafting-helpers';
import { importPhotos, scenePhoto, seedBoard } from './feed-board-helpers';
import { expect, test } from './harness/fixtures';
import type { HarnessApp } from './harness/launch';
import {
  addWordPressTarget,
  closedPort,
  fillWordPressForm,
  openTargetsFromFeeds,
  outboxJobs,
  publishPanel,
  wordPressClient,
  writeArticleWithPhotos,
  type WpPost,
} from './publishing-helpers';

// Publishing end to end through the UI, against a real WordPress on loopback: targets and their
// connection test, the pre-publish check and plan, the outbox's live progress, updates that reuse
// the post, a conflict with an edit made on the site, a site that does not answer, and exports.

const skipReason = wordPressSkipReason();
if (skipReason) console.warn(`Publishing browser tests against WordPress are skipped: ${skipReason}`);

const HEADLINE = 'Harbour strike enters second week';
const SITE_TITLE = 'Harbour strike ends after overnight talks';

/** Ticks every warning of the open panel, checking that Publish stays off until the last one. */
async function acknowledgeWarnings(page: Page, screenshot?: string): Promise<void> {
  const panel = publishPanel(page);
  const publish = panel.getByRole('button', { name: 'Publish', exact: true });
  await expect(panel.getByTestId('publish-plan')).toBeVisible();
  const boxes = panel.getByTestId('publish-warnings').getByRole('checkbox');
  const count = await boxes.count();
  for (let i = 0; i < count; i += 1) {
    await expect(publish).toBeDisabled();
    await boxes.nth(i).check();
    if (i === 0 && screenshot) await page.screenshot({ path: screenshot });
  }
  await expect(publish).toBeEnabled();
}

/** Closes the toasts, so a screenshot shows what is under them. */
async function dismissToasts(page: Page): Promise<void> {
  const close = page.getByTestId('toast').getByRole('button', { name: 'Dismiss' });
  while ((await close.count()) > 0) await close.first().click();
}

/** Publish… → acknowledge → Publish, then waits for the job to reach `state` in the panel. */
async function publishFromPanel(page: Page, state: string, checkPlan?: () => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: 'Publish…' }).click();
  await checkPlan?.();
  await acknowledgeWarnings(page);
  await publishPanel(page).getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(publishPanel(page).getByTestId('publish-job')).toHaveAttribute('data-state', state, { timeout: 60_000 });
}

/** A second story with a large lead photo, queued through the bridge the panel uses, to watch an upload. */
async function queueLargeUpload(app: HarnessApp, dir: string, targetId: string): Promise<void> {
  const path = join(dir, 'cranes-large.jpg');
  await sharp({ create: { width: 4200, height: 2800, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 120, sigma: 70 } } })
    .jpeg({ quality: 95 })
    .toFile(path);
  const services = app.services();
  const [photoId] = await importPhotos(services, [path]);
  const article = await services.drafts.create({ section: 'Business' });
  await services.drafts.save(
    {
      ...article,
      headline: 'Port operators count the cost of the strike',
      dek: 'A week of idle cranes.',
      status: 'approved',
      byline: [{ name: 'Camille Martin', role: '', avatar: null }],
      leadPhoto: { photoId: photoId!, caption: 'Idle cranes at the terminal.', credit: 'Staff/Newsdesk', creditEdited: true, altText: 'Idle cranes.' },
    },
    'manual',
  );
  const queued = await app.page.evaluate(
    async ({ articleId, targetId }) => {
      const check = await window.newsdesk['publish:check']({ articleId, targetId, mode: 'publish' });
      if (!check.ok) return check;
      const acknowledged = check.value.warnings.map((warning) => warning.code);
      return window.newsdesk['publish:queue']({ articleId, targetId, mode: 'publish', acknowledged });
    },
    { articleId: article.id, targetId },
  );
  expect(queued.ok, JSON.stringify(queued)).toBe(true);
}

test.describe('publishing to a real WordPress', () => {
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

  test('publish targets: WordPress’s own message for a wrong password, every step ✓ for the right one, remove with confirmation', async ({ app }) => {
    const { page } = app;
    const wp = site!;
    const dialog = await openTargetsFromFeeds(page);
    await expect(dialog.getByText('No targets yet.')).toBeVisible();

    // The contract's own messages show next to the fields.
    await fillWordPressForm(dialog, { name: 'Newsroom site', url: 'http://news.example.com', user: wp.user });
    await dialog.getByRole('button', { name: 'Add target' }).click();
    await expect(dialog.getByTestId('field-error')).toHaveText([/Use https:\/\//, /Enter an application password/]);

    // A wrong password: the site is reached, WordPress itself refuses the sign-in.
    await fillWordPressForm(dialog, { url: wp.url, password: 'abcd efgh ijkl mnop qrst uvwx' });
    await expect(dialog.getByTestId('field-error')).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    const report = dialog.getByTestId('connection-report');
    await expect(report).toHaveAttribute('data-ok', 'false', { timeout: 20_000 });
    // WordPress's own words for it (its 401 answer and code), not a generic "failed". Which words
    // depends on the WordPress version: newer ones say the password is invalid, older ones that
    // nobody is logged in.
    const refusal = '(The provided password is an invalid application password\\.|You are not currently logged in\\.) \\((incorrect_password|rest_not_logged_in), 401\\)';
    await expect(report).toContainText(new RegExp(`WordPress refused to sign in as “${wp.user}”: ${refusal}`));
    const steps = report.getByTestId('connection-step');
    await expect(steps.last()).toHaveAttribute('data-ok', 'false');
    await expect(steps.last()).toContainText('Sign in');
    await expect(steps.first()).toHaveAttribute('data-ok', 'true');

    // The right one: every step passes. Saved, the password is never shown again.
    await fillWordPressForm(dialog, { password: wp.appPassword });
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(report).toHaveAttribute('data-ok', 'true', { timeout: 20_000 });
    const count = await steps.count();
    expect(count).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < count; i += 1) await expect(steps.nth(i)).toHaveAttribute('data-ok', 'true');
    await dialog.getByRole('button', { name: 'Add target' }).click();
    await expect(dialog.getByTestId('target-item')).toHaveText([/Newsroom site/]);
    await expect(dialog.getByLabel('Application password')).toHaveValue('');
    await expect(dialog.getByText('Stored in the system keychain — type a new one to replace it.')).toBeVisible();
    const listed = await page.evaluate(() => window.newsdesk['targets:list']({}));
    expect(listed.ok && listed.value.map((t) => t.name)).toEqual(['Newsroom site']);
    expect(JSON.stringify(listed)).not.toContain(wp.appPassword);

    // The saved target is tried with its stored password.
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(report).toHaveAttribute('data-ok', 'true', { timeout: 20_000 });
    await page.screenshot({ path: `${SCREENS}/publish-targets.png` });

    // Another target, removed after a confirmation.
    await dialog.getByRole('button', { name: 'Add WordPress site' }).click();
    await fillWordPressForm(dialog, { name: 'Old site', url: 'https://old.example.com', user: 'editor', password: 'abcd efgh ijkl mnop qrst uvwx' });
    await dialog.getByRole('button', { name: 'Add target' }).click();
    await expect(dialog.getByTestId('target-item')).toHaveText([/Newsroom site/, /Old site/]);
    await dialog.getByRole('button', { name: 'Remove…' }).click();
    await expect(dialog.getByRole('alert').filter({ hasText: 'Remove “Old site”?' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(dialog.getByTestId('target-item')).toHaveText([/Newsroom site/]);
  });

  test('publish with photos and placement, update the same post, take the site’s edit as a revision, wait for a site that does not answer', async ({ app }) => {
    test.setTimeout(300_000);
    const { page } = app;
    const wp = site!;
    const rest = wordPressClient(wp);
    const dir = await mkdtemp(join(tmpdir(), 'newsdesk-publishing-'));
    await addWordPressTarget(page, { name: 'Newsroom site', url: wp.url, user: wp.user, password: wp.appPassword });
    const articleId = await writeArticleWithPhotos(app, HEADLINE, await scenePhoto(dir, 'terminal', 3), await scenePhoto(dir, 'harbour-gate', 1));
    await seedBoard(app.services(), [{ item: { kind: 'article', id: articleId }, feedId: 'news-feed', pinned: true }]);

    // No byline: the panel (Ctrl+Shift+Enter) says so and Publish stays off.
    await page.getByTestId('article-body').click();
    await page.keyboard.press('Control+Shift+Enter');
    const panel = publishPanel(page);
    await expect(panel).toBeVisible();
    const byline = panel.getByTestId('publish-blocking').locator('[data-code="byline-missing"]');
    await expect(byline).toContainText('no byline');
    await expect(panel.getByRole('button', { name: 'Publish', exact: true })).toBeDisabled();
    await expect(panel.getByRole('button', { name: 'Send as draft' })).toBeDisabled();
    await expect(panel.getByTestId('publish-note')).toHaveText('Fix the items listed above, then check again.');
    await page.screenshot({ path: `${SCREENS}/publish-panel-blocked.png` });

    // "Show" leads to the field; the author is added; the panel opens clear of blocking items.
    await byline.getByRole('button', { name: 'Show' }).click();
    await expect(panel).toBeHidden();
    await expect(page.getByRole('button', { name: 'Add author' })).toBeFocused();
    await page.getByRole('button', { name: 'Add author' }).click();
    await page.getByLabel('Author name').fill('Camille Martin');
    await saved(page);
    await page.getByRole('button', { name: 'Publish…' }).click();
    await expect(panel.getByTestId('publish-plan')).toBeVisible();
    await expect(panel.getByTestId('publish-blocking')).toHaveCount(0);
    await expect(panel.getByTestId('publish-warnings').locator('[data-code="dek-missing"]')).toBeVisible();
    await expect(panel.getByTestId('plan-when')).toHaveText('Publish now');
    await expect(panel.getByTestId('plan-categories')).toContainText('News');
    await expect(panel.getByTestId('plan-sticky')).toBeVisible();
    await expect(panel.getByTestId('plan-photos')).toHaveText('2 photos');
    await expect(panel.getByTestId('plan-existing')).toHaveText('A new post');
    await expect(panel.getByTestId('plan-not-carried')).toContainText('Not sent to WordPress:');
    await expect(panel.getByTestId('plan-not-carried')).toContainText('Pinned in “News Feed”');
    await acknowledgeWarnings(page, `${SCREENS}/publish-panel.png`);

    // Publish: the panel follows the job until WordPress has it, then links to the post.
    await panel.getByRole('button', { name: 'Publish', exact: true }).click();
    const job = panel.getByTestId('publish-job');
    await expect(job).toBeVisible();
    await expect(job).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    await expect(panel.getByTestId('publish-job-heading')).toHaveText('Published on Newsroom site');
    const link = await panel.getByTestId('publish-job-link').getAttribute('href');
    expect(link).toContain(new URL(wp.url).host);
    await expect(page.getByTestId('toast').filter({ hasText: `Published “${HEADLINE}” on Newsroom site.` })).toBeVisible();

    // The outbox lists it as Published with the link and its log.
    await panel.getByRole('button', { name: 'Show in outbox' }).click();
    await expect(page.getByRole('tab', { name: /Outbox/ })).toHaveAttribute('aria-selected', 'true');
    const first = outboxJobs(page).first();
    await expect(first.getByTestId('job-state')).toHaveText('Published');
    await expect(first.getByTestId('job-link')).toHaveAttribute('href', link!);
    await first.getByText(/^Log/).click();
    await expect(first.getByTestId('job-log')).toContainText('Uploaded “terminal.jpg”');
    await expect(first.getByTestId('job-log')).toContainText('Uploaded “harbour-gate.jpg”');
    const postId = Number(await first.getAttribute('data-post-id'));
    expect(postId).toBeGreaterThan(0);

    // What WordPress holds, read back through its REST API.
    const post = await rest.get<WpPost>(`/wp/v2/posts/${postId}?context=edit`);
    expect(post.title.raw).toBe(HEADLINE);
    expect(post.status).toBe('publish');
    expect(post.sticky).toBe(true);
    expect(post.featured_media).toBeGreaterThan(0);
    expect(post.content.raw).toContain('<figcaption');
    const lead = await rest.get<{ caption: { raw: string }; alt_text: string }>(`/wp/v2/media/${post.featured_media}?context=edit`);
    expect(lead.caption.raw).toContain('Staff/Newsdesk');
    expect(lead.alt_text).toBe('Pickets at the harbour gate at dawn.');

    // Publishing again updates the same post.
    await page.keyboard.press('Control+1');
    await publishFromPanel(page, 'done', async () => {
      await expect(panel.getByTestId('plan-existing')).toContainText('Updates the post published earlier');
      await expect(panel.getByTestId('plan-existing').getByRole('link')).toHaveAttribute('href', link!);
    });
    await panel.getByRole('button', { name: 'Close', exact: true }).click();
    await page.keyboard.press('Control+4');
    await expect(outboxJobs(page)).toHaveCount(2);
    await expect(outboxJobs(page).first()).toHaveAttribute('data-post-id', String(postId));
    const same = await rest.get<WpPost[]>(`/wp/v2/posts?search=${encodeURIComponent('Harbour strike')}&status=any&context=edit`);
    expect(same.map((p) => p.id)).toEqual([postId]);

    // Someone edits the post on the site: the next push stops and asks.
    await rest.post(`/wp/v2/posts/${postId}`, { title: SITE_TITLE, excerpt: 'A deal at 4 a.m.', content: '<p>Union and port operators agreed a deal at 4 a.m.</p><p>Dock workers walked out on Monday after talks broke down.</p>' });
    await page.keyboard.press('Control+1');
    await publishFromPanel(page, 'conflict');
    await expect(panel.getByTestId('publish-job-heading')).toHaveText('The post was changed on Newsroom site');
    await expect(page.getByTestId('toast').filter({ hasText: 'was changed on Newsroom site' })).toBeVisible();
    await panel.getByRole('button', { name: 'Close', exact: true }).click();

    // A target nothing answers on: the job waits and says it will go when the network is back.
    await addWordPressTarget(page, { name: 'Offline site', url: `http://127.0.0.1:${await closedPort()}`, user: 'editor', password: 'abcd efgh ijkl mnop qrst uvwx' });
    await page.getByRole('button', { name: 'Publish…' }).click();
    await panel.getByLabel('Publish to').selectOption({ label: 'Offline site (WordPress)' });
    await acknowledgeWarnings(page);
    await panel.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(panel.getByTestId('publish-job')).toHaveAttribute('data-state', 'waiting', { timeout: 30_000 });
    await expect(panel.getByTestId('publish-job-heading')).toHaveText('Queued — will publish when online');
    await expect(panel.getByTestId('job-offline')).toHaveText('Queued — will publish when online.');
    await expect(panel.getByTestId('job-error')).toContainText('refused the connection');
    await panel.getByRole('button', { name: 'Close', exact: true }).click();

    // The outbox with every kind of job, one of them uploading a large photo.
    await page.keyboard.press('Control+4');
    const targets = await page.evaluate(() => window.newsdesk['targets:list']({}));
    const newsroom = targets.ok ? targets.value.find((t) => t.name === 'Newsroom site') : undefined;
    await queueLargeUpload(app, dir, newsroom!.id);
    const uploading = outboxJobs(page).filter({ hasText: 'Port operators count the cost' });
    await expect(uploading).toBeVisible({ timeout: 10_000 });
    await expect(page.getByTestId('outbox-badge')).toBeVisible();
    await expect
      .poll(async () => (await uploading.getAttribute('data-state')) === 'running' && (await uploading.getByTestId('job-progress-label').textContent())?.includes('Uploading photo'), { timeout: 30_000, intervals: [100] })
      .toBe(true);
    await dismissToasts(page);
    await page.screenshot({ path: `${SCREENS}/outbox.png` });
    await expect(uploading).toHaveAttribute('data-state', 'done', { timeout: 90_000 });

    // The conflict, from the outbox: both versions side by side; take the site's as a new revision.
    const conflicted = page.locator('[data-testid="outbox-job"][data-state="conflict"]');
    await expect(conflicted.getByTestId('job-state')).toHaveText('Needs your decision');
    await conflicted.getByRole('button', { name: 'Compare versions…' }).click();
    const view = page.locator('dialog[open][data-testid="conflict-view"]');
    await expect(view.getByTestId('conflict-remote').getByTestId('conflict-title')).toHaveText(SITE_TITLE);
    await expect(view.getByTestId('conflict-local').getByTestId('conflict-title')).toHaveText(HEADLINE);
    await expect(view.getByTestId('conflict-remote').getByTestId('conflict-text')).toContainText('Union and port operators agreed');
    await expect(view.getByTestId('conflict-remote').locator('[data-changed]').first()).toContainText('Union and port operators');
    await page.screenshot({ path: `${SCREENS}/conflict-view.png` });
    await view.getByRole('button', { name: 'Take the site’s version as a new revision' }).click();
    await expect(view).toBeHidden();
    await page.keyboard.press('Control+1');
    await expect(page.getByLabel('Headline')).toHaveValue(SITE_TITLE);
    await expect(page.getByTestId('editor-title')).toHaveText(SITE_TITLE);
    await page.getByRole('button', { name: 'History' }).click();
    await expect(page.getByTestId('revision').filter({ hasText: HEADLINE }).first()).toBeVisible();
    await page.keyboard.press('Escape');

    // The job for the silent site is cancelled from the outbox.
    await page.keyboard.press('Control+4');
    const waiting = page.locator('[data-testid="outbox-job"][data-state="waiting"]');
    await waiting.getByRole('button', { name: 'Cancel' }).click();
    await expect(outboxJobs(page).filter({ hasText: HEADLINE }).locator('[data-testid="job-state"]', { hasText: 'Cancelled' })).toHaveCount(1);
    await page.getByRole('button', { name: 'Clear finished' }).click();
    await expect(outboxJobs(page)).toHaveCount(0);
    await expect(page.getByTestId('outbox-badge')).toBeHidden();
  });
});

test('exports: clean HTML and ninjs saved where the editor chose, named in a toast', async ({ app }) => {
  const { page } = app;
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-export-'));
  const body = await newArticle(page, 'Council approves budget for new buses');
  await body.pressSequentially('The vote was 31 to 12.');
  await saved(page);

  const htmlPath = join(dir, 'budget.html');
  app.saveTo(htmlPath);
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'Export HTML…' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: htmlPath })).toBeVisible();
  const html = await readFile(htmlPath, 'utf8');
  expect(html).toContain('Council approves budget for new buses');
  expect(html).toContain('The vote was 31 to 12.');
  expect(html).not.toMatch(/<script/i);

  const ninjsPath = join(dir, 'budget.json');
  app.saveTo(ninjsPath);
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'Export ninjs 3.1…' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: ninjsPath })).toBeVisible();
  expect(await readFile(ninjsPath, 'utf8')).toContain('Council approves budget for new buses');

  // With no target yet, the panel offers to add one; closing that dialog leaves the panel open.
  await page.getByRole('button', { name: 'Publish…' }).click();
  const panel = publishPanel(page);
  await expect(panel.getByTestId('publish-no-target')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Publish', exact: true })).toBeDisabled();
  await panel.getByRole('button', { name: 'Add a publish target…' }).click();
  const targets = page.locator('dialog[open][data-testid="publish-targets"]');
  await expect(targets.getByRole('heading', { name: 'New WordPress target' })).toBeVisible();
  await targets.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(targets).toBeHidden();
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: 'Close the publish panel' }).click();
  await expect(panel).toBeHidden();

  // A save dialog closed without a choice saves nothing and says nothing.
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'Export ninjs 2.2…' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: 'ninjs 2.2' })).toHaveCount(0);
});
