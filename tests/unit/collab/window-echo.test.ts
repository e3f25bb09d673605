import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Services } from '../../../electron/main/services/compose';
import type { DeskEventName } from '../../../shared/model/desk';
import { openWindowServices, presenceUpdate, type Call } from './window-calls';

// Main announces every story change to the windows, but not back to the window whose editor made
// it: that window holds the change already, and decoding the echo only to drop it cost it time on
// every batch of keystrokes. A window with a second editor of the same story still gets it.

interface Announced {
  event: DeskEventName;
  from: unknown;
  madeBy: number | undefined;
}

async function openServices(): Promise<{ services: Services; announced: Announced[]; windowCall: (senderId: number) => Call }> {
  const announced: Announced[] = [];
  const opened = await openWindowServices({
    onDeskEvent: (event, payload, madeBy) => announced.push({ event, from: (payload as { from?: unknown }).from, madeBy }),
  });
  return { ...opened, announced };
}

/** A change typed into an editor's copy of the document, as the editor's provider sends it. */
async function typeInto(call: Call, id: string, session: string, text: string): Promise<void> {
  const opened = (await call('story:open', { id, part: 'body', session })) as { state: string };
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Buffer.from(opened.state, 'base64'));
  let update: Uint8Array = new Uint8Array();
  copy.once('update', (bytes: Uint8Array) => (update = bytes));
  copy.get('root', Y.XmlText).insert(0, text);
  await call('story:update', { id, part: 'body', session, update: Buffer.from(update).toString('base64') });
}

describe('story changes announced to the windows', () => {
  it('are not sent back to the window whose editor made them, text or presence', async () => {
    const { services, announced, windowCall } = await openServices();
    const { id } = await services.drafts.create({ section: 'News' });
    await windowCall(12)('story:open', { id, part: 'body', session: 'window-b-0001' });
    await typeInto(windowCall(11), id, 'window-a-0001', 'Harbour reopens.');
    await windowCall(11)('story:awareness', { id, part: 'body', session: 'window-a-0001', update: presenceUpdate('Ana') });

    const fromFirst = announced.filter((entry) => entry.from === 'window-a-0001');
    expect(fromFirst.map((entry) => entry.event)).toEqual(expect.arrayContaining(['story:updated', 'story:awarenessChanged']));
    expect(fromFirst.every((entry) => entry.madeBy === 11)).toBe(true);
  });

  it('go to every window when the window that made them holds a second editor of the story', async () => {
    const { services, announced, windowCall } = await openServices();
    const { id } = await services.drafts.create({ section: 'News' });
    await windowCall(11)('story:open', { id, part: 'body', session: 'window-a-0002' });
    await typeInto(windowCall(11), id, 'window-a-0001', 'Harbour reopens.');

    const updated = announced.filter((entry) => entry.event === 'story:updated' && entry.from === 'window-a-0001');
    expect(updated.length).toBeGreaterThan(0);
    expect(updated.every((entry) => entry.madeBy === undefined)).toBe(true);
  });

  it('go to every window when no window made them', async () => {
    const { services, announced } = await openServices();
    const { id } = await services.drafts.create({ section: 'News' });
    await services.storyDocs.open({ id, part: 'body' }, 'test-session');
    // A session no window opened (the desk's, main's own) is sent to all.
    const replica = new Y.Doc();
    let update: Uint8Array = new Uint8Array();
    replica.once('update', (bytes: Uint8Array) => (update = bytes));
    replica.get('root', Y.XmlText).insert(0, 'From the desk.');
    await services.storyDocs.apply({ id, part: 'body' }, update, 'test-session');

    const updated = announced.filter((entry) => entry.event === 'story:updated' && entry.from === 'test-session');
    expect(updated.length).toBeGreaterThan(0);
    expect(updated.every((entry) => entry.madeBy === undefined)).toBe(true);
  });
});
