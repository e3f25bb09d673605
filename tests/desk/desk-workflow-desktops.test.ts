import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../server/accounts';
import { until } from './support/desk-clients';
import { PASSWORD, startDeskFixture, type DeskFixture } from './support/desk-fixture';
import { metaOf, openDesktop, type Desktop } from './support/desktops';

// Three app instances on one desk (in-process server, embedded PGlite): a reporter, an editor and
// a publisher. The status control's calls and the outbox go through main as the windows use them.
const SLOW = 240_000;
let desk: DeskFixture;
let rae: Desktop;
let ed: Desktop;
let pat: Desktop;
const people = {
  rae: { name: 'Rae Reporter', email: 'rae@example.org', roles: ['reporter'] },
  ed: { name: 'Ed Editor', email: 'ed@example.org', roles: ['editor'] },
  pat: { name: 'Pat Publisher', email: 'pat@example.org', roles: ['publisher'] },
};

async function signedIn(who: keyof typeof people): Promise<Desktop> {
  const desktop = await openDesktop();
  await desktop.services.desk.signIn({ serverUrl: desk.server.url, email: people[who].email, password: PASSWORD });
  return desktop;
}

beforeAll(async () => {
  desk = await startDeskFixture({}, false);
  for (const person of Object.values(people)) await addUser(desk.server.db, { ...person, password: PASSWORD, desks: ['news'] });
  [rae, ed, pat] = [await signedIn('rae'), await signedIn('ed'), await signedIn('pat')];
  await until(() => [rae, ed, pat].every((desktop) => desktop.services.desk.status().state === 'connected'), 'three desktops connected', 120_000);
}, SLOW);
afterAll(async () => {
  for (const desktop of [rae, ed, pat]) await desktop?.close();
  await desk?.stop();
}, 60_000);

describe('the desk workflow from the desktops', () => {
  it('a reporter cannot approve or publish, an editor approves, a publisher may then publish, and the log shows each step', async () => {
    const article = await rae.services.drafts.create({ section: 'News' });
    await rae.services.drafts.save({ ...article, headline: 'Ferry timetable changes' }, 'manual');
    await rae.services.desk.share(article.id);
    const id = article.id;
    await until(() => ed.services.drafts.summaryById(id) !== null && pat.services.drafts.summaryById(id) !== null, 'the story on the other desktops');
    await until(async () => (await rae.services.handlers['desk:workflow']({ id }))?.status === 'draft', 'the story on the desk');

    const asReporter = await rae.services.handlers['desk:workflow']({ id });
    expect(asReporter?.moves).toEqual([{ to: 'ready', allowed: true }]);
    await rae.services.handlers['desk:moveStatus']({ id, to: 'ready' });
    // A forged call from the reporter's window: the desk refuses it with its reason.
    await expect(rae.services.handlers['desk:moveStatus']({ id, to: 'approved' })).rejects.toThrow('Only an editor may set a story approved.');
    const refusedPublish = rae.services.publishing.outbox.enqueue({ articleId: id, targetId: 'site', headline: 'Ferry timetable changes', mode: 'publish' });
    await expect(refusedPublish).rejects.toThrow('only a publisher on the desk may publish it');
    // A publisher still waits for an editor's approval.
    await expect(pat.services.publishing.outbox.enqueue({ articleId: id, targetId: 'site', headline: 'Ferry timetable changes', mode: 'publish' }))
      .rejects.toThrow('This desk story is not approved yet');
    expect(rae.services.publishing.outbox.list()).toEqual([]);
    expect(pat.services.publishing.outbox.list()).toEqual([]);

    const asEditor = await ed.services.handlers['desk:workflow']({ id });
    expect(asEditor?.moves.find((move) => move.to === 'approved')).toEqual({ to: 'approved', allowed: true });
    await ed.services.handlers['desk:moveStatus']({ id, to: 'approved' });
    // The approval reaches the other desktops' story documents and their article files.
    await until(() => { const doc = pat.services.storyDocs.get({ id, part: 'body' }); return doc !== undefined && metaOf(doc).get('status') === 'approved'; }, 'the approval on the publisher’s desktop');
    await until(async () => (await rae.services.drafts.get(id)).status === 'approved', 'the approval in the reporter’s article file');

    const job = await pat.services.publishing.outbox.enqueue({ articleId: id, targetId: 'site', headline: 'Ferry timetable changes', mode: 'publish' });
    expect(job.articleId).toBe(id);
    await pat.services.publishing.outbox.cancel(job.id);

    const log = await ed.services.handlers['desk:audit']({ id });
    expect(log.entries.map((entry) => `${entry.who} · ${entry.action}`).reverse()).toEqual([
      'Rae Reporter · status', 'Rae Reporter · status-refused', 'Ed Editor · status',
    ]);
    const deskLog = await ed.services.handlers['desk:audit']({});
    expect(deskLog.entries.length).toBeGreaterThanOrEqual(3);
  }, SLOW);

  it('answers null for a story of this machine only, and refuses a move for it', async () => {
    const local = await rae.services.drafts.create({ section: 'News' });
    expect(await rae.services.handlers['desk:workflow']({ id: local.id })).toBeNull();
    await expect(rae.services.handlers['desk:moveStatus']({ id: local.id, to: 'ready' })).rejects.toThrow('This article is not a desk story.');
    // Not a desk story: the outbox does not ask the desk.
    const job = await rae.services.publishing.outbox.enqueue({ articleId: local.id, targetId: 'site', headline: 'Local', mode: 'publish' });
    await rae.services.publishing.outbox.cancel(job.id);
  }, SLOW);
});
