import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransferProgress } from '../../electron/main/services/desk/desk-photos-api';
import { photoRequestLabel } from '../../shared/desk/photos';
import { checkArticle } from '../../shared/rules/prepublish';
import { EXIFTOOL_MISSING_REASON, exiftoolAvailable, FIXTURE_EXPECTED, makePhotoFixture, readWithExiftool } from '../support/photo-fixtures';
import { deskServicesSkipReason } from './services/real-services';
import { until } from './support/desk-clients';
import { openDesktop, signIn, startDeskUnderTest, type Desktop, type DeskUnderTest } from './support/desktops';

// The photo handoff between two app instances on one real desk server (its own process, on
// PostgreSQL): Bo's photo desk imports a credited agency JPEG and shares it; Ana's desktop, which
// never had the file, sees it, fetches it and places it, credit intact.
const skipReason = deskServicesSkipReason() ?? (exiftoolAvailable() ? null : EXIFTOOL_MISSING_REASON);
if (skipReason) console.warn(`[desk-photos-desktops] skipped: ${skipReason}`);

const EDITED_CREDIT = 'POOL/AFP via Getty Images (edited on the desk)';
let desk: DeskUnderTest;
let photoDesk: Desktop;
let editor: Desktop;
let scratch: string;
let photoId: string;

beforeAll(async () => {
  if (skipReason) return;
  scratch = await mkdtemp(join(tmpdir(), 'desk-photos-'));
  desk = await startDeskUnderTest();
  photoDesk = await openDesktop();
  editor = await openDesktop();
  await signIn(photoDesk, desk.url, 'bo');
  await signIn(editor, desk.url, 'ana');
  await until(() => photoDesk.services.desk.status().state === 'connected' && editor.services.desk.status().state === 'connected', 'both desktops connected');
  const file = await makePhotoFixture(scratch, 'iimAndXmp', { name: 'pool-elysee', seed: 15 });
  const job = await photoDesk.services.media.whenFinished(photoDesk.services.media.importPaths([file]).jobId);
  photoId = job.items[0]?.photoId ?? '';
  // An edit made on the photo desk, in the library only (not in the file): it must travel too.
  await photoDesk.services.media.update(photoId, { creditLine: EDITED_CREDIT });
}, 180_000);

afterAll(async () => {
  await photoDesk?.close();
  await editor?.close();
  await desk?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
}, 60_000);

describe.skipIf(skipReason !== null)('the photo handoff between desktops', () => {
  it('a shared photo shows on the other desktop, is fetched with progress and placed as lead with its credit', async () => {
    const shared = await photoDesk.services.deskPhotos.share(photoId);
    expect(shared).toMatchObject({ mediaId: photoId, sharedBy: 'Bo Photo', provenance: { fileName: 'pool-elysee.jpg' } });
    expect(shared.credit).toContain(EDITED_CREDIT);

    await until(() => editor.services.deskPhotos.list().some((photo) => photo.mediaId === photoId), 'the photo in the other desktop’s desk photos');
    expect(await editor.services.media.getMany([photoId])).toEqual([]);
    const thumbnail = await editor.services.deskPhotos.thumbnailPath(photoId);
    const localThumbnail = await photoDesk.services.media.filePath(photoId, 'thumbnail');
    expect(await readFile(thumbnail)).toEqual(await readFile(localThumbnail ?? ''));

    const seen: TransferProgress[] = [];
    const fetched = await editor.services.deskPhotos.fetchOriginal(photoId, (progress) => seen.push(progress));
    expect(fetched.id).toBe(photoId);
    expect(seen.at(-1)).toEqual({ received: fetched.bytes, total: fetched.bytes });
    const original = await readFile((await editor.services.media.filePath(photoId, 'original')) ?? '');
    expect(createHash('sha256').update(original).digest('hex')).toBe(photoId);
    expect(fetched.metadata).toMatchObject({ ...FIXTURE_EXPECTED.iimAndXmp, creditLine: EDITED_CREDIT });

    const story = await editor.services.drafts.create({ section: 'News' });
    const use = await editor.services.deskPhotos.placeAsLead(story.id, photoId);
    expect(use).toMatchObject({ photoId, credit: shared.credit, creditEdited: false });
    await until(async () => (await editor.services.drafts.get(story.id)).leadPhoto?.photoId === photoId, 'the lead photo in the article file');
    expect((await editor.services.drafts.get(story.id)).leadPhoto?.credit).toBe(shared.credit);

    // The pre-publish check reads the fetched photo as the photo desk reads its own: same findings.
    const checked = checkArticle(await editor.services.drafts.get(story.id), new Map([[photoId, await editor.services.media.get(photoId)]]), new Date());
    const atHome = checkArticle(await editor.services.drafts.get(story.id), new Map([[photoId, await photoDesk.services.media.get(photoId)]]), new Date());
    expect(checked.ok).toBe(true);
    expect(checked.warnings.map((issue) => issue.code)).toContain('photo-restricted');
    expect(checked).toEqual(atHome);

    // The XMP write-back on the machine that fetched it carries the desk's credit, as for a local photo.
    const copy = join(scratch, 'exported.jpg');
    await editor.services.media.exportCopy(photoId, copy, { writeXmp: true });
    expect(await readWithExiftool(copy, ['-XMP-photoshop:Credit'])).toMatchObject({ Credit: EDITED_CREDIT });
  }, 120_000);

  it('a photo request on a story is fulfilled from the other desktop and shows “photo ready”', async () => {
    const story = await editor.services.drafts.create({ section: 'News' });
    await editor.services.drafts.save({ ...story, headline: 'President presents the budget' }, 'manual');
    await editor.services.desk.share(story.id);
    await editor.services.deskPhotos.requestPhoto(story.id, 'the president at the lectern');
    await until(() => photoDesk.services.drafts.summaryById(story.id) !== null, 'the story on the photo desk');
    await until(async () => (await photoDesk.services.deskPhotos.photoRequest(story.id))?.state === 'wanted', 'the request on the photo desk');

    const ready = await photoDesk.services.deskPhotos.fulfilRequest(story.id, photoId);
    expect(ready).toEqual({ wanted: 'the president at the lectern', state: 'ready', mediaId: photoId, attachedBy: 'Bo Photo' });
    await until(async () => (await editor.services.deskPhotos.photoRequest(story.id))?.state === 'ready', 'photo ready on the editor’s desktop');
    expect(photoRequestLabel(await editor.services.deskPhotos.photoRequest(story.id))).toBe('Photo ready (attached by Bo Photo)');
    await until(async () => (await editor.services.drafts.get(story.id)).leadPhoto?.photoId === photoId, 'the lead photo on the editor’s desktop');
  }, 120_000);

  it('an unknown media id is refused with a clear message and fetches nothing', async () => {
    const unknown = 'f'.repeat(64);
    await expect(editor.services.deskPhotos.fetchOriginal(unknown)).rejects.toThrow('There is no photo ffffffffffff… on this desk: it was never shared here, or the id is wrong.');
    expect(await editor.services.media.getMany([unknown])).toEqual([]);
  }, 60_000);
});
