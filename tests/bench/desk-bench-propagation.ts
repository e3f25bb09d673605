import * as Y from 'yjs';
import { bodyText, connectClient, sameState, until, type DeskClient } from '../desk/support/desk-clients';

export interface PropagationRun {
  /** Milliseconds from a keystroke on one editor to its arrival in each other editor of the story. */
  samples: number[];
  keystrokes: number;
  storiesConverged: number;
  stories: number;
}

export interface PropagationOptions {
  webSocketUrl: string;
  token: string;
  stories: number;
  editorsPerStory: number;
  seconds: number;
  keystrokesPerSecond: number;
  /** Story ids get this prefix, so runs never share documents. */
  prefix: string;
}

/**
 * Headless editors typing into their stories at a steady rate; every keystroke is found again in
 * the other editors' documents by its Yjs id (client, clock), so each arrival is timed exactly.
 */
export async function measurePropagation(options: PropagationOptions): Promise<PropagationRun> {
  const sentAt = new Map<string, number>();
  const samples: number[] = [];
  const groups: DeskClient[][] = [];
  for (let s = 0; s < options.stories; s += 1) {
    const group: DeskClient[] = [];
    for (let e = 0; e < options.editorsPerStory; e += 1) {
      const client = connectClient(options.webSocketUrl, 'news', `${options.prefix}-${s}`, options.token);
      client.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === null) return;
        const now = performance.now();
        for (const struct of Y.decodeUpdate(update).structs) {
          for (let clock = struct.id.clock; clock < struct.id.clock + struct.length; clock += 1) {
            const at = sentAt.get(`${struct.id.client}:${clock}`);
            if (at !== undefined) samples.push(now - at);
          }
        }
      });
      group.push(client);
    }
    groups.push(group);
  }
  const everyone = groups.flat();
  await until(() => everyone.every((client) => client.provider.isSynced), 'every editor synced', 120_000);

  let keystrokes = 0;
  const interval = 1000 / options.keystrokesPerSecond;
  const timers = everyone.map((client) => {
    const type = (): void => {
      const body = bodyText(client.doc);
      const clock = Y.getState(client.doc.store, client.doc.clientID);
      sentAt.set(`${client.doc.clientID}:${clock}`, performance.now());
      body.insert(Math.floor(Math.random() * (body.length + 1)), 'x');
      keystrokes += 1;
    };
    let timer: NodeJS.Timeout | undefined;
    // A random phase, so a hundred editors do not all press a key in the same millisecond.
    const start = setTimeout(() => (timer = setInterval(type, interval)), Math.random() * interval);
    return () => {
      clearTimeout(start);
      clearInterval(timer);
    };
  });
  await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000));
  for (const stop of timers) stop();

  let storiesConverged = 0;
  for (const group of groups) {
    try {
      await until(() => group.every((client) => sameState(client.doc, (group[0] as DeskClient).doc)), 'convergence', 60_000);
      storiesConverged += 1;
    } catch {
      // Counted as not converged; the figure says so.
    }
  }
  for (const client of everyone) client.destroy();
  return { samples, keystrokes, storiesConverged, stories: options.stories };
}
