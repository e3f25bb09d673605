import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWordPress, wordPressSkipReason, type WordPressSite } from '../wordpress/wordpress-server';
import { creditOf } from './article-photos-helpers';
import { SCREENS } from './drafting-helpers';
import { cardOf, importPhotos, openFeedsDesk, scenePhoto, seedBoard } from './feed-board-helpers';
import { expect, test } from './harness/fixtures';
import { addWordPressTarget, openDialog, outboxJobs, publishPanel, wordPressClient, type WpPost } from './publishing-helpers';

// A video item leaves the app the way a story does: Publish… where the video is edited, the same
// check and plan, the outbox, and a post on a real WordPress with the player's embed block and the
// credited poster as its featured image; the board's card follows, and retracts like a story's.

const skipReason = wordPressSkipReason();
if (skipReason) console.warn(`Video publishing browser tests against WordPress are skipped: ${skipReason}`);

const HEADLINE = 'Flood waters reach the old town';
const PLAYER = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
const NOTE = 'The river rose two metres, not three.';

test.describe('publishing a video item to a real WordPress', () => {
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

  test('an uncredited poster is refused; credited, the video publishes with its embed and poster, and the card follows', async ({ app }) => {
    test.setTimeout(120_000);
    const { page } = app;
    const wp = site!;
    const services = app.services();
    await addWordPressTarget(page, { name: 'Harbour Gazette', url: wp.url, user: wp.user, password: wp.appPassword });
    const [posterId] = await importPhotos(services, [await scenePhoto(await mkdtemp(join(tmpdir(), 'newsdesk-video-out-')), 'flood.jpg', 3)]);
    const created = await services.videos.create();
    const video = await services.videos.save({
      ...created,
      headline: HEADLINE,
      blurb: 'The river rose two metres overnight.',
      poster: { photoId: posterId!, caption: 'The old town at dawn.', credit: '', creditEdited: true, altText: 'Water up to the doors of the town hall.' },
      source: { kind: 'url', url: PLAYER },
      durationSeconds: 95,
    });
    await seedBoard(services, [{ item: { kind: 'video', id: video.id }, feedId: 'video' }]);

    await openFeedsDesk(page);
    const card = cardOf(page, 'video', HEADLINE);
    await card.getByRole('button', { name: 'Edit video…' }).click();
    const dialog = openDialog(page, 'video-dialog');
    await expect(dialog.getByLabel('Headline')).toHaveValue(HEADLINE);
    await dialog.getByTestId('video-publish').click();
    const panel = publishPanel(page);
    await expect(panel).toContainText('has no credit');
    await expect(panel.getByRole('button', { name: 'Publish', exact: true })).toBeDisabled();
    // A video has no byline to check.
    await expect(panel).not.toContainText('no byline');
    await page.screenshot({ path: `${SCREENS}/video-publish-refused.png` });
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();

    // Credited in the dialog and saved: Publish… is offered once there is nothing unsaved.
    await creditOf(dialog.getByTestId('video-poster')).fill('Staff/Newsdesk');
    await expect(dialog.getByTestId('video-publish')).toBeDisabled();
    await dialog.getByRole('button', { name: 'Save video' }).click();
    await expect(dialog).toBeHidden();
    await card.getByRole('button', { name: 'Edit video…' }).click();
    await dialog.getByTestId('video-publish').click();
    await expect(panel.getByTestId('publish-plan')).toBeVisible();
    const publish = panel.getByRole('button', { name: 'Publish', exact: true });
    await expect(publish).toBeEnabled();
    await page.screenshot({ path: `${SCREENS}/video-publish-panel.png` });
    await publish.click();
    await services.publishing.outbox.whenIdle();
    await expect(panel).toContainText('Published', { timeout: 30_000 });

    const targetId = services.publishing.targets.list()[0]!.id;
    const record = await services.publishing.records.get(targetId, video.id);
    const post = await wordPressClient(wp).get<WpPost>(`/wp/v2/posts/${String(record?.postId)}?context=edit`);
    expect(post.status).toBe('publish');
    expect(post.title.raw).toBe(HEADLINE);
    expect(post.content.raw).toContain(`<!-- wp:embed {"url":"${PLAYER}","type":"video","providerNameSlug":"youtube"} -->`);
    expect(post.featured_media).toBeGreaterThan(0);

    // A correction on the live video, from the panel opened again: logged, kept in the video, pushed to the post after the player.
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await dialog.getByTestId('video-publish').click();
    await panel.getByRole('button', { name: 'Add correction or update…' }).click();
    const correction = openDialog(page, 'correction-dialog');
    await expect(correction).toContainText('Readers will see, at the end of the video');
    await correction.getByLabel('Note').fill(NOTE);
    await page.screenshot({ path: `${SCREENS}/video-correction-dialog.png` });
    await correction.getByRole('button', { name: 'Add correction and update' }).click();
    await expect(correction).toBeHidden();
    await expect(panel.getByTestId('corrections-log')).toContainText(NOTE);
    await services.publishing.outbox.whenIdle();
    await expect
      .poll(async () => (await wordPressClient(wp).get<WpPost>(`/wp/v2/posts/${post.id}?context=edit`)).content.raw, { timeout: 30_000 })
      .toMatch(new RegExp(`<strong>Correction, [^<]+:</strong> ${NOTE}`));
    expect(services.videos.get(video.id).notes).toMatchObject([{ kind: 'correction', text: NOTE }]);
    await page.screenshot({ path: `${SCREENS}/video-correction-logged.png` });

    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(card.getByTestId('card-status')).toHaveText('Published');

    // Retracted from the card's menu, like a story.
    await card.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Retract from the site…' }).click();
    const confirm = openDialog(page, 'retract-dialog');
    await expect(confirm.getByTestId('retract-url')).toHaveText(post.link);
    await expect(confirm).toContainText('The video item stays in Newsdesk.');
    await confirm.getByRole('button', { name: 'Retract to draft' }).click();
    await expect(confirm).toBeHidden();
    await services.publishing.outbox.whenIdle();
    await expect(card.getByTestId('card-status')).toHaveText('Retracted');
    expect((await wordPressClient(wp).get<WpPost>(`/wp/v2/posts/${post.id}?context=edit`)).status).toBe('draft');
    await page.screenshot({ path: `${SCREENS}/video-retracted-card.png` });

    await page.keyboard.press('Control+4');
    await expect(outboxJobs(page).filter({ hasText: HEADLINE }).first()).toContainText('Video');
    await page.screenshot({ path: `${SCREENS}/video-outbox.png` });
  });
});
