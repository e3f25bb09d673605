import { placeItem } from '../../shared/rules/placement';
import { startWordPress, wordPressSkipReason, type WordPressSite } from '../wordpress/wordpress-server';
import { SCREENS, draftItem } from './drafting-helpers';
import { expect, test } from './harness/fixtures';
import { addWordPressTarget, openDialog, outboxJobs, publishPanel, wordPressClient, type WpPost } from './publishing-helpers';

// A kill through the Publish panel against a real WordPress: the confirmation names the site and the
// address and shows the notice; once confirmed, the post keeps its headline and shows only the
// notice, the panel says Killed and the outbox names the job as a kill.

const skipReason = wordPressSkipReason();
if (skipReason) console.warn(`Kill notice browser tests against WordPress are skipped: ${skipReason}`);

const HEADLINE = 'Agency picture of the flood was staged';
const text = (value: string) => ({ type: 'text', version: 1, text: value, format: 0, detail: 0, mode: 'normal', style: '' });
const paragraph = (value: string) => ({ type: 'paragraph', version: 1, format: '', indent: 0, direction: null, children: [text(value)] });

test.describe('kill notice on a real WordPress', () => {
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

  test('Kill… asks first, showing the notice; the post then shows only the notice under its headline', async ({ app }) => {
    test.setTimeout(120_000);
    const { page } = app;
    const services = app.services();
    const rest = wordPressClient(site!);
    await addWordPressTarget(page, { name: 'Flood Gazette', url: site!.url, user: site!.user, password: site!.appPassword });
    const targetId = services.publishing.targets.list()[0]!.id;
    const created = await services.drafts.create({ section: 'Politics' });
    await services.drafts.save(
      {
        ...created,
        headline: HEADLINE,
        dek: 'The agency has withdrawn it.',
        status: 'approved',
        byline: [{ name: 'Camille Martin', role: '', avatar: null }],
        body: { root: { type: 'root', version: 1, format: '', indent: 0, direction: null, children: [paragraph('Words the agency killed.')] } },
      },
      'manual',
    );
    await services.feeds.update((board) => placeItem(board, { kind: 'article', id: created.id }, services.settings.get().feeds[0]!));
    const queued = await page.evaluate(
      async ({ articleId, targetId }) => {
        const check = await window.newsdesk['publish:check']({ articleId, targetId, mode: 'publish' });
        if (!check.ok) return check;
        return window.newsdesk['publish:queue']({ articleId, targetId, mode: 'publish', acknowledged: check.value.warnings.map((warning) => warning.code) });
      },
      { articleId: created.id, targetId },
    );
    expect(queued.ok, JSON.stringify(queued)).toBe(true);
    await services.publishing.outbox.whenIdle();
    const postId = String((await services.publishing.records.get(targetId, created.id))?.postId);
    const post = await rest.get<WpPost>(`/wp/v2/posts/${postId}?context=edit`);

    await draftItem(page, HEADLINE).click();
    await page.getByRole('button', { name: 'Publish…' }).click();
    const panel = publishPanel(page);
    await expect(panel.getByTestId('story-site')).toContainText('Flood Gazette');
    await panel.getByRole('button', { name: 'Kill…' }).click();
    const dialog = openDialog(page, 'kill-dialog');
    await expect(dialog.getByRole('heading')).toHaveText('Kill on Flood Gazette?');
    await expect(dialog.getByTestId('kill-url')).toHaveText(post.link);
    await dialog.getByLabel('Notice').fill('The agency withdrew this picture story; do not use.');
    await expect(dialog.getByTestId('kill-preview')).toContainText(/^Withdrawn, \d{1,2} [A-Z][a-z]{2} \d{4}: The agency withdrew this picture story; do not use\.$/);
    await page.screenshot({ path: `${SCREENS}/kill-dialog.png` });
    await dialog.getByRole('button', { name: 'Replace with the kill notice' }).click();
    await expect(dialog).toBeHidden();
    await services.publishing.outbox.whenIdle();
    await expect(panel.getByTestId('story-site')).toContainText('Killed', { timeout: 30_000 });
    await expect(panel.getByRole('button', { name: 'Kill…' })).toHaveCount(0);
    await page.screenshot({ path: `${SCREENS}/kill-panel.png` });

    const after = await rest.get<WpPost>(`/wp/v2/posts/${postId}?context=edit`);
    expect(after.status).toBe('publish');
    expect(after.title.raw).toBe(HEADLINE);
    expect(after.content.raw).toContain('The agency withdrew this picture story; do not use.');
    expect(after.content.raw).not.toContain('Words the agency killed.');

    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+4');
    await expect(outboxJobs(page).filter({ hasText: 'Kill notice on Flood Gazette' })).toHaveText([/Killed \(notice on the site\)/]);
    await page.screenshot({ path: `${SCREENS}/kill-outbox.png` });
  });
});
