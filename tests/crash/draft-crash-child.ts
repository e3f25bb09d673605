import { openDraftStore } from '../../electron/main/services/drafts/draft-store';
import { CRASH_IDS, contentHash, crashArticle } from './crash-content';

/**
 * Child of tests/crash/draft-crash.test.ts. Loads, then waits for "go" on stdin (so the parent
 * can start it ahead of time), opens the store and saves drafts in a loop until it is killed.
 * Before each save it prints "begin <id> <hash>", after the save resolves "saved <id> <hash>".
 * Pipes are written synchronously on Linux, so a printed line is never lost to the kill.
 */
const [dir, run] = process.argv.slice(2);
if (!dir || !run) throw new Error('usage: draft-crash-child <dataDir> <runNumber>');

process.stdin.once('data', () => {
  void main(dir, run);
});

async function main(dataDir: string, runNumber: string): Promise<void> {
  const store = await openDraftStore(dataDir, { autoRevisionIntervalMs: 0 });
  let seed = Number(runNumber) * 7919 + 1;
  const random = (): number => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  for (let n = 0; ; n += 1) {
    const id = CRASH_IDS[Math.floor(random() * CRASH_IDS.length)]!;
    const article = crashArticle(id, `${runNumber}-${n}`, random);
    const hash = contentHash(article);
    process.stdout.write(`begin ${id} ${hash}\n`);
    // Every save makes a revision (interval 0) so revision writes and pruning get killed too.
    await store.save(article, n % 4 === 0 ? 'manual' : 'auto');
    process.stdout.write(`saved ${id} ${hash}\n`);
  }
}
