import * as Y from 'yjs';
import { createStoryDocs } from '../../electron/main/services/collab/story-docs';

/**
 * Child of tests/crash/story-crash.test.ts: main's story documents with a window typing into one.
 * Waits for "go" on stdin (so the parent can start it ahead of time), loads the story from the
 * library, then types tokens into it as fast as main acknowledges them, until it is killed. After
 * each acknowledged change it prints "ack <token>"; a printed line is never lost to the kill (pipes
 * are written synchronously on Linux). A small compaction threshold gets snapshots killed too.
 */
const [libraryDir, run] = process.argv.slice(2);
if (!libraryDir || !run) throw new Error('usage: story-crash-child <libraryDir> <runNumber>');

const key = { id: 'crash-story-0001', part: 'body' };

process.stdin.once('data', () => {
  void main(libraryDir, run);
});

async function main(dir: string, runNumber: string): Promise<void> {
  const docs = createStoryDocs({ libraryDir: dir, compactAfterBytes: 8 * 1024 });
  const session = `window-${runNumber.padStart(4, '0')}`;
  const opened = await docs.open(key, session);
  const replica = new Y.Doc();
  Y.applyUpdate(replica, new Uint8Array(Buffer.from(opened.state, 'base64')));
  const root = replica.get('root', Y.XmlText);
  const meta = replica.getMap<unknown>('meta');
  for (let n = 0; ; n += 1) {
    const token = `r${runNumber}n${n};`;
    let update: Uint8Array | null = null;
    const capture = (bytes: Uint8Array) => (update = bytes);
    replica.once('update', capture);
    // Mostly typing; now and then a metadata field, as an editor would.
    replica.transact(() => {
      if (n % 5 === 4) meta.set('headline', token);
      else root.insert(root.length, token);
    });
    if (!update) throw new Error('no update');
    // Some changes are sent while the previous one is still being written (a fast typist).
    if (n % 3 === 0) {
      const first = docs.apply(key, update, session);
      process.stdout.write(`sent ${token}\n`);
      await first;
    } else {
      await docs.apply(key, update, session);
    }
    process.stdout.write(`ack ${token}\n`);
  }
}
