import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildBridge } from '../../../shared/ipc/bridge';
import type { EventName } from '../../../shared/ipc/channels';

// The page's side of closing with unsaved work: when main sends 'app:saveBeforeClose', every part
// of the page that registered saves, and the page answers 'app:savedBeforeClose' through the same
// bridge the preload builds. Runs in Node with window.newsdesk played by buildBridge.

let sent: { channel: string; request: unknown }[];
let listeners: Map<EventName, (payload: unknown) => void>;

async function loadPage() {
  vi.resetModules();
  sent = [];
  listeners = new Map();
  const newsdesk = buildBridge(
    async (channel, request) => (sent.push({ channel, request }), { ok: true, value: null }),
    (event, listener) => (listeners.set(event, listener), () => void listeners.delete(event)),
  );
  vi.stubGlobal('window', { newsdesk });
  return import('../../../renderer/src/api/save-before-close');
}

/** Main asks; resolves once the page has answered. */
async function ask(requestId: number): Promise<unknown> {
  listeners.get('app:saveBeforeClose')?.({ requestId });
  await vi.waitFor(() => expect(sent).toHaveLength(1));
  return sent[0];
}

beforeEach(() => vi.spyOn(console, 'warn').mockImplementation(() => {}));
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('saving before the window closes', () => {
  it('answers saved once every part of the page has saved', async () => {
    const { registerSaveBeforeClose } = await loadPage();
    const saves: string[] = [];
    registerSaveBeforeClose(async () => (saves.push('article'), null));
    registerSaveBeforeClose(async () => (saves.push('photo'), null));
    expect(await ask(7)).toEqual({ channel: 'app:savedBeforeClose', request: { requestId: 7, saved: true } });
    expect(saves.sort()).toEqual(['article', 'photo']);
  });

  it('answers with every reason when a part could not save (a thrown error included)', async () => {
    const { registerSaveBeforeClose } = await loadPage();
    registerSaveBeforeClose(async () => 'The open article could not be saved: the disk is full.');
    registerSaveBeforeClose(async () => {
      throw new Error('storage gone');
    });
    const answer = (await ask(3)) as { request: { requestId: number; saved: boolean; reason: string } };
    expect(answer.request).toMatchObject({ requestId: 3, saved: false });
    expect(answer.request.reason).toContain('the disk is full');
    expect(answer.request.reason).toContain('storage gone');
  });

  it('forgets a part that went away', async () => {
    const { registerSaveBeforeClose } = await loadPage();
    const remove = registerSaveBeforeClose(async () => 'never asked');
    remove();
    registerSaveBeforeClose(async () => null);
    expect(await ask(1)).toEqual({ channel: 'app:savedBeforeClose', request: { requestId: 1, saved: true } });
  });

  it('ignores a malformed request from main', async () => {
    const { registerSaveBeforeClose } = await loadPage();
    registerSaveBeforeClose(async () => null);
    listeners.get('app:saveBeforeClose')?.({ requestId: 'x' });
    // The payload is checked against the contract before anything runs: dropped with a warning.
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('malformed'));
    expect(sent).toEqual([]);
  });
});
