import { join } from 'node:path';
import { emptyRemoteRecord } from '../../electron/main/services/publishing/remote/remote-records';
import { makeBaseImage } from '../support/photo-fixtures';
import { SCREENS } from './drafting-helpers';
import { expect, test } from './harness/fixtures';
import { closedPort } from './publishing-helpers';
import { editor, fixtureDir, importWithPicker, openLibrary, tile, tiles } from './photo-library-helpers';

// An agency kills a picture: Kill… in the photo's details asks for the reason, then lists every
// story using it with the posts where it is live (retract or replace), and the story not on any
// site gets the replacement at once. The picker refuses the killed photo; the details say it is killed.

test('kill a photo → stories and live posts found → replace it in a story', async ({ app }) => {
  const { page } = app;
  const dir = await fixtureDir();
  const files = [join(dir, 'harbour.jpg'), join(dir, 'market.jpg')];
  await makeBaseImage(files[0]!, 'jpeg', { width: 320, height: 200, seed: 21 });
  await makeBaseImage(files[1]!, 'jpeg', { width: 320, height: 200, seed: 22 });
  await openLibrary(page);
  await importWithPicker(app, files);
  await expect(tiles(page)).toHaveCount(2);

  const services = app.services();
  const harbour = (await services.media.list({ text: 'harbour' })).items[0]!;
  const use = { photoId: harbour.id, caption: 'The harbour', credit: 'Ann Lee/AFP', creditEdited: false, altText: 'Boats' };
  const live = await services.drafts.create({});
  await services.drafts.save({ ...live, headline: 'Harbour reopens after the storm', leadPhoto: use }, 'manual');
  const social = await services.drafts.create({});
  await services.drafts.save({ ...social, headline: 'Ferry timetable for the week', socialImage: harbour.id }, 'manual');
  const target = await services.publishing.targets.save({ kind: 'wordpress', name: 'Harbour Gazette', siteUrl: `http://127.0.0.1:${await closedPort()}`, user: 'editor' });
  await services.publishing.records.put({ ...emptyRemoteRecord(target.id, live.id, 'a'.repeat(32)), postId: 42, link: 'https://gazette.example/harbour-reopens/' });
  const clip = await services.videos.save({ ...(await services.videos.create()), headline: 'The storm over the harbour', poster: use });
  await services.publishing.records.put({ ...emptyRemoteRecord(target.id, clip.id, 'b'.repeat(32)), postId: 43, link: 'https://gazette.example/storm-video/' });

  await tile(page, 'harbour.jpg').click();
  await editor(page).getByTestId('kill-photo').click();
  const dialog = page.getByTestId('kill-photo-dialog');
  await expect(dialog.getByRole('heading')).toHaveText('Kill “harbour.jpg”?');
  await expect(dialog).toContainText('It has no transmission reference, so only this copy is killed.');
  await expect(dialog.getByRole('button', { name: 'Kill the photo' })).toBeDisabled();
  await dialog.getByLabel('Reason (from the kill notice)').fill('AFP kill: the picture was digitally altered.');
  await dialog.getByRole('button', { name: 'Kill the photo' }).click();

  const stories = dialog.getByTestId('photo-kill-story');
  await expect(stories).toHaveCount(2);
  const liveStory = stories.filter({ hasText: 'Harbour reopens after the storm' });
  await expect(liveStory).toContainText('(lead photo)');
  await expect(liveStory.getByTestId('photo-kill-post')).toContainText('Harbour Gazette');
  await expect(liveStory.getByTestId('photo-kill-post')).toContainText('https://gazette.example/harbour-reopens/');
  await expect(liveStory.getByRole('button', { name: 'Retract the story' })).toBeVisible();
  const socialStory = stories.filter({ hasText: 'Ferry timetable for the week' });
  await expect(socialStory).toContainText('(social image)');
  await expect(socialStory).toContainText('Not on any site.');
  // The video whose poster it is, with its post: retract it there or give it another poster.
  const videoRow = dialog.getByTestId('photo-kill-video');
  await expect(videoRow).toContainText('The storm over the harbour');
  await expect(videoRow).toContainText('(video poster)');
  await expect(videoRow.getByTestId('photo-kill-post')).toContainText('https://gazette.example/storm-video/');
  await expect(videoRow.getByRole('button', { name: 'Retract the video' })).toBeVisible();
  await expect(videoRow.getByRole('button', { name: 'Replace the poster…' })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/photo-kill-dialog.png` });

  // The replacement picker refuses the killed photo, then takes another.
  await socialStory.getByRole('button', { name: 'Replace the photo…' }).click();
  const picker = page.getByTestId('photo-picker');
  await picker.getByRole('option', { name: /^harbour\.jpg\./ }).click();
  await picker.getByRole('button', { name: 'Use photo' }).click();
  await expect(picker.getByTestId('picker-refused')).toContainText('was killed on');
  await picker.getByRole('option', { name: /^market\.jpg\./ }).click();
  await picker.getByRole('button', { name: 'Use photo' }).click();
  await expect(picker).toBeHidden();
  await expect(socialStory).toContainText('Replaced in the story; it is not live anywhere.');
  const market = (await services.media.list({ text: 'market' })).items[0]!;
  expect((await services.drafts.get(social.id)).socialImage).toBe(market.id);

  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(editor(page).getByTestId('photo-killed')).toContainText('AFP kill: the picture was digitally altered.');
  await page.screenshot({ path: `${SCREENS}/photo-killed-details.png` });
});
