import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { makePhotoFixture } from '../support/photo-fixtures';
import { deskServicesSkipReason } from './services/real-services';
import { until } from './support/desk-clients';
import { openConnectProxy, type ConnectProxy } from './support/connect-proxy';
import { attachWindow, bodyOf, openDesktop, signIn, startDeskUnderTest, type Desktop, type DeskUnderTest } from './support/desktops';

// A desktop behind a real proxy (CONNECT tunnels) reaching a real desk server, as the system's
// proxy settings (Electron's session.resolveProxy in the app) say; another desktop goes direct.
const skipReason = deskServicesSkipReason();
if (skipReason) console.warn(`[desk-proxy] skipped: ${skipReason}`);

let desk: DeskUnderTest;
let proxy: ConnectProxy;
let ana: Desktop;
let bo: Desktop;
/** The addresses Ana's desktop asked the proxy settings about. */
const asked: string[] = [];
const opened: Desktop[] = [];
/** The story the first test shared. */
let storyId = '';

beforeAll(async () => {
  if (skipReason) return;
  desk = await startDeskUnderTest();
  proxy = await openConnectProxy();
  ana = await openDesktop(undefined, {
    resolveProxy: async (url) => {
      asked.push(url);
      // No DIRECT after it: with the proxy down the desk must be unreachable, not reached directly.
      return `PROXY 127.0.0.1:${proxy.port}`;
    },
  });
  bo = await openDesktop();
  opened.push(ana, bo);
}, 180_000);

afterAll(async () => {
  for (const desktop of opened) await desktop.close();
  await proxy?.close();
  await desk?.close();
}, 60_000);

const deskAddress = (): string => new URL(desk.url).host;
const tunnelsToDesk = (): number => proxy.tunnels.filter((target) => target === deskAddress()).length;

