import { readFile } from 'node:fs/promises';
import * as Y from 'yjs';
import { processStartedAt } from '../../../electron/main/services/library/library-lock';
import type { DeskStatus } from '../../../shared/model/desk';
import { createTestSecretBox } from '../../fakes/secret-box';
import { openTestServices } from '../../support/test-services';

/**
 * Child of tests/desk/desk-desktop-kill.test.ts: a whole desktop main (every service, signed in to a
 * desk by the session its data folder keeps) with a window typing into a shared story while the desk
 * syncs it. Waits for "go" on stdin (so the parent can start it ahead of time without two processes
 * on one library), then types tokens as fast as main acknowledges them, until it is killed. After
 * each acknowledged change it prints "ack <token>"; each desk status change prints
 * "desk <state> <unsynced stories>".
 */
const [dataDir, run, articleId, keyHex] = process.argv.slice(2);
if (!dataDir || !run || !articleId || !keyHex) throw new Error('usage: desk-kill-child <dataDir> <run> <articleId> <keychainKeyHex>');

process.stdin.once('data', () => {
  void main(dataDir, run, articleId, Buffer.from(keyHex, 'hex'));
});

async function main(dir: string, runNumber: string, id: string, keychainKey: Buffer): Promise<void> {
  const services = await openTestServices(dir, {
    // The same keychain as before the kill, as the user's keychain outlives the app.
    secretBox: createTestSecretBox({ key: keychainKey }),
    onDeskEvent: (event, payload) => {
      if (event !== 'desk:statusChanged') return;
      const status = payload as DeskStatus;
      process.stdout.write(`desk ${status.state} ${status.unsyncedStories}\n`);
    },
  });
  const holder = services.access.readOnly?.heldBy;
  if (holder) {
    // Says which process the lock names, so a library wrongly left locked after a kill can be traced.
    const command = await readFile(`/proc/${holder.pid}/cmdline`, 'utf8').catch(() => 'gone');
    const started = processStartedAt(holder.pid);
    process.stderr.write(`read-only: this is ${process.pid}, the lock names ${holder.pid} (${command.replaceAll('\0', ' ')}), lock taken ${holder.startedAt}, that process started ${started === null ? 'unknown' : new Date(started).toISOString()}\n`);
  }
  const key = { id, part: 'body' };
  const session = `window-${runNumber}`;
  const opened = await services.storyDocs.open(key, session);
  const replica = new Y.Doc();
  Y.applyUpdate(replica, new Uint8Array(Buffer.from(opened.state, 'base64')));
  const root = replica.get('root', Y.XmlText);
  for (let n = 0; ; n += 1) {
    const token = `r${runNumber}n${n};`;
    let update: Uint8Array | null = null;
    replica.once('update', (bytes: Uint8Array) => (update = bytes));
    root.insert(root.length, token);
    if (!update) throw new Error('no update');
    await services.storyDocs.apply(key, update, session);
    process.stdout.write(`ack ${token}\n`);
    // A person types a few keys a second, not thousands: leave the desk's sync room to run.
    await new Promise((wait) => setTimeout(wait, 5));
  }
}
