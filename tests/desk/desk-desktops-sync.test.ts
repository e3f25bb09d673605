import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { DeskPresence, StoryChange } from '../../shared/model/desk';
import { deskServicesSkipReason } from './services/real-services';
import { connectClient, login, sameState, until } from './support/desk-clients';
import { PASSWORD, PEOPLE } from './support/desk-fixture';
import { attachWindow, bodyOf, metaOf, openDesktop, signIn, startDeskUnderTest, type Desktop, type DeskUnderTest } from './support/desktops';

// Two app instances (two data folders, each its own main services) on one real desk server.
const skipReason = deskServicesSkipReason();
if (skipReason) console.warn(`[desk-desktops-sync] skipped: ${skipReason}`);

let desk: DeskUnderTest;
let ana: Desktop;
let bo: Desktop;

beforeAll(async () => {
  if (skipReason) return;
  desk = await startDeskUnderTest();
  ana = await openDesktop();
  bo = await openDesktop();
  await signIn(ana, desk.url, 'ana');
  await signIn(bo, desk.url, 'bo');
  await until(() => ana.services.desk.status().state === 'connected' && bo.services.desk.status().state === 'connected', 'both desktops connected');
}, 180_000);

afterAll(async () => {
  await ana?.close();
  await bo?.close();
  await desk?.close();
}, 60_000);

/** Shares a new local story from Ana's desktop and waits until Bo's library has it. */
async function sharedStory(headline: string): Promise<string> {
  const article = await ana.services.drafts.create({ section: 'News' });
  await ana.services.drafts.save({ ...article, headline }, 'manual');
  const shared = await ana.services.desk.share(article.id);
  expect(shared).toEqual({ deskId: 'news', storyId: article.id });
  await until(() => bo.services.drafts.summaryById(article.id) !== null, 'the story in the other desktop’s draft list');
  return article.id;
}

const docOf = (desktop: Desktop, id: string): Y.Doc => {
  const doc = desktop.services.storyDocs.get({ id, part: 'body' });
  if (!doc) throw new Error(`${desktop.dir} holds no document for ${id}`);
  return doc;
};

