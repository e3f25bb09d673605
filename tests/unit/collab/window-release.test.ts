import { describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { openWindowServices, presenceUpdate } from './window-calls';

// A window that is closed, crashes or reloads never sends story:close: main lets go of every
// session that window opened (its editors, its people in the presence, its claim to bootstrap an
// empty document) once told the webContents went away, and nothing of the other windows.

describe('a window that goes away without closing its stories', () => {
  it('lets go of its editor sessions, its presence and its bootstrap claim, and only of its own', async () => {
    const { services, windowCall } = await openWindowServices();
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
    const { services, windowCall } = await openWindowServices();
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
