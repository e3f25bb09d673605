import type { IpcMain } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createDispatcher, type Handlers } from '../../../electron/main/ipc/dispatcher';
import { callerOf, registerIpc } from '../../../electron/main/ipc/register-ipc';
import { CHANNELS } from '../../../shared/ipc/contract';
import { FakeWebContents, ipcMain, resetFakeElectron } from '../../fakes/electron';

const APP_URL = 'app://newsdesk/index.html';

/** Every handler answers with its channel name, so a test can see which one ran and with what. */
function stubHandlers() {
  const calls: { channel: string; request: unknown }[] = [];
  const handlers = Object.fromEntries(
    CHANNELS.map((channel) => [channel, vi.fn((request: unknown) => (calls.push({ channel, request }), { channel }))]),
  ) as unknown as Handlers;
  return { handlers, calls };
}

function setup(trustedOrigins = ['app://newsdesk']) {
  const { handlers, calls } = stubHandlers();
  const unregister = registerIpc(ipcMain as unknown as IpcMain, createDispatcher(handlers, { trustedOrigins }));
  const contents = new FakeWebContents();
  contents.mainFrame.url = APP_URL;
  return { calls, unregister, contents };
}

beforeEach(() => resetFakeElectron());

describe('IPC registration', () => {
  it('handles every contract channel and nothing else', () => {
    setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('can be removed again (so a re-registration would not throw)', () => {
    const { unregister } = setup();
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
    expect(() => setup()).not.toThrow();
  });

  it('passes a well-formed call from the app main frame to the service', async () => {
    const { calls, contents } = setup();
    const result = await ipcMain.invoke('drafts:get', contents.ipcEvent(), { id: 'abcdefgh-1234' });
    expect(result).toEqual({ ok: true, value: { channel: 'drafts:get' } });
    expect(calls).toEqual([{ channel: 'drafts:get', request: { id: 'abcdefgh-1234' } }]);
  });

  it('refuses a call from a subframe, even one on the app origin', async () => {
    const { calls, contents } = setup();
    const frame = contents.addSubFrame(APP_URL);
    const result = await ipcMain.invoke('drafts:list', contents.ipcEvent(frame), {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it('refuses a call from another origin, or from a frame that is gone', async () => {
    const { calls, contents } = setup();
    for (const url of ['https://evil.example/', 'app://other/index.html', 'file:///tmp/x.html', 'http://localhost:5173/']) {
      contents.mainFrame.url = url;
      expect(await ipcMain.invoke('app:info', contents.ipcEvent(), {}), url).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    contents.mainFrame.url = APP_URL;
    expect(await ipcMain.invoke('app:info', contents.ipcEvent(null), {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it('trusts the dev server only when it is among the trusted origins', async () => {
    const { contents } = setup(['app://newsdesk', 'http://localhost:5173']);
    contents.mainFrame.url = 'http://localhost:5173/';
    expect(await ipcMain.invoke('app:info', contents.ipcEvent(), {})).toMatchObject({ ok: true });
  });

  it('refuses a malformed payload as invalid-request without reaching the service', async () => {
    const { calls, contents } = setup();
    for (const [channel, payload] of [
      ['drafts:get', { id: '../../etc/passwd' }],
      ['drafts:get', 42],
      ['drafts:list', { limit: 1e9 }],
      ['app:openExternal', { url: 'file:///etc/passwd' }],
      ['settings:get', { extra: true }],
    ] as const) {
      expect(await ipcMain.invoke(channel, contents.ipcEvent(), payload), channel).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    }
    expect(calls).toEqual([]);
  });

  it('reads the caller from the event', () => {
    const contents = new FakeWebContents();
    contents.mainFrame.url = APP_URL;
    const event = (frame: unknown) => ({ sender: contents, senderFrame: frame }) as unknown as Parameters<typeof callerOf>[0];
    const senderId = contents.id;
    expect(callerOf(event(contents.mainFrame))).toEqual({ url: APP_URL, isMainFrame: true, senderId });
    expect(callerOf(event(contents.addSubFrame('app://newsdesk/x.html')))).toEqual({ url: 'app://newsdesk/x.html', isMainFrame: false, senderId });
    expect(callerOf(event(null))).toEqual({ url: '', isMainFrame: false, senderId });
  });
});

describe('preload bridge over the fake IPC', () => {
  it('exposes exactly the contract and reaches the main-process handlers', async () => {
    vi.resetModules();
    const fake = await import('../../fakes/electron');
    fake.resetFakeElectron();
    const { handlers } = stubHandlers();
    registerIpc(fake.ipcMain as unknown as IpcMain, createDispatcher(handlers, { trustedOrigins: ['app://newsdesk'] }));
    await import('../../../electron/preload/index');
    const bridge = fake.contextBridge.exposed.newsdesk as Record<string, (request?: unknown) => Promise<unknown>>;
    expect(Object.keys(bridge).sort()).toEqual([...CHANNELS, 'on'].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(await bridge['drafts:list']!()).toEqual({ ok: true, value: { channel: 'drafts:list' } });
    expect(await bridge['drafts:get']!({ id: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});
