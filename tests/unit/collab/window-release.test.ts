import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createDispatcher } from '../../../electron/main/ipc/dispatcher';
import type { Services } from '../../../electron/main/services/compose';
import { openTestServices } from '../../support/test-services';

// A window that is closed, crashes or reloads never sends story:close: main lets go of every
// session that window opened (its editors, its people in the presence, its claim to bootstrap an
// empty document) once told the webContents went away, and nothing of the other windows.

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Call = (channel: string, request: unknown) => Promise<unknown>;

async function openServices(): Promise<{ services: Services; windowCall: (senderId: number) => Call }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'newsdesk-window-release-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const services = await openTestServices(dataDir);
  cleanups.push(() => services.close());
  const dispatch = createDispatcher(services.handlers, { trustedOrigins: ['app://newsdesk'] });
  const windowCall = (senderId: number): Call => async (channel, request) => {
    const result = (await dispatch(channel as never, request as never, { url: 'app://newsdesk/index.html', isMainFrame: true, senderId })) as { ok: boolean; value?: unknown; error?: { message: string } };
    if (!result.ok) throw new Error(result.error?.message);
    return result.value;
  };
  return { services, windowCall };
}

function presenceUpdate(name: string): string {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState({ name });
  return Buffer.from(encodeAwarenessUpdate(awareness, [awareness.clientID])).toString('base64');
}

describe('a window that goes away without closing its stories', () => {
  it('lets go of its editor sessions, its presence and its bootstrap claim, and only of its own', async () => {
    const { services, windowCall } = await openServices();
    const { id } = await services.drafts.create({ section: 'News' });
    const key = { id, part: 'body' };
    const first = windowCall(11);
    const second = windowCall(12);
    const opened = (await first('story:open', { id, part: 'body', session: 'window-a-0001' })) as { bootstrap: boolean };
    expect(opened.bootstrap).toBe(true);
    await first('story:awareness', { id, part: 'body', session: 'window-a-0001', update: presenceUpdate('Ana') });
    expect((await second('story:open', { id, part: 'body', session: 'window-b-0001' })) as { bootstrap: boolean }).toMatchObject({ bootstrap: false });
    await second('story:awareness', { id, part: 'body', session: 'window-b-0001', update: presenceUpdate('Ben') });

    await services.releaseWindow(11);

    expect([...services.storyDocs.editorsOf(key)]).toEqual(['window-b-0001']);
    const presence = new Awareness(new Y.Doc());
    presence.setLocalState(null);
    const state = services.storyPresence.stateOf(key);
    if (!state) throw new Error('the second window is still in the story');
    applyAwarenessUpdate(presence, state, 'test');
    expect([...presence.getStates().values()].map((who) => (who as { name?: string }).name)).toEqual(['Ben']);
    // The empty document's bootstrap is no longer promised to a page that is gone.
    expect((await windowCall(13)('story:open', { id, part: 'body', session: 'window-c-0001' })) as { bootstrap: boolean }).toMatchObject({ bootstrap: true });
  });

  it('frees the document once the last window is gone, and a session closed by its page is not closed twice', async () => {
    const { services, windowCall } = await openServices();
    const { id } = await services.drafts.create({ section: 'News' });
    const key = { id, part: 'body' };
    const page = windowCall(21);
    await page('story:open', { id, part: 'body', session: 'window-a-0001' });
    await page('story:open', { id, part: 'caption-guid-0001', session: 'window-a-0001' });
    await page('story:close', { id, part: 'caption-guid-0001', session: 'window-a-0001' });
    expect(services.storyDocs.get(key)).toBeDefined();
    await services.releaseWindow(21);
    expect(services.storyDocs.get(key)).toBeUndefined();
    expect(services.storyPresence.stateOf(key)).toBeNull();
    await services.releaseWindow(21);
  });
});
