import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/desk/audit';
import { addUser } from '../../server/accounts';
import { EXIFTOOL_MISSING_REASON, exiftoolAvailable, makePhotoFixture, readWithExiftool } from '../support/photo-fixtures';
import { startWordPress, wordPressSkipReason, type WordPressSite } from '../wordpress/wordpress-server';
import { restClient } from '../integration/wordpress-publish-helpers';
import { until } from './support/desk-clients';
import { PASSWORD, startDeskFixture, type DeskFixture } from './support/desk-fixture';
import { addWordPressTarget, bodyOfParagraphs, publishAndWait, queuePublish, readPost, sharedStory } from './support/desk-publishing';
import { attachWindow, metaOf, openDesktop, type Desktop } from './support/desktops';

// A desk story from first draft to the real (test) WordPress, through four app instances on one
// desk server: a reporter, an editor, a photo editor (desktop A) and a publisher (desktop B). The
// desk decides who may move and publish; the publisher's own outbox pushes to the site; the desk's
// audit log is read back for every step. Then the photo handoff all the way to the site.
const skipReason = wordPressSkipReason() ?? (exiftoolAvailable() ? null : EXIFTOOL_MISSING_REASON);
if (skipReason) console.warn(`[desk-publish-wordpress] skipped: ${skipReason}`);

const SLOW = 300_000;
const SITE_NAME = 'Newsroom WordPress';
const EVERY_POST = '/posts?status=publish,future,draft,pending,private';
const DESK_CREDIT_LINE = 'POOL/AFP via Getty Images (credit checked on the desk)';
const people = {
  rae: { name: 'Rae Reporter', email: 'rae@example.org', roles: ['reporter'] },
  ed: { name: 'Ed Editor', email: 'ed@example.org', roles: ['editor'] },
  bo: { name: 'Bo Photo', email: 'bo@example.org', roles: ['photo-editor'] },
  pat: { name: 'Pat Publisher', email: 'pat@example.org', roles: ['publisher'] },
};
let desk: DeskFixture;
let site: WordPressSite;
let scratch: string;
let rae: Desktop;
let ed: Desktop;
let bo: Desktop;
let pat: Desktop;
let patTarget: string;

async function signedIn(who: keyof typeof people): Promise<Desktop> {
  const desktop = await openDesktop();
  await desktop.services.desk.signIn({ serverUrl: desk.server.url, email: people[who].email, password: PASSWORD });
  return desktop;
}

beforeAll(async () => {
  if (skipReason) return;
  scratch = await mkdtemp(join(tmpdir(), 'desk-publish-'));
  site = await startWordPress();
  desk = await startDeskFixture({}, false);
  for (const person of Object.values(people)) await addUser(desk.server.db, { ...person, password: PASSWORD, desks: ['news'] });
  [rae, ed, bo, pat] = [await signedIn('rae'), await signedIn('ed'), await signedIn('bo'), await signedIn('pat')];
  await until(() => [rae, ed, bo, pat].every((desktop) => desktop.services.desk.status().state === 'connected'), 'four desktops connected', 120_000);
  patTarget = await addWordPressTarget(pat.services, site, SITE_NAME);
}, SLOW);

afterAll(async () => {
  for (const desktop of [rae, ed, bo, pat]) await desktop?.close();
  await desk?.stop();
  await site?.stop();
  if (scratch) await rm(scratch, { recursive: true, force: true });
}, 60_000);

const statusOn = (desktop: Desktop, id: string): unknown => {
  const doc = desktop.services.storyDocs.get({ id, part: 'body' });
  return doc === undefined ? undefined : metaOf(doc).get('status');
};
const steps = (entries: AuditEntry[]): string[] => entries.map((entry) => `${entry.who} · ${entry.action} · ${entry.summary}`).reverse();
const storyLog = async (id: string): Promise<AuditEntry[]> => (await ed.services.handlers['desk:audit']({ id })).entries;
const postIdOf = (job: { remote: { postId: unknown } | null }): number => Number(job.remote?.postId);

