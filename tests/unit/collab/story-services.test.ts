import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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
});
