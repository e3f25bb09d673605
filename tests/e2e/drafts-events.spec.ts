import { draftItem, SCREENS } from './drafting-helpers';
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
