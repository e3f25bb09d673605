import { join } from 'node:path';
import { makeBaseImage } from '../support/photo-fixtures';
import { SCREENS } from './drafting-helpers';
import { expect, test } from './harness/fixtures';
import { fixtureDir, importWithPicker, openLibrary, tile, tiles } from './photo-library-helpers';

// Deleting photos as a photo desk does: a photo in use asks first and says where it is used; the
// trash shows what was deleted, restores it, and is emptied only after a confirmation.

test('delete → in-use warning → trash → restore → empty trash', async ({ app }) => {
  const { page } = app;
  const dir = await fixtureDir();
  const files = [join(dir, 'harbour.jpg'), join(dir, 'market.jpg')];
  await makeBaseImage(files[0]!, 'jpeg', { width: 320, height: 200, seed: 11 });
  await makeBaseImage(files[1]!, 'jpeg', { width: 320, height: 200, seed: 12 });
  await openLibrary(page);
  await importWithPicker(app, files);
  await expect(tiles(page)).toHaveCount(2);

  // The harbour photo leads a story.
  const services = app.services();
  const harbour = (await services.media.list({ text: 'harbour' })).items[0]!;
  const article = await services.drafts.create({});
  await services.drafts.save(
    { ...article, headline: 'Harbour reopens after the storm', leadPhoto: { photoId: harbour.id, caption: '', credit: '', creditEdited: false, altText: '' } },
    'manual',
  );

  await tile(page, 'harbour.jpg').click();
  await expect(page.getByRole('button', { name: 'Move 1 photo to Trash' })).toBeVisible();
  await page.getByRole('listbox', { name: 'Photos' }).press('Delete');
  const question = page.getByTestId('photo-delete-dialog');
  await expect(question).toBeVisible();
  await expect(question.getByRole('heading')).toHaveText('This photo is in use');
  await expect(question.getByRole('list', { name: 'Where the photos are used' })).toContainText('Article: Harbour reopens after the storm');
  await question.screenshot({ path: `${SCREENS}/photo-delete-in-use.png` });
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toBeHidden();
  await expect(tiles(page)).toHaveCount(2);

  await page.getByRole('listbox', { name: 'Photos' }).press('Delete');
  await question.getByRole('button', { name: 'Move 1 photo to Trash' }).click();
  await expect(tiles(page)).toHaveCount(1);
  await expect(tile(page, 'harbour.jpg')).toHaveCount(0);

  // The menu item does the same; a photo not in use moves without asking.
  await tile(page, 'market.jpg').click();
  await page.screenshot({ path: `${SCREENS}/photo-library-delete.png` });
  await app.emit('menu:command', { command: 'photo:delete' });
  await expect(tiles(page)).toHaveCount(0);
  await expect(question).toBeHidden();
  await expect(page.getByRole('button', { name: /^Move .* to Trash$/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  const trash = page.getByTestId('photo-trash-dialog');
  const deleted = trash.getByRole('list', { name: 'Deleted photos' }).getByRole('listitem');
  await expect(deleted).toHaveCount(2);
  await expect(deleted.first()).toContainText('market.jpg');
  await expect(deleted.first()).toContainText('Deleted');
  await expect
    .poll(() => trash.locator('img').evaluateAll((list) => list.filter((img) => (img as HTMLImageElement).naturalWidth > 0).length), {
      message: 'trashed thumbnails decoded',
    })
    .toBe(2);
  await trash.screenshot({ path: `${SCREENS}/photo-trash.png` });

  await trash.getByRole('button', { name: 'Restore harbour.jpg' }).click();
  await expect(deleted).toHaveCount(1);
  await expect(tile(page, 'harbour.jpg')).toHaveCount(1);

  await trash.getByRole('button', { name: 'Empty Trash…' }).click();
  await expect(trash.getByRole('alert').filter({ hasText: 'cannot be undone' })).toHaveText('Delete 1 photo for good? This cannot be undone.');
  await trash.getByRole('button', { name: 'Delete for Good' }).click();
  await expect(trash.getByText('The trash is empty.')).toBeVisible();
  expect(services.media.listTrash()).toEqual([]);
  expect((await services.media.list({})).items.map((photo) => photo.fileName)).toEqual(['harbour.jpg']);
});
