import { itemKey } from '../../shared/model/placement';
import { placeItem, setTiming } from '../../shared/rules/placement';
import { startWordPress, wordPressSkipReason, type WordPressSite } from '../wordpress/wordpress-server';
import { SCREENS, draftItem } from './drafting-helpers';
import { cardOf, openFeedsDesk } from './feed-board-helpers';
import { expect, test } from './harness/fixtures';
import { addWordPressTarget, outboxJobs, publishPanel, wordPressClient, type WpPost } from './publishing-helpers';

// Expiry on a real WordPress through the app: the Publish panel's plan says Newsdesk takes the post
// down at its expiry; once the expiry has passed, the post goes back to a draft through the outbox,
// the card says Expired and the outbox names the job as the expiry's.

const skipReason = wordPressSkipReason();
if (skipReason) console.warn(`Expiry browser tests against WordPress are skipped: ${skipReason}`);

const HEADLINE = 'Christmas market opens on the quay';

const text = (value: string) => ({ type: 'text', version: 1, text: value, format: 0, detail: 0, mode: 'normal', style: '' });
const paragraph = (value: string) => ({ type: 'paragraph', version: 1, format: '', indent: 0, direction: null, children: [text(value)] });

test.describe('expiry on a real WordPress', () => {
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

  test('the plan says when the post comes down; past its expiry it goes back to a draft through the outbox', async ({ app }) => {
    test.setTimeout(120_000);
    const { page } = app;
    const services = app.services();
    const rest = wordPressClient(site!);
    await addWordPressTarget(page, { name: 'Quay Gazette', url: site!.url, user: site!.user, password: site!.appPassword });
    const targetId = services.publishing.targets.list()[0]!.id;

    const created = await services.drafts.create({ section: 'Politics' });
    await services.drafts.save(
      {
        ...created,
        headline: HEADLINE,
        dek: 'Stalls stay until the new year.',
        status: 'approved',
        byline: [{ name: 'Camille Martin', role: '', avatar: null }],
        body: { root: { type: 'root', version: 1, format: '', indent: 0, direction: null, children: [paragraph('The market opens on Friday.')] } },
      },
      'manual',
    );
    const feed = services.settings.get().feeds[0]!;
    const key = itemKey({ kind: 'article', id: created.id });
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    await services.feeds.update((board) => setTiming(placeItem(board, { kind: 'article', id: created.id }, feed), key, { publish: { mode: 'now' }, embargoUntil: null, expiresAt }));

    // The plan, before anything is sent: the site cannot take it down, Newsdesk will.
    await draftItem(page, HEADLINE).click();
    await page.getByRole('button', { name: 'Publish…' }).click();
    const panel = publishPanel(page);
    await expect(panel).toContainText('WordPress cannot take a post down at a set time, so Newsdesk takes it back to a draft then, through the outbox');
    await page.screenshot({ path: `${SCREENS}/expiry-plan.png` });
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();

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
    expect((await rest.get<WpPost>(`/wp/v2/posts/${postId}?context=edit`)).status).toBe('publish');

    // The expiry moved to a minute ago (as if the desk had waited): the next look takes the post down.
    const past = new Date(Date.now() - 60_000).toISOString();
    await services.feeds.update((board) => setTiming(board, key, { publish: { mode: 'now' }, embargoUntil: null, expiresAt: past }));
    expect((await services.publishing.siteExpiry!.check()).map((job) => job.retract)).toEqual([{ as: 'draft', expiredAt: past }]);
    await services.publishing.outbox.whenIdle();
    expect((await rest.get<WpPost>(`/wp/v2/posts/${postId}?context=edit`)).status).toBe('draft');

    await openFeedsDesk(page);
    // The board's own word for a story past its expiry; the site now agrees.
    await expect(cardOf(page, feed.id, HEADLINE).getByTestId('card-status')).toHaveText('Expired');
    await page.keyboard.press('Control+4');
    await expect(outboxJobs(page).filter({ hasText: 'Retract from Quay Gazette' })).toHaveText([/Expired \(back to a draft\)/]);
    await page.screenshot({ path: `${SCREENS}/expiry-outbox.png` });
  });
});