describe.skipIf(skipReason !== null)('the desk behind a proxy', () => {
  it('signs in, syncs a story both ways, and the proxy carried the sign-in and the websocket', async () => {
    await signIn(ana, desk.url, 'ana');
    // The sign-in is an HTTP call: it went through a tunnel to the desk.
    expect(tunnelsToDesk()).toBeGreaterThanOrEqual(1);
    expect(asked).toContain(`${desk.url}/api/login`);
    await signIn(bo, desk.url, 'bo');
    await until(() => ana.services.desk.status().state === 'connected' && bo.services.desk.status().state === 'connected', 'both desktops connected');
    // The websocket asked for the route to its own address and took a tunnel of its own.
    expect(asked).toContain(`${desk.url}/`);
    expect(tunnelsToDesk()).toBeGreaterThanOrEqual(2);

    const article = await ana.services.drafts.create({ section: 'News' });
    await ana.services.drafts.save({ ...article, headline: 'Ferry strike ends' }, 'manual');
    await ana.services.desk.share(article.id);
    await until(() => bo.services.drafts.summaryById(article.id) !== null, 'the story on the direct desktop');
    const anaWindow = await attachWindow(ana.services, article.id, 'ana-window');
    const boWindow = await attachWindow(bo.services, article.id, 'bo-window');
    anaWindow.doc.get('root', Y.XmlText).insert(0, 'Typed behind the proxy. ');
    await until(() => bodyOf(boWindow.doc).includes('Typed behind the proxy.'), 'Ana’s text on Bo’s desktop');
    boWindow.doc.get('root', Y.XmlText).insert(0, 'Typed direct. ');
    await until(() => bodyOf(anaWindow.doc).includes('Typed direct.'), 'Bo’s text on Ana’s desktop');
    // Signed-in HTTP calls (the story list here; photos, budget and audit use the same fetch) go through it too.
    // (The desk's story table follows its documents a moment later: asked until it lists the story.)
    // It rides the sign-in's tunnel, kept open; with the proxy down it fails (next test).
    await until(async () => (await ana.services.desk.stories()).some((story) => story.storyId === article.id), 'the story in the desk’s list');
    expect(asked).toContain(`${desk.url}/api/desks/news/stories`);
    storyId = article.id;
    anaWindow.detach();
    boWindow.detach();
  }, 90_000);

  it('with the proxy down: offline with a message naming the proxy, calls refused with a sentence, work kept; back when it is', async () => {
    const id = storyId;
    const anaWindow = await attachWindow(ana.services, id, 'ana-window-2');
    const boWindow = await attachWindow(bo.services, id, 'bo-window-2');
    await proxy.down();
    await until(() => ana.services.desk.status().state === 'offline', 'Ana’s desktop offline');
    await until(() => /through the proxy/.test(ana.services.desk.status().message ?? ''), 'the reason shown');
    expect(ana.services.desk.status().message).toMatch(new RegExp(`^The last try to reach ${desk.url} failed \\(through the proxy 127\\.0\\.0\\.1:${proxy.port}: .*ECONNREFUSED.*\\)\\.$`));
    await expect(ana.services.desk.stories()).rejects.toThrow(new RegExp(`could not be reached \\(through the proxy 127\\.0\\.0\\.1:${proxy.port}: .*ECONNREFUSED`));
    // The desk itself is up: the direct desktop keeps working.
    expect(bo.services.desk.status().state).toBe('connected');
    anaWindow.doc.get('root', Y.XmlText).insert(0, 'Written while the proxy was down. ');
    await until(() => bodyOf(ana.services.storyDocs.get({ id, part: 'body' })!).includes('Written while the proxy was down.'), 'the offline text in main’s document');

    await proxy.up();
    await until(() => ana.services.desk.status().state === 'connected', 'Ana’s desktop back on the desk', 30_000);
    expect(ana.services.desk.status().message).toBeNull();
    await until(() => bodyOf(boWindow.doc).includes('Written while the proxy was down.'), 'the offline text on Bo’s desktop');
    anaWindow.detach();
    boWindow.detach();
  }, 90_000);

  it('a photo goes up, and the budget and audit log are read, through the proxy too', async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'desk-proxy-photo-'));
    try {
      const file = await makePhotoFixture(scratch, 'none', { name: 'through-the-proxy', seed: 7 });
      const job = await ana.services.media.whenFinished(ana.services.media.importPaths([file]).jobId);
      const photoId = job.items[0]?.photoId ?? '';
      await ana.services.deskPhotos.share(photoId);
      expect(asked.some((url) => url.startsWith(`${desk.url}/api/desks/news/blobs/`))).toBe(true);
      // The live photo list rides a websocket of its own, tunnelled too.
      await until(() => ana.services.deskPhotos.list().some((photo) => photo.mediaId === photoId), 'the photo in the proxied desktop’s live list');
      // What went up through the proxy comes down whole on the direct desktop.
      const fetched = await bo.services.deskPhotos.fetchOriginal(photoId);
      expect(fetched.id).toBe(photoId);

      const { members } = await ana.services.handlers['budget:members']({});
      expect(members.map((member) => member.name)).toContain('Bo Photo');
      const audit = await ana.services.handlers['desk:audit']({ id: storyId as never });
      expect(audit).toBeTruthy();
      expect(asked).toContain(`${desk.url}/api/desks/news/members`);
      expect(asked.some((url) => url.startsWith(`${desk.url}/api/desks/news/audit`))).toBe(true);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }, 90_000);

  it('a proxy setting it cannot use, or settings it cannot read, is said before anything is sent', async () => {
    const socks = await openDesktop(undefined, { resolveProxy: async () => 'SOCKS5 127.0.0.1:1080' });
    const broken = await openDesktop(undefined, { resolveProxy: async () => Promise.reject(new Error('the PAC script failed')) });
    opened.push(socks, broken);
    const before = proxy.tunnels.length;
    await expect(signIn(socks, desk.url, 'cy')).rejects.toThrow(/\(SOCKS5 127\.0\.0\.1:1080\) is not one Newsdesk can use/);
    await expect(signIn(broken, desk.url, 'cy')).rejects.toThrow(/proxy settings could not be read for the desk \(the PAC script failed\)/);
    expect(socks.services.desk.status().state).toBe('signed-out');
    expect(proxy.tunnels.length).toBe(before);
  }, 60_000);
});
