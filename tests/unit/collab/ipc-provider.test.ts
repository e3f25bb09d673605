import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { Result } from '../../../shared/ipc/result';
import type { StoryOpened } from '../../../shared/model/desk';
import type { StoryChangeEvent, StoryDocAddress, StoryTransport } from '../../../renderer/src/api/story-docs';
import { fromBase64, toBase64 } from '../../../renderer/src/editor/collab/base64';
import { IpcStoryProvider, SEND_DELAY_MS } from '../../../renderer/src/editor/collab/ipc-provider';

const address: StoryDocAddress = { id: 'story-0001', part: 'body', session: 'session-aaaa' };
const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** main's side as the editor sees it: answers that can fail the way IPC and a refusing main do. */
function fakeMain(initial: Y.Doc = new Y.Doc(), bootstrap = true) {
  const updateListeners = new Set<(change: StoryChangeEvent) => void>();
  const awarenessListeners = new Set<(change: StoryChangeEvent) => void>();
  const sent: Uint8Array[] = [];
  const awarenessSent: string[] = [];
  let refuse: string | null = null;
  const transport: StoryTransport = {
    open: async () => ok<StoryOpened>({ state: toBase64(Y.encodeStateAsUpdate(initial)), bootstrap, shared: null }),
    update: async (_address, update) => {
      if (refuse) return { ok: false, error: { code: 'io', message: refuse } };
      sent.push(fromBase64(update));
      return ok(null);
    },
    awareness: async (_address, update) => {
      awarenessSent.push(update);
      return ok(null);
    },
    close: async () => ok(null),
    onUpdated: (listener) => {
      updateListeners.add(listener);
      return () => updateListeners.delete(listener);
    },
    onAwareness: (listener) => {
      awarenessListeners.add(listener);
      return () => awarenessListeners.delete(listener);
    },
  };
  return {
    transport,
    sent,
    awarenessSent,
    refuse: (message: string | null) => (refuse = message),
    announce: (change: StoryChangeEvent) => updateListeners.forEach((listener) => listener(change)),
    announceAwareness: (change: StoryChangeEvent) => awarenessListeners.forEach((listener) => listener(change)),
  };
}

function textOf(doc: Y.Doc): string {
  return doc.getText('t').toString();
}

/** What main's copy of the document holds after applying everything the editor sent. */
function mainCopy(sent: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of sent) Y.applyUpdate(doc, update);
  return doc;
}

/** Long enough for a change (or a cursor move) waiting SEND_DELAY_MS to have been sent. */
const settle = () => new Promise((resolve) => setTimeout(resolve, SEND_DELAY_MS + 10));

/** connect() starts the opening and returns; the answer of the fake main arrives a task later. */
async function connected(provider: IpcStoryProvider): Promise<void> {
  provider.connect();
  await settle();
}

afterEach(() => vi.useRealTimers());

