import { SCREENS } from './drafting-helpers';
import { expect, test } from './harness/fixtures';
import { closedPort, outboxJobs } from './publishing-helpers';

// The outbox desk follows main's 'outbox:changed' events instead of polling. The page's clock is
// stopped, so no timer in the page can fire: whatever the desk shows after that came from an
// event (or a read the window made because it gained focus).

test('the outbox desk updates from main’s events, with no poll', async ({ page, launch }) => {
  await page.clock.install();
  const app = await launch();
  await app.emit('menu:command', { command: 'view:outbox' });
  await expect(page.getByRole('tab', { name: 'Outbox' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('outbox-network')).toBeVisible();
  await page.clock.pauseAt(Date.now() + 1_000);

  // A minute of the page's time with nothing changing: not one read of the outbox.
  const idle = app.callsOf('outbox:list');
  await page.clock.runFor(60_000);
  expect(app.callsOf('outbox:list')).toBe(idle);

  // A job queued in main (for an article not in the drafts: it fails at its first attempt) shows up,
  // then its end, and the toast that says so.
  const target = await app.services().publishing.targets.save({ kind: 'wordpress', name: 'Closed port', siteUrl: `http://127.0.0.1:${await closedPort()}`, user: 'editor' });
  await app.services().publishing.outbox.enqueue({ articleId: 'a-missing0001', targetId: target.id, headline: 'Ferry returns to the harbour', mode: 'publish' });
  const job = outboxJobs(page).filter({ hasText: 'Ferry returns to the harbour' });
  await expect(job).toHaveCount(1);
  await expect(job).toHaveAttribute('data-state', 'failed');
  await expect(page.getByText('could not be published')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/outbox-events.png` });

  // Cleared in main, gone from the desk.
  await app.services().publishing.outbox.cancel((await job.getAttribute('data-job-id')) ?? '');
  await app.services().publishing.outbox.clearFinished();
  await expect(outboxJobs(page)).toHaveCount(0);

  // A window that may have missed an event reads again when it gains focus.
  const beforeFocus = app.callsOf('outbox:list');
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect.poll(() => app.callsOf('outbox:list')).toBeGreaterThan(beforeFocus);
});
