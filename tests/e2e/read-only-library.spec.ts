import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EMPTY_BODY, type Article } from '../../shared/model/article';
import { expect, test } from './harness/fixtures';
import { makeDataDir } from './harness/launch';

// A library another desk has open (its lock is on the synced folder, its heartbeat fresh) opens
// read-only: the window says so and who holds it, shows the stories, and a change is refused.

test('a library held by another desk opens read-only with a banner naming it, and refuses a new article', async ({ launch }) => {
  const dataDir = await makeDataDir();
  const library = join(dataDir, 'library');
  await mkdir(join(library, 'drafts'), { recursive: true });
  const at = '2025-03-01T09:00:00.000Z';
  const story: Article = {
    schemaVersion: 3, id: 'heldstory-0001', slug: '', slugEdited: false, headline: 'Harbour reopens', dek: '', body: EMPTY_BODY,
    byline: [], leadPhoto: null, section: 'News', tags: [], status: 'draft', createdAt: at, updatedAt: at,
  };
  await writeFile(join(library, 'drafts', `${story.id}.json`), JSON.stringify(story));
  const now = new Date().toISOString();
  await writeFile(join(library, 'newsdesk.lock'), JSON.stringify({ app: 'Newsdesk', pid: 4242, host: 'desk-3.newsroom', startedAt: '2025-03-01T08:30:00.000Z', heartbeatAt: now, token: 'held-elsewhere' }));

  const app = await launch({ dataDir });
  const { page } = app;
  const banner = page.getByTestId('read-only-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Open on desk-3.newsroom since');
  await expect(banner).toContainText('opened read-only');
  await expect(page.getByTestId('draft-item').filter({ hasText: 'Harbour reopens' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/read-only-library.png' });

  const result = await page.evaluate(() => window.newsdesk['drafts:create']({ section: 'News' }));
  expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
  await expect(page.getByTestId('draft-item')).toHaveCount(1);
});
