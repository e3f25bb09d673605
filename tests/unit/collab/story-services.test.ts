import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createDispatcher } from '../../../electron/main/ipc/dispatcher';
import type { Services } from '../../../electron/main/services/compose';
import type { DeskEventName } from '../../../shared/model/desk';
import { openTestServices } from '../../support/test-services';

// The story channels through the composed services, as a window calls them: a change acknowledged
// by story:update is there after the app restarts, and the article's metadata seeds the document.

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function call(services: Services) {
  const dispatch = createDispatcher(services.handlers, { trustedOrigins: ['app://newsdesk'] });
  const caller = { url: 'app://newsdesk/index.html', isMainFrame: true };
  return async (channel: string, request: unknown): Promise<unknown> => {
    const result = (await dispatch(channel as never, request as never, caller)) as { ok: boolean; value?: unknown; error?: { message: string } };
    if (!result.ok) throw new Error(result.error?.message);
    return result.value;
  };
}

describe('story documents through the composed services', () => {
  it('keep an acknowledged change across a restart and seed the metadata from the article', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'newsdesk-story-services-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const events: DeskEventName[] = [];
    const services = await openTestServices(dataDir, { onDeskEvent: (event) => events.push(event) });
    const article = await services.drafts.create({ section: 'News' });
    await services.drafts.save({ ...article, headline: 'Harbour reopens' }, 'manual');
    const session = 'window-a-0001';
    const opened = (await call(services)('story:open', { id: article.id, part: 'body', session })) as { state: string; bootstrap: boolean };
    expect(opened.bootstrap).toBe(true);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Buffer.from(opened.state, 'base64'));
    expect(replica.getMap('meta').get('headline')).toBe('Harbour reopens');
    let update: Uint8Array = new Uint8Array();
    replica.once('update', (bytes: Uint8Array) => (update = bytes));
    replica.get('root', Y.XmlText).insert(0, 'Boats are back.');
    await call(services)('story:update', { id: article.id, part: 'body', session, update: Buffer.from(update).toString('base64') });
    expect(events).toContain('story:updated');
    expect(await services.close()).toEqual([]);

    const again = await openTestServices(dataDir);
    cleanups.push(() => again.close());
    const reopened = (await call(again)('story:open', { id: article.id, part: 'body', session: 'window-b-0001' })) as { state: string; bootstrap: boolean };
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Buffer.from(reopened.state, 'base64'));
    expect(copy.get('root', Y.XmlText).toString()).toBe('Boats are back.');
    expect(reopened.bootstrap).toBe(false);
  });

  it('tell a window which article file versions main wrote from the story document', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'newsdesk-story-services-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const services = await openTestServices(dataDir);
    cleanups.push(() => services.close());
    const article = await services.drafts.create({ section: 'News' });
    const before = await services.drafts.save({ ...article, headline: 'Harbour reopens' }, 'manual');
    // A change that is neither a window's nor the file's (the desk's, say) while no window shows the story.
    const doc = await services.storyDocs.hold({ id: article.id, part: 'body' }, 'desk-test');
    cleanups.push(() => services.storyDocs.release({ id: article.id, part: 'body' }, 'desk-test'));
    doc.transact(() => doc.getMap('meta').set('headline', 'Harbour reopens on Monday'), { desk: true });
    await vi.waitFor(async () => expect((await services.drafts.get(article.id)).headline).toBe('Harbour reopens on Monday'), { timeout: 10_000 });
    const written = (await services.drafts.get(article.id)).updatedAt;

    const ask = call(services);
    expect(await ask('story:fileVersionFromDocument', { id: article.id, updatedAt: written })).toBe(true);
    // The version before it was the editor's own save, not the document's: a window is told no.
    expect(await ask('story:fileVersionFromDocument', { id: article.id, updatedAt: before.updatedAt })).toBe(false);
    expect(await ask('story:fileVersionFromDocument', { id: crypto.randomUUID(), updatedAt: written })).toBe(false);
  });
});


describe('a version put into the story document from outside (a restore)', () => {
  it('is the document’s version for a window that asks, even one told of the file before the document took it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'newsdesk-story-services-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const answers: Promise<boolean>[] = [];
    let services: Services | null = null;
    let restoring = false;
    // A window hears of the restored file as soon as the store says so, and asks at once, as
    // useChangedElsewhere does: that can be before the document has taken the restored text.
    const onDraftsChanged = (ids: string[]) => {
      if (!restoring || !services) return;
      const open = services;
      for (const id of ids) answers.push(open.drafts.get(id).then(({ updatedAt }) => call(open)('story:fileVersionFromDocument', { id, updatedAt }) as Promise<boolean>));
    };
    services = await openTestServices(dataDir, { onDraftsChanged });
    const open = services;
    cleanups.push(() => open.close());
    const ask = call(open);
    const article = await open.drafts.create({ section: 'News' });
    const session = 'window-a-0001';
    await ask('story:open', { id: article.id, part: 'body', session });
    const opened = (await ask('story:open', { id: article.id, part: 'body', session: 'window-b-0001' })) as { state: string };
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Buffer.from(opened.state, 'base64'));
    let update: Uint8Array = new Uint8Array();
    replica.once('update', (bytes: Uint8Array) => (update = bytes));
    replica.get('root', Y.XmlText).insert(0, 'Boats are back.');
    await ask('story:update', { id: article.id, part: 'body', session, update: Buffer.from(update).toString('base64') });
    await open.drafts.save({ ...(await open.drafts.get(article.id)), headline: 'Harbour reopens' }, 'manual');
    await open.drafts.save({ ...(await open.drafts.get(article.id)), headline: 'Harbour reopens, then a storm' }, 'manual');
    const first = (await open.drafts.revisions(article.id)).find((revision) => revision.reason === 'manual');

    restoring = true;
    const restored = (await ask('drafts:restoreRevision', { id: article.id, revisionId: first!.revisionId })) as { updatedAt: string };
    await vi.waitFor(() => expect(answers.length).toBeGreaterThan(0), { timeout: 10_000 });
    expect(await Promise.all(answers)).toEqual(answers.map(() => true));
    expect(await ask('story:fileVersionFromDocument', { id: article.id, updatedAt: restored.updatedAt })).toBe(true);
  });
});