describe('IpcStoryProvider', () => {
  it("applies main's state on connect and reports sync", async () => {
    const initial = new Y.Doc();
    initial.getText('t').insert(0, 'from main');
    const main = fakeMain(initial);
    const provider = new IpcStoryProvider(main.transport, address, () => address.session);
    const synced = vi.fn();
    provider.on('sync', synced);
    await connected(provider);
    expect(textOf(provider.doc)).toBe('from main');
    expect(synced).toHaveBeenCalledWith(true);
  });

  it('waits for the body before syncing when another editor bootstraps it', async () => {
    const main = fakeMain(new Y.Doc(), false);
    const provider = new IpcStoryProvider(main.transport, address, () => address.session);
    const synced = vi.fn();
    provider.on('sync', synced);
    await connected(provider);
    expect(synced).not.toHaveBeenCalled();
    const other = new Y.Doc();
    other.get('root', Y.XmlText).insert(0, 'body');
    main.announce({ id: address.id, part: 'body', from: 'session-bbbb', update: toBase64(Y.encodeStateAsUpdate(other)) });
    expect(synced).toHaveBeenCalledWith(true);
  });

  it("sends local changes and skips its own echo and other stories' changes", async () => {
    const main = fakeMain();
    const provider = new IpcStoryProvider(main.transport, address, () => address.session);
    await connected(provider);
    provider.doc.getText('t').insert(0, 'typed here');
    await settle();
    expect(textOf(mainCopy(main.sent))).toBe('typed here');
    const echo = main.sent[0]!;
    const applied = vi.fn();
    provider.doc.on('update', applied);
    main.announce({ id: address.id, part: 'body', from: address.session, update: toBase64(echo) });
    const elsewhere = new Y.Doc();
    elsewhere.getText('t').insert(0, 'another story');
    main.announce({ id: 'story-0002', part: 'body', from: 'session-bbbb', update: toBase64(Y.encodeStateAsUpdate(elsewhere)) });
    expect(applied).not.toHaveBeenCalled();
    expect(main.sent).toHaveLength(1);
  });

  it('applies changes from other editors without sending them back', async () => {
    const main = fakeMain();
    const provider = new IpcStoryProvider(main.transport, address, () => address.session);
    await connected(provider);
    const other = new Y.Doc();
    other.getText('t').insert(0, 'from window 2');
    main.announce({ id: address.id, part: 'body', from: 'session-bbbb', update: toBase64(Y.encodeStateAsUpdate(other)) });
    await settle();
    expect(textOf(provider.doc)).toBe('from window 2');
    expect(main.sent).toHaveLength(0);
  });

  it('ignores malformed changes and presence, and keeps working', async () => {
    const main = fakeMain();
    const provider = new IpcStoryProvider(main.transport, address, () => address.session);
    await connected(provider);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    main.announce({ id: address.id, part: 'body', from: 'session-bbbb', update: toBase64(new Uint8Array([255, 255, 255, 1, 2])) });
    main.announce({ id: address.id, part: 'body', from: 'session-bbbb', update: '@@not base64@@' });
    main.announceAwareness({ id: address.id, part: 'body', from: 'session-bbbb', update: toBase64(new Uint8Array([9, 9, 9])) });
    expect(warn).toHaveBeenCalledTimes(3);
    warn.mockRestore();
    provider.doc.getText('t').insert(0, 'still typing');
    await settle();
    expect(textOf(mainCopy(main.sent))).toBe('still typing');
  });

  it('keeps changes main refused, reports them unsent, and hands them over on retry', async () => {
    vi.useFakeTimers();
    const main = fakeMain();
    const provider = new IpcStoryProvider(main.transport, address, () => address.session);
    provider.connect();
    await vi.advanceTimersByTimeAsync(0);
    const states: boolean[] = [];
    provider.onSendState((state) => states.push(state.unsent));
    main.refuse('The library is read-only.');
    provider.doc.getText('t').insert(0, 'first ');
    await vi.advanceTimersByTimeAsync(SEND_DELAY_MS);
    expect(provider.sendState).toEqual({ unsent: true, message: 'The library is read-only.' });
    provider.doc.getText('t').insert(6, 'second');
    await vi.advanceTimersByTimeAsync(SEND_DELAY_MS);
    expect(main.sent).toHaveLength(0);
    main.refuse(null);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(textOf(mainCopy(main.sent))).toBe('first second');
    expect(provider.sendState).toEqual({ unsent: false, message: null });
    expect(states.at(-1)).toBe(false);
  });

  it('hands main, on reconnecting, what its copy holds and main lost', async () => {
    const main = fakeMain();
    let sessions = 0;
    const provider = new IpcStoryProvider(main.transport, address, () => `session-${++sessions}xxxx`);
    await connected(provider);
    provider.doc.getText('t').insert(0, 'kept across reconnects');
    await settle();
    provider.disconnect();
    main.sent.length = 0; // main let the document go: its next answer is an empty document
    await connected(provider);
    expect(textOf(mainCopy(main.sent))).toBe('kept across reconnects');
    expect(provider.address.session).toBe('session-2xxxx');
  });

  it('sends its presence, and answers a newcomer with it', async () => {
    const main = fakeMain();
    const provider = new IpcStoryProvider(main.transport, address, () => address.session);
    await connected(provider);
    const onConnect = main.awarenessSent.length;
    provider.awareness.setLocalStateField('name', 'Window 1');
    await settle();
    expect(main.awarenessSent).toHaveLength(onConnect + 1);
    const other = new IpcStoryProvider(fakeMain().transport, address, () => 'session-bbbb');
    other.awareness.setLocalStateField('name', 'Window 2');
    const { encodeAwarenessUpdate } = await import('y-protocols/awareness');
    main.announceAwareness({ id: address.id, part: 'body', from: 'session-bbbb', update: toBase64(encodeAwarenessUpdate(other.awareness, [other.doc.clientID])) });
    expect(provider.awareness.getStates().get(other.doc.clientID)).toMatchObject({ name: 'Window 2' });
    expect(main.awarenessSent).toHaveLength(onConnect + 2);
    other.destroy();
    provider.destroy();
  });

  it('sends one presence at a time: cursor moves made while one is on its way go as the latest state, once', async () => {
    const main = fakeMain();
    const answers: (() => void)[] = [];
    const provider = new IpcStoryProvider(
      {
        ...main.transport,
        // A busy main: presence calls wait until the test answers them.
        awareness: (address, update) => {
          main.awarenessSent.push(update);
          return new Promise((resolve) => answers.push(() => resolve(ok(null))));
        },
      },
      address,
      () => address.session,
    );
    await connected(provider);
    const before = main.awarenessSent.length;
    for (let offset = 0; offset < 10; offset += 1) provider.awareness.setLocalStateField('cursor', offset);
    // Each keystroke moves the cursor: one call goes, the other nine wait and merge into one.
    expect(main.awarenessSent.length - before).toBeLessThanOrEqual(1);
    await settle();
    while (answers.length > 0) {
      answers.shift()!();
      await settle();
    }
    const latest = main.awarenessSent.at(-1)!;
    const other = new IpcStoryProvider(fakeMain().transport, address, () => 'session-bbbb');
    const { applyAwarenessUpdate } = await import('y-protocols/awareness');
    applyAwarenessUpdate(other.awareness, fromBase64(latest), 'test');
    expect(other.awareness.getStates().get(provider.doc.clientID)).toMatchObject({ cursor: 9 });
    expect(main.awarenessSent.length - before).toBeLessThanOrEqual(2);
    other.destroy();
    provider.destroy();
  });

  it('sends the keys typed within the send delay as one call, after the keystroke rather than during it', async () => {
    vi.useFakeTimers();
    const main = fakeMain();
    const provider = new IpcStoryProvider(main.transport, address, () => address.session);
    provider.connect();
    await vi.advanceTimersByTimeAsync(0);
    for (const [offset, key] of [...'typed'].entries()) provider.doc.getText('t').insert(offset, key);
    expect(main.sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(SEND_DELAY_MS);
    expect(main.sent).toHaveLength(1);
    expect(textOf(mainCopy(main.sent))).toBe('typed');
    provider.destroy();
  });

  it('sends a waiting change and cursor move at once when asked (the window is left), and hands over what waits on disconnect', async () => {
    vi.useFakeTimers();
    const main = fakeMain();
    let sessions = 0;
    const provider = new IpcStoryProvider(main.transport, address, () => `session-${++sessions}xxxx`);
    provider.connect();
    await vi.advanceTimersByTimeAsync(0);
    const presenceBefore = main.awarenessSent.length;
    provider.doc.getText('t').insert(0, 'before leaving ');
    provider.awareness.setLocalStateField('cursor', 15);
    provider.sendNow();
    expect(textOf(mainCopy(main.sent))).toBe('before leaving ');
    expect(main.awarenessSent).toHaveLength(presenceBefore + 1);
    provider.doc.getText('t').insert(15, 'and closing');
    provider.disconnect();
    expect(textOf(mainCopy(main.sent))).toBe('before leaving and closing');
    await vi.advanceTimersByTimeAsync(SEND_DELAY_MS);
    expect(main.sent).toHaveLength(2); // nothing sent twice
    provider.destroy();
  });
});
