import { createInterface } from 'node:readline';
import { createDispatcher } from '../../electron/main/ipc/dispatcher';
import { memorySettingsStore, openTestServices } from './test-services';

/**
 * One Newsdesk process on a data folder, for tests that run two (or a dead one and a next one) on
 * the same library: `tsx library-child.ts <dataDir> [memory-settings]`. It opens the real services,
 * prints `{"ready":…}` (or `{"failed":…}`) as one JSON line, then answers each JSON line on stdin
 * (`{"id","channel","request"}`) through the same dispatcher as ipcMain with `{"id","result"}`.
 * `{"close":true}` closes the services (releasing the library) and exits.
 */
const [dataDir, settingsKind] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: library-child.ts <dataDir> [memory-settings]');

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

async function main(): Promise<void> {
  let services;
  try {
    services = await openTestServices(dataDir!, {
      ...(settingsKind === 'memory-settings' ? { settingsStore: memorySettingsStore() } : {}),
      outbox: { retry: { baseMs: 20, capMs: 50 } },
    });
  } catch (error) {
    print({ failed: error instanceof Error ? `${(error as NodeJS.ErrnoException).code ?? ''} ${error.message}` : String(error) });
    process.exit(1);
  }
  const opened = services;
  const dispatch = createDispatcher(opened.handlers, { trustedOrigins: ['app://newsdesk'] });
  const caller = { url: 'app://newsdesk/index.html', isMainFrame: true };
  print({ ready: { pid: process.pid, info: await dispatch('app:info', {}, caller) } });
  for await (const line of createInterface({ input: process.stdin })) {
    const message = JSON.parse(line) as { id?: number; channel?: string; request?: unknown; close?: boolean };
    if (message.close) {
      await opened.close();
      print({ closed: true });
      process.exit(0);
    }
    // Bytes for media:addFile travel as a plain array of numbers.
    const request = message.channel === 'media:addFile'
      ? { ...(message.request as object), bytes: Uint8Array.from((message.request as { bytes: number[] }).bytes) }
      : message.request;
    print({ id: message.id, result: await dispatch(message.channel, request, caller) });
  }
}

void main();
