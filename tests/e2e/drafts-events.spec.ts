import { draftItem, newArticle, saved, SCREENS } from './drafting-helpers';
import { expect, test } from './harness/fixtures';

// The draft list follows main's 'drafts:changed' events: a draft created, saved or trashed outside
// this window (another window, or main itself) shows up without the person doing anything. The
// list never polled: before these events it stayed stale until the person acted in this window.

test('the draft list updates from main’s events when drafts change outside the window', async ({ page, launch }) => {
  const app = await launch();
  await expect(page.getByTestId('draft-item')).toHaveCount(0);

  const drafts = app.services().drafts;
  const created = await drafts.create({ section: 'News' });
  await drafts.save({ ...created, headline: 'Ferry returns to the harbour' }, 'manual');
  await expect(draftItem(page, 'Ferry returns to the harbour')).toHaveCount(1);
  await page.screenshot({ path: `${SCREENS}/drafts-events.png` });

  await drafts.trash(created.id);
  await expect(draftItem(page, 'Ferry returns to the harbour')).toHaveCount(0);

  // A window that may have missed an event reads again when it gains focus.
  const beforeFocus = app.callsOf('drafts:list');
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect.poll(() => app.callsOf('drafts:list')).toBeGreaterThan(beforeFocus);
});

test('an open story changed elsewhere is not overwritten: the editor says so and offers to reload', async ({ page, launch }) => {
  const app = await launch();
  const body = await newArticle(page, 'Council meets on Monday');
  await body.pressSequentially('First draft.');
  await saved(page);
  const id = (await draftItem(page, 'Council meets on Monday').getAttribute('data-id')) ?? '';

  // Another window (here: main's services directly) saves a new headline for the same story.
  const drafts = app.services().drafts;
  await drafts.save({ ...(await drafts.get(id)), headline: 'Council meeting moved to Tuesday' }, 'manual');
  const notice = page.getByTestId('changed-elsewhere');
  await expect(notice).toContainText('This story was changed in another window');
  await page.screenshot({ path: `${SCREENS}/drafts-changed-elsewhere.png` });

  // Typing here now is held back: the other window's headline stays on disk.
  await body.pressSequentially(' More.');
  await expect(page.getByTestId('save-state')).toContainText('Not saved: this story was changed in another window');
  await page.keyboard.press('ControlOrMeta+s');
  await expect(page.getByTestId('save-state')).toContainText('Not saved');
  expect((await drafts.get(id)).headline).toBe('Council meeting moved to Tuesday');

  await notice.getByRole('button', { name: 'Reload' }).click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByLabel('Headline')).toHaveValue('Council meeting moved to Tuesday');
  await expect(page.getByTestId('article-body')).toHaveText('First draft.');
});

test('a window that takes the newer version itself is not told it changed elsewhere, however late main answers', async ({ page, launch }) => {
  const app = await launch();
  const body = await newArticle(page, 'Harbour dues');
  await body.pressSequentially('First draft.');
  await saved(page);
  const id = (await draftItem(page, 'Harbour dues').getAttribute('data-id')) ?? '';
  const drafts = app.services().drafts;
  const notice = page.getByTestId('changed-elsewhere');

  await drafts.save({ ...(await drafts.get(id)), headline: 'Harbour dues rise' }, 'manual');
  await expect(notice).toHaveCount(1);

  // Saved elsewhere again; the window's question "did main write this from the shared document?"
  // is answered late, and meanwhile the person reloads, taking that very version.
  const asked = app.callsOf('story:fileVersionFromDocument');
  const release = app.holdCalls('story:fileVersionFromDocument');
  await drafts.save({ ...(await drafts.get(id)), headline: 'Harbour dues rise by a tenth' }, 'manual');
  await expect.poll(() => app.callsOf('story:fileVersionFromDocument')).toBeGreaterThan(asked);
  await notice.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByLabel('Headline')).toHaveValue('Harbour dues rise by a tenth');
  await expect(notice).toHaveCount(0);
  release();

  // The late answer changes nothing: no notice, and typing saves.
  await body.pressSequentially(' More.');
  await saved(page);
  await expect(notice).toHaveCount(0);
  expect((await drafts.get(id)).headline).toBe('Harbour dues rise by a tenth');
});
