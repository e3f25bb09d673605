import { HocuspocusProvider } from '@hocuspocus/provider';
import { Server } from '@hocuspocus/server';
import * as Y from 'yjs';
import { DeskStoryProvider } from '../../electron/main/services/desk/desk-story-provider';
import { connectDocument, until, type DeskClient } from '../desk/support/desk-clients';
import { bodyJson, flushSides, KEY, loadAverage, openSides, typeOffline, type ReconnectBenchOptions } from './reconnect-bench-sides';
import { ms, row } from './report';

/**
 * The reconnect again, through Hocuspocus on loopback: each desktop's story document is bound to the
 * provider main's desk connection binds it with (DeskStoryProvider), both sync with the server, go
 * offline, type, and reconnect. The same-run baseline is Hocuspocus's provider as it comes, which
 * queues every offline update and replays them one by one on reconnect before the sync. Timed from the reconnect until both documents hold the same state and both
 * sides' story files are flushed (fsynced) to disk. The server is Hocuspocus as it comes (in memory,
 * no accounts), so the figure is the sync and the local saving, not the desk's own storage.
 */
export interface LoopbackRun {
  mergeAndSaveMs: number;
  /** Messages the provider's socket queued while offline, sent on reconnect. */
  queued: number;
  converged: boolean;
}

export interface LoopbackFigures {
  /** The desktop's provider: nothing queued offline, the sync carries it all. */
  app: LoopbackRun;
  /** Same-run baseline: Hocuspocus's provider as it comes (the offline queue replayed, then the sync). */
  replayed: LoopbackRun;
}

/** The socket's private queue of messages it could not send (Hocuspocus 3.x keeps them to send on reconnect). */
const queueOf = (client: DeskClient): unknown[] => (client.socket as unknown as { messageQueue: unknown[] }).messageQueue;

const sameState = (a: Y.Doc, b: Y.Doc): boolean => Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)));

/** Resolves as soon as `check` holds, testing after every change to either document (no polling interval in the figure). */
function whenBoth(a: Y.Doc, b: Y.Doc, check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const test = () => {
      if (!check()) return;
      a.off('update', test);
      b.off('update', test);
      resolve();
    };
    a.on('update', test);
    b.on('update', test);
    test();
  });
}

async function reconnectThroughServer(options: ReconnectBenchOptions, Provider: typeof HocuspocusProvider): Promise<LoopbackRun> {
  const server = new Server({ port: 0, address: '127.0.0.1', quiet: true });
  await server.listen();
  const url = `ws://127.0.0.1:${server.address.port}`;
  const sides = await openSides(options.words);
  const { a, b } = sides;
  const clients: DeskClient[] = [];
  try {
    clients.push(connectDocument(url, KEY.id, null, a.doc, Provider), connectDocument(url, KEY.id, null, b.doc, Provider));
    await until(() => clients.every((client) => client.provider.isSynced && client.provider.unsyncedChanges === 0), 'both desktops synced', 60_000);
    for (const client of clients) client.socket.disconnect();
    await typeOffline(a.docs, 'window-a', options.edits, 7);
    await typeOffline(b.docs, 'window-b', options.edits, 11);

    const queued = clients.map(queueOf).reduce((sum, queue) => sum + queue.length, 0);
    const start = performance.now();
    const merged = whenBoth(a.doc, b.doc, () => sameState(a.doc, b.doc));
    await Promise.all(clients.map((client) => client.socket.connect()));
    await merged;
    const converged = bodyJson(a.doc) === bodyJson(b.doc);
    await flushSides(a, b);
    const mergeAndSaveMs = performance.now() - start;

    return { mergeAndSaveMs, queued, converged };
  } finally {
    for (const client of clients) client.destroy();
    await sides.dispose();
    await server.destroy();
  }
}

export async function runReconnectLoopbackBench(options: ReconnectBenchOptions): Promise<LoopbackFigures> {
  const replayed = await reconnectThroughServer(options, HocuspocusProvider);
  const app = await reconnectThroughServer(options, DeskStoryProvider);
  row('reconnect (Hocuspocus, loopback): merged + saved', ms(app.mergeAndSaveMs), '≤ 1000 ms', `offline queue replayed (provider as it comes) ${ms(replayed.mergeAndSaveMs)}: ${(app.mergeAndSaveMs / replayed.mergeAndSaveMs).toFixed(2)}× of it`);
  row('reconnect (Hocuspocus): offline messages sent on reconnect', String(app.queued), '0', `provider as it comes: ${replayed.queued}; load average ${loadAverage()}`);
  row('reconnect (Hocuspocus): both sides identical', app.converged && replayed.converged ? 'yes' : 'NO', 'yes', '');
  return { app, replayed };
}
