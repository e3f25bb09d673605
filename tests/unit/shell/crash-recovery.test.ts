import { describe, expect, it } from 'vitest';
import { installCrashRecovery } from '../../../electron/main/window/crash-recovery';
import { FakeWebContents } from '../../fakes/electron';

function fakeWindow() {
  const webContents = new FakeWebContents();
  return { webContents, isDestroyed: () => false } as unknown as Parameters<typeof installCrashRecovery>[0] & { webContents: FakeWebContents };
}

const gone = (reason: string) => ({ reason, exitCode: 1 });
const ENTRY = 'app://newsdesk/index.html';

describe('renderer crash recovery', () => {
  it('reloads the app after a crash or kill, but not after a clean exit', () => {
    const win = fakeWindow();
    const logged: string[] = [];
    installCrashRecovery(win, ENTRY, (m) => logged.push(m));
    win.webContents.emit('render-process-gone', {}, gone('clean-exit'));
    expect(win.webContents.loadedUrls).toEqual([]);
    win.webContents.emit('render-process-gone', {}, gone('crashed'));
    win.webContents.emit('render-process-gone', {}, gone('killed'));
    expect(win.webContents.loadedUrls).toEqual([ENTRY, ENTRY]);
    expect(logged.join('\n')).toMatch(/crashed/);
  });

  it('stops reloading a page that keeps crashing, and tries again after a quiet minute', () => {
    const win = fakeWindow();
    let clock = 0;
    installCrashRecovery(win, ENTRY, () => {}, () => clock);
    for (let i = 0; i < 5; i += 1) win.webContents.emit('render-process-gone', {}, gone('oom'));
    expect(win.webContents.loadedUrls).toHaveLength(3);
    clock = 61_000;
    win.webContents.emit('render-process-gone', {}, gone('crashed'));
    expect(win.webContents.loadedUrls).toHaveLength(4);
  });
});