describe.skipIf(skipReason !== null)('desktops on one desk', () => {
  it('a story shared by one desktop appears in the other’s draft list, with its metadata', async () => {
    const id = await sharedStory('Harbour bridge reopens');
    expect(bo.services.drafts.summaryById(id)?.summary.headline).toBe('Harbour bridge reopens');
    const article = await bo.services.drafts.get(id);
    expect(article.section).toBe('News');
    expect(ana.services.desk.status()).toMatchObject({ state: 'connected', desk: { id: 'news' }, user: { email: 'ana@example.org' } });
  }, 60_000);

  it('edits made in one window reach the other desktop’s document, and its windows as from the desk', async () => {
    const id = await sharedStory('Council votes');
    const anaWindow = await attachWindow(ana.services, id, 'ana-window-1');
    const boWindow = await attachWindow(bo.services, id, 'bo-window-1');
    anaWindow.doc.get('root', Y.XmlText).insert(0, 'Ana typed this. ');
    metaOf(anaWindow.doc).set('dek', 'A close vote');
    await until(() => bodyOf(boWindow.doc).includes('Ana typed this.'), 'Ana’s text in Bo’s window');
    await until(() => metaOf(docOf(bo, id)).get('dek') === 'A close vote', 'Ana’s dek on Bo’s desktop');
    boWindow.doc.get('root', Y.XmlText).insert(0, 'Bo too. ');
    await until(() => bodyOf(anaWindow.doc).includes('Bo too.'), 'Bo’s text in Ana’s window');
    const fromDesk = bo.events.filter((entry) => entry.event === 'story:updated' && 'from' in entry.payload && entry.payload.from === 'desk');
    expect(fromDesk.length).toBeGreaterThan(0);
    anaWindow.detach();
    boWindow.detach();
  }, 60_000);

  it('partition: both edit the same paragraph and field while the desk is down; after restart both converge, no text lost, the replaced field noted', async () => {
    const id = await sharedStory('Storm warning');
    const anaWindow = await attachWindow(ana.services, id, 'ana-window-2');
    const boWindow = await attachWindow(bo.services, id, 'bo-window-2');
    anaWindow.doc.get('root', Y.XmlText).insert(0, 'Shared paragraph.');
    await until(() => bodyOf(boWindow.doc) === 'Shared paragraph.', 'the paragraph on both');

    await desk.stop();
    await until(() => ana.services.desk.status().state === 'offline' && bo.services.desk.status().state === 'offline', 'both offline');
    anaWindow.doc.get('root', Y.XmlText).insert(6, ' ANA');
    boWindow.doc.get('root', Y.XmlText).insert(16, ' BO');
    metaOf(anaWindow.doc).set('headline', 'Storm warning (Ana)');
    metaOf(boWindow.doc).set('headline', 'Storm warning (Bo)');
    await until(() => ana.services.desk.status().unsyncedStories > 0, 'Ana’s change counted as unsynced');

    await desk.restart();
    await until(() => sameState(docOf(ana, id), docOf(bo, id)), 'the two desktops to converge');
    await until(() => ana.services.desk.status().unsyncedStories === 0 && bo.services.desk.status().unsyncedStories === 0, 'nothing left unsynced');
    const body = bodyOf(docOf(ana, id));
    expect(body).toContain(' ANA');
    expect(body).toContain(' BO');
    expect(body.replace(' ANA', '').replace(' BO', '')).toBe('Shared paragraph.');
    const headline = metaOf(docOf(ana, id)).get('headline');
    expect(['Storm warning (Ana)', 'Storm warning (Bo)']).toContain(headline);
    // The side whose headline lost is told, with the text it wrote, so nothing is silently dropped.
    const loser = headline === 'Storm warning (Ana)' ? bo : ana;
    const lost = headline === 'Storm warning (Ana)' ? 'Storm warning (Bo)' : 'Storm warning (Ana)';
    await until(() => loser.services.desk.notices().some((note) => note.includes(lost)), 'a note of the replaced headline');
    expect(loser.services.desk.status().message).toContain('headline');
    anaWindow.detach();
    boWindow.detach();
  }, 120_000);

  it('a merge that replaces the headline and the slug that follows it notes both: the slug’s note does not hide the headline’s', async () => {
    const id = await sharedStory('Flood warning');
    const anaWindow = await attachWindow(ana.services, id, 'ana-window-3');
    const boWindow = await attachWindow(bo.services, id, 'bo-window-3');
    await desk.stop();
    await until(() => ana.services.desk.status().state === 'offline' && bo.services.desk.status().state === 'offline', 'both offline');
    // The editor writes the slug with the headline, in one change, as typing a headline does.
    anaWindow.doc.transact(() => {
      metaOf(anaWindow.doc).set('headline', 'Flood warning (Ana)');
      metaOf(anaWindow.doc).set('slug', 'flood-warning-ana');
    }, 'ana-window-3');
    boWindow.doc.transact(() => {
      metaOf(boWindow.doc).set('headline', 'Flood warning (Bo)');
      metaOf(boWindow.doc).set('slug', 'flood-warning-bo');
    }, 'bo-window-3');
    await until(() => ana.services.desk.status().unsyncedStories > 0 && bo.services.desk.status().unsyncedStories > 0, 'both changes counted as unsynced');

    await desk.restart();
    await until(() => sameState(docOf(ana, id), docOf(bo, id)), 'the two desktops to converge');
    const headline = metaOf(docOf(ana, id)).get('headline');
    const loser = headline === 'Flood warning (Ana)' ? bo : ana;
    const lost = headline === 'Flood warning (Ana)' ? 'Flood warning (Bo)' : 'Flood warning (Ana)';
    await until(() => loser.services.desk.notices().filter((note) => note.includes('Flood warning')).length >= 2, 'notes of the replaced headline and slug');
    const message = loser.services.desk.status().message ?? '';
    expect(message).toContain(`Your change to the headline of`);
    expect(message).toContain(lost);
    expect(message).toContain('Your change to the slug of');
    anaWindow.detach();
    boWindow.detach();
  }, 120_000);

  it('kill -9 of the server mid-typing, then restart: the desk and both desktops hold the same document', async () => {
    const id = await sharedStory('Late typing');
    const anaWindow = await attachWindow(ana.services, id, 'ana-window-3');
    const body = anaWindow.doc.get('root', Y.XmlText);
    const toldBefore = ana.events.length;
    for (let i = 0; i < 200; i += 1) {
      body.insert(body.length, `${i} `);
      if (i === 100) void desk.stop(true);
      if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await until(() => ana.services.desk.status().state === 'offline', 'Ana offline after the kill');
    // The windows hear of a status change, not of every keystroke.
    expect(ana.events.slice(toldBefore).filter((entry) => entry.event === 'desk:statusChanged').length).toBeLessThan(20);
    await desk.restart();
    await until(() => sameState(docOf(ana, id), docOf(bo, id)), 'both desktops equal after the restart');
    await until(() => ana.services.desk.status().unsyncedStories === 0, 'Ana’s typing confirmed by the desk');
    expect(bodyOf(docOf(bo, id)).trim().split(' ')).toHaveLength(200);
    // What the desk itself stores, read by a fresh client.
    const reader = connectClient(desk.process().webSocketUrl, 'news', id, await tokenOf('bo'));
    try {
      await until(() => reader.provider.isSynced, 'a fresh reader synced');
      await until(() => bodyOf(reader.doc) === bodyOf(docOf(ana, id)), 'the desk’s copy equal to the desktops’');
    } finally {
      reader.destroy();
    }
    anaWindow.detach();
  }, 120_000);

  it('presence: each desktop shows who else is in a shared story, and a window’s presence crosses the desk', async () => {
    const id = await sharedStory('Who is here');
    await until(() => presenceIn(bo, id).includes('Ana Editor'), 'Ana listed in the story on Bo’s desktop');
    expect(presenceIn(ana, id)).toEqual(['Bo Photo']);

    // A window of Ana's app: its awareness goes to main, then to the desk, then to Bo's windows.
    const windowDoc = new Y.Doc();
    const windowAwareness = new Awareness(windowDoc);
    windowAwareness.setLocalState({ user: { name: 'Ana Editor', color: '#c00' }, cursor: { anchor: 3 } });
    const update = Buffer.from(encodeAwarenessUpdate(windowAwareness, [windowDoc.clientID])).toString('base64');
    await ana.services.handlers['story:awareness']({ id, part: 'body', session: 'ana-window-5', update }, caller);
    await until(() => awarenessOnBo(id).has(windowDoc.clientID), 'the window’s cursor on Bo’s side');
    expect(awarenessOnBo(id).get(windowDoc.clientID)).toMatchObject({ cursor: { anchor: 3 } });
    const unreadable = { id, part: 'body', session: 'ana-window-5', update: '/////w==' };
    await expect(Promise.resolve().then(() => ana.services.handlers['story:awareness'](unreadable, caller))).rejects.toThrow('The presence update could not be read');
    // Ana's own window is not "someone else" on Ana's desktop.
    expect(presenceIn(ana, id)).toEqual(['Bo Photo']);

    const opened = await ana.services.handlers['story:open']({ id, part: 'body', session: 'ana-window-5' }, caller);
    expect(opened.shared).toEqual({ deskId: 'news', storyId: id });
    await ana.services.handlers['story:close']({ id, part: 'body', session: 'ana-window-5' }, caller);
  }, 60_000);

  it('a restarted desktop restores its session and keeps syncing its shared stories', async () => {
    const id = await sharedStory('After restart');
    const dir = ana.dir;
    await ana.close();
    ana = await openDesktop(dir);
    await until(() => ana.services.desk.status().state === 'connected', 'Ana connected again without signing in');
    const boWindow = await attachWindow(bo.services, id, 'bo-window-4');
    boWindow.doc.get('root', Y.XmlText).insert(0, 'Written while Ana restarted.');
    await until(() => bodyOf(docOf(ana, id)).includes('Written while Ana restarted.'), 'Bo’s text on the restarted desktop');
    boWindow.detach();
  }, 90_000);
});

const caller = { url: 'app://newsdesk/index.html', isMainFrame: true };

/** The names the last 'desk:presence' event shows in a story. */
function presenceIn(desktop: Desktop, id: string): string[] {
  const last = desktop.events.filter((entry) => entry.event === 'desk:presence').at(-1)?.payload as DeskPresence | undefined;
  return last?.stories.find((story) => story.id === id)?.people.map((person) => person.name) ?? [];
}

/** Bo's windows' view of others in a story, from the awareness updates main sent them as from the desk. */
function awarenessOnBo(id: string): Map<number, Record<string, unknown>> {
  const awareness = new Awareness(new Y.Doc());
  for (const entry of bo.events) {
    const change = entry.payload as StoryChange;
    if (entry.event === 'story:awarenessChanged' && change.id === id && change.from === 'desk') applyAwarenessUpdate(awareness, Buffer.from(change.update, 'base64'), 'desk');
  }
  return awareness.getStates() as Map<number, Record<string, unknown>>;
}

async function tokenOf(who: 'ana' | 'bo'): Promise<string> {
  return (await login(desk.url, PEOPLE[who].email, PASSWORD)).token;
}
