import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EMPTY_BODY, type Article } from '../../shared/model/article';
import { expect, test } from './harness/fixtures';
import { makeDataDir } from './harness/launch';

// A damaged draft file must never keep the desk from opening: it is moved aside, named in a
// banner, and every other draft still opens.

function article(id: string, headline: string, text: string): Article {
  const at = '2025-03-01T09:00:00.000Z';
  return {
    schemaVersion: 3, id, slug: '', slugEdited: false, headline, dek: '',
    body: {
      root: {
        ...EMPTY_BODY.root,
        children: [{ type: 'paragraph', version: 1, format: '', indent: 0, direction: null, textFormat: 0, textStyle: '',
          children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }] }],
      },
    },
    byline: [], leadPhoto: null, section: 'News', tags: [], status: 'draft', createdAt: at, updatedAt: at,
  };
}

test('a corrupt draft file is moved aside and named; the other drafts still open', async ({ launch }) => {
  const dataDir = await makeDataDir();
  const drafts = join(dataDir, 'library', 'drafts');
  await mkdir(drafts, { recursive: true });
  const good = [article('goodfile-0001', 'Flood barrier opens', 'The barrier closed at dawn.'),
    article('goodfile-0002', 'Mayor unveils budget', 'Spending rises by two per cent.')];
  for (const a of good) await writeFile(join(drafts, `${a.id}.json`), JSON.stringify(a));
  await writeFile(join(drafts, 'brokenfile-0003.json'), '{"schemaVersion":3,"id":"brokenfile-0003","headline":"Half wri');

  const app = await launch({ dataDir });
  const { page } = app;
  const banner = page.getByTestId('quarantine-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('brokenfile-0003.json');
  await expect(banner).toContainText('moved');
  await expect(banner).toContainText('quarantine');
  expect((await readdir(join(dataDir, 'library', 'quarantine'))).some((name) => name.includes('brokenfile-0003'))).toBe(true);

  await expect(page.getByTestId('draft-item')).toHaveCount(2);
  await page.getByTestId('draft-item').filter({ hasText: 'Flood barrier opens' }).click();
  await expect(page.getByTestId('article-body')).toHaveText('The barrier closed at dawn.');
  await page.getByTestId('draft-item').filter({ hasText: 'Mayor unveils budget' }).click();
  await expect(page.getByTestId('article-body')).toHaveText('Spending rises by two per cent.');
  await page.screenshot({ path: 'test-results/screens/quarantine.png' });

  await banner.getByRole('button', { name: 'Dismiss this notice' }).click();
  await expect(banner).toBeHidden();
});
