import * as Y from 'yjs';
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
