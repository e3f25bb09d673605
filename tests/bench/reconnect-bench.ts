import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { runReconnectLoopbackBench, type LoopbackFigures } from './reconnect-bench-loopback';
import { bodyJson, KEY, loadAverage, openSides, sizeOfDir, syncMessages, typeOffline, type ReconnectBenchOptions } from './reconnect-bench-sides';
import { ms, row } from './report';

/**
 * A reconnect after a long offline session: two desktops (two instances of main's story documents,
 * each saving to its own library on disk) share one story, then go offline and each type ≈3,000
 * keystrokes into it (one Yjs transaction per key, like Lexical's binding; a backspace now and
 * then). Reconnected twice: by the Yjs sync exchange in-process (state vector → missing updates,
 * both ways), next to the same merge in memory only; and through Hocuspocus on loopback (see
 * reconnect-bench-loopback.ts). Each figure runs until both documents are merged AND the merged
 * changes are on each side's disk (story-docs acknowledges only once the log is fsynced).
 */
export const DEFAULT_RECONNECT_BENCH: ReconnectBenchOptions = { edits: 3000, words: 10_000 };

export interface ReconnectFigures {
  mergeAndSaveMs: number;
  /** Baseline of the same run: the same merge in memory only (no story-docs, no disk). */
  memoryMergeMs: number;
  bytesExchanged: number;
  docBytes: number;
  logBytes: number;
  converged: boolean;
  loopback: LoopbackFigures;
}

/** The same exchange between plain in-memory copies of both documents: the cost of the CRDT merge alone. */
function memoryMerge(a: Y.Doc, b: Y.Doc): number {
  const copyA = new Y.Doc();
  const copyB = new Y.Doc();
  Y.applyUpdate(copyA, Y.encodeStateAsUpdate(a));
  Y.applyUpdate(copyB, Y.encodeStateAsUpdate(b));
  const start = performance.now();
  const messages = syncMessages(copyA, copyB);
  Y.applyUpdate(copyA, messages.toA);
  Y.applyUpdate(copyB, messages.toB);
  return performance.now() - start;
}

async function reconnectInProcess(options: ReconnectBenchOptions): Promise<Omit<ReconnectFigures, 'loopback'>> {
  const sides = await openSides(options.words);
  const { a, b } = sides;
  try {
    await typeOffline(a.docs, 'window-a', options.edits, 7);
    await typeOffline(b.docs, 'window-b', options.edits, 11);
    // The fastest of five: a one-off merge of a few ms is at the mercy of a GC pause or the machine's
    // load, and the first run also warms the code paths up for the figure that follows.
    const memoryMergeMs = Math.min(...Array.from({ length: 5 }, () => memoryMerge(a.doc, b.doc)));

    const start = performance.now();
    const { toA, toB } = syncMessages(a.doc, b.doc);
    await Promise.all([a.docs.apply(KEY, toA, 'desk'), b.docs.apply(KEY, toB, 'desk')]);
    const mergeAndSaveMs = performance.now() - start;
    return {
      mergeAndSaveMs,
      memoryMergeMs,
      bytesExchanged: toA.byteLength + toB.byteLength,
      docBytes: Y.encodeStateAsUpdate(a.doc).byteLength,
      logBytes: await sizeOfDir(a.dir),
      converged: bodyJson(a.doc) === bodyJson(b.doc),
    };
  } finally {
    await sides.dispose();
  }
}

export async function runReconnectBench(options: ReconnectBenchOptions = DEFAULT_RECONNECT_BENCH): Promise<ReconnectFigures> {
  console.log(`\nReconnect after an offline session: ${options.edits.toLocaleString()} keystrokes on each side, ${options.words.toLocaleString()}-word story (load average ${loadAverage()})`);
  const figures = await reconnectInProcess(options);
  row('reconnect (sync exchange): merged + saved', ms(figures.mergeAndSaveMs), '≤ 1000 ms', `merge in memory only, best of 5: ${ms(figures.memoryMergeMs)}`);
  row('reconnect: bytes exchanged', `${(figures.bytesExchanged / 1024).toFixed(1)} KB`, '', '');
  row('reconnect: document size / on disk (side A)', `${(figures.docBytes / 1024).toFixed(0)} KB / ${(figures.logBytes / 1024).toFixed(0)} KB`, '', '');
  row('reconnect: both sides identical', figures.converged ? 'yes' : 'NO', 'yes', `load average ${loadAverage()}`);
  const loopback = await runReconnectLoopbackBench(options);
  return { ...figures, loopback };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runReconnectBench();