describe.skipIf(skipReason !== null)('desk stories published to a real WordPress', () => {
  it('a reporter cannot approve or publish, an editor approves, a publisher publishes through the outbox, and the audit log shows each step', async () => {
    const story = await sharedStory(rae.services, {
      headline: 'Harbour reopens after the storm', dek: 'Ferries run again from Monday.', slug: 'harbour-reopens', slugEdited: true,
      byline: [{ name: 'Rae Reporter', role: 'Reporter', avatar: null }], body: bodyOfParagraphs('The harbour reopened at dawn.', 'Ferries resume on Monday.'),
    });
    const id = story.id;
    await until(() => [ed, pat].every((desktop) => desktop.services.drafts.summaryById(id) !== null), 'the story on the editor’s and the publisher’s desktops');
    await until(async () => (await rae.services.handlers['desk:workflow']({ id }))?.status === 'draft', 'the story on the desk');
    await rae.services.handlers['desk:moveStatus']({ id, to: 'ready' });

    // The reporter, through every door: the window's IPC call, the desk's HTTP API, the story document itself, the outbox.
    await expect(rae.services.handlers['desk:moveStatus']({ id, to: 'approved' })).rejects.toThrow('Only an editor may set a story approved.');
    const session = rae.services.desk.session();
    const forged = await fetch(`${desk.server.url}/api/desks/news/stories/${id}/published`, {
      method: 'POST', headers: { Authorization: `Bearer ${session?.token ?? ''}` }, body: JSON.stringify({ target: SITE_NAME }),
    });
    expect(forged.status).toBe(403);
    expect(await forged.json()).toEqual({ error: 'Only a publisher may publish a desk story.' });
    const raeWindow = await attachWindow(rae.services, id, 'rae-window');
    raeWindow.doc.transact(() => metaOf(raeWindow.doc).set('status', 'published'));
    await until(() => metaOf(raeWindow.doc).get('status') === 'ready', 'the desk undoing the reporter’s status write');
    raeWindow.detach();
    const raeTarget = await addWordPressTarget(rae.services, site, 'Reporter’s copy of the site');
    await expect(queuePublish(rae.services, id, raeTarget)).rejects.toThrow('only a publisher on the desk may publish it');
    // The publisher waits for the editor.
    await expect(queuePublish(pat.services, id, patTarget)).rejects.toThrow('This desk story is not approved yet');
    expect([...rae.services.publishing.outbox.list(), ...pat.services.publishing.outbox.list()]).toEqual([]);
    expect(await restClient(site).total(EVERY_POST)).toBe(1); // only WordPress's "Hello world!"

    await ed.services.handlers['desk:moveStatus']({ id, to: 'approved' });
    await until(() => statusOn(pat, id) === 'approved', 'the approval on the publisher’s desktop');
    const job = await publishAndWait(pat.services, id, patTarget);

    const { post } = await readPost(site, postIdOf(job), scratch);
    expect(post).toMatchObject({ status: 'publish', slug: 'harbour-reopens', title: { raw: 'Harbour reopens after the storm' } });
    expect(post.content.raw).toContain('The harbour reopened at dawn.');
    // The desk is told where it went; the story is published on every desktop.
    await until(async () => (await storyLog(id)).some((entry) => entry.action === 'published'), 'the publish in the desk’s audit log');
    await until(() => statusOn(rae, id) === 'published', 'published on the reporter’s desktop');

    const log = await storyLog(id);
    expect(steps(log)).toEqual([
      'Rae Reporter · status · Rae Reporter: Draft → Ready for review',
      'Rae Reporter · status-refused · Rae Reporter was refused setting the story approved: Only an editor may set a story approved.',
      `Rae Reporter · publish-refused · Rae Reporter was refused publishing to ${SITE_NAME}: Only a publisher may publish a desk story.`,
      'Rae Reporter · status-refused · Rae Reporter was refused setting the story published: A story cannot go from ready for review to published.',
      'Ed Editor · status · Ed Editor: Ready for review → Approved',
      `Pat Publisher · published · Pat Publisher published to ${SITE_NAME} (${job.remote?.link ?? ''})`,
    ]);
    expect(log.every((entry) => entry.storyId === id && !Number.isNaN(Date.parse(entry.at)))).toBe(true);
    // The desk-wide log holds the same steps.
    const deskLog = await ed.services.handlers['desk:audit']({});
    expect(deskLog.entries.filter((entry) => entry.storyId === id)).toEqual(log);
  }, SLOW);

  it('a photo imported and attached on desktop A is placed on desktop B, which never had the file, and published with its credit in the caption and the XMP', async () => {
    // Desktop A: the photo desk imports a credited agency JPEG and corrects its credit line in the library only.
    const file = await makePhotoFixture(join(scratch, 'fixtures'), 'iimAndXmp', { name: 'pool-elysee', seed: 21 });
    const imported = await bo.services.media.whenFinished(bo.services.media.importPaths([file]).jobId);
    const photoId = imported.items[0]?.photoId ?? '';
    await bo.services.media.update(photoId, { creditLine: DESK_CREDIT_LINE });
    const shared = await bo.services.deskPhotos.share(photoId);
    expect(shared.credit).toContain(DESK_CREDIT_LINE);

    // The editor asks for a photo on a story; the photo desk attaches the shared one.
    const story = await sharedStory(ed.services, {
      headline: 'President presents the budget', dek: 'Taxes stay level.', slug: 'president-presents-budget', slugEdited: true,
      byline: [{ name: 'Ed Editor', role: 'Editor', avatar: null }], body: bodyOfParagraphs('The president presented the budget on Tuesday.'),
    });
    const id = story.id;
    await ed.services.deskPhotos.requestPhoto(id, 'the president at the lectern');
    await until(() => bo.services.drafts.summaryById(id) !== null, 'the story on the photo desk');
    await until(async () => (await bo.services.deskPhotos.photoRequest(id))?.state === 'wanted', 'the request on the photo desk');
    expect(await bo.services.deskPhotos.fulfilRequest(id, photoId)).toMatchObject({ state: 'ready', mediaId: photoId, attachedBy: 'Bo Photo' });

    // Desktop B: the publisher has no copy of the file, sees the desk photo, places it as lead (fetching the original).
    await until(() => pat.services.deskPhotos.list().some((photo) => photo.mediaId === photoId), 'the desk photo on desktop B');
    expect(await pat.services.media.getMany([photoId])).toEqual([]);
    await until(() => pat.services.drafts.summaryById(id) !== null, 'the story on desktop B');
    const use = await pat.services.deskPhotos.placeAsLead(id, photoId);
    expect(use.credit).toBe(shared.credit);
    await until(async () => (await pat.services.drafts.get(id)).leadPhoto?.photoId === photoId, 'the lead photo in desktop B’s article');

    await ed.services.handlers['desk:moveStatus']({ id, to: 'ready' });
    await ed.services.handlers['desk:moveStatus']({ id, to: 'approved' });
    await until(() => statusOn(pat, id) === 'approved', 'the approval on desktop B');
    const job = await publishAndWait(pat.services, id, patTarget);

    const { post, featured, featuredFile } = await readPost(site, postIdOf(job), scratch);
    expect(post.title.raw).toBe('President presents the budget');
    expect(featured?.caption.raw).toContain(shared.credit);
    expect(featured?.alt_text).toBe(use.altText);
    // The uploaded file carries the desk's credit in its XMP, read back by exiftool.
    expect(await readWithExiftool(featuredFile ?? '', ['-XMP-photoshop:Credit'])).toMatchObject({ Credit: DESK_CREDIT_LINE });
    await until(async () => (await storyLog(id)).some((entry) => entry.action === 'published'), 'the publish in the desk’s audit log');
    expect(steps(await storyLog(id)).at(-1)).toBe(`Pat Publisher · published · Pat Publisher published to ${SITE_NAME} (${job.remote?.link ?? ''})`);
  }, SLOW);

  it('a story whose photo request the photo desk fulfilled is published from desktop B straight away: the desk photo is fetched for the check', async () => {
    const file = await makePhotoFixture(join(scratch, 'fixtures'), 'iimAndXmp', { name: 'pool-elysee-2', seed: 22 });
    const imported = await bo.services.media.whenFinished(bo.services.media.importPaths([file]).jobId);
    const photoId = imported.items[0]?.photoId ?? '';
    const shared = await bo.services.deskPhotos.share(photoId);
    const story = await sharedStory(ed.services, {
      headline: 'Minister answers on the budget', dek: 'Questions in parliament.', slug: 'minister-answers', slugEdited: true,
      byline: [{ name: 'Ed Editor', role: 'Editor', avatar: null }], body: bodyOfParagraphs('The minister answered questions on Wednesday.'),
    });
    const id = story.id;
    await ed.services.deskPhotos.requestPhoto(id, 'the minister in parliament');
    await until(() => bo.services.drafts.summaryById(id) !== null, 'the story on the photo desk');
    await until(async () => (await bo.services.deskPhotos.photoRequest(id))?.state === 'wanted', 'the request on the photo desk');
    await bo.services.deskPhotos.fulfilRequest(id, photoId);
    await until(async () => (await pat.services.drafts.get(id).catch(() => null))?.leadPhoto?.photoId === photoId, 'the attached photo in desktop B’s article');
    await until(() => pat.services.deskPhotos.list().some((photo) => photo.mediaId === photoId), 'the desk photo listed on desktop B');
    // Desktop B never fetched it: the publish check does.
    expect(await pat.services.media.getMany([photoId])).toEqual([]);
    await ed.services.handlers['desk:moveStatus']({ id, to: 'ready' });
    await ed.services.handlers['desk:moveStatus']({ id, to: 'approved' });
    await until(() => statusOn(pat, id) === 'approved', 'the approval on desktop B');
    const job = await publishAndWait(pat.services, id, patTarget);

    expect((await pat.services.media.getMany([photoId])).map((photo) => photo.id)).toEqual([photoId]);
    const { featured } = await readPost(site, postIdOf(job), scratch);
    expect(featured?.caption.raw).toContain(shared.credit);
  }, SLOW);
});
