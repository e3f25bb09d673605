import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { killChild, startLineChild, type LineChild } from '../support/line-child';
import { createStoryDocs } from '../../electron/main/services/collab/story-docs';

/**
 * Kills a main process whose window is typing into a story document with SIGKILL at random
 * moments, hundreds of times over one library, and checks after each kill that every change main
 * acknowledged is in the document when it is opened again, and that nothing was quarantined (a
 * torn last record is a crash, not damage).
 *
 * The child is bundled once into plain JavaScript (esbuild, which the build tools bring) and run
 * by node, so each round costs a process start, not a TypeScript compile.
 */
const KILLS = 200;
// A safety net, not a speed requirement (about 30 s of CPU; far longer when other work shares the
// cores); the test asserts that all the kills ran.
const TIME_LIMIT_MS = 240_000;
const key = { id: 'crash-story-0001', part: 'body' };

type Child = LineChild;

/** A token's run and change number ("r12n40;" → [12, 40]): runs follow each other, so this orders them. */
function order(token: string): [number, number] {
  const match = /^r(\d+)n(\d+);$/.exec(token);
  if (!match) throw new Error(`not a token: ${token}`);
  return [Number(match[1]), Number(match[2])];
}

function isAtOrAfter(token: string, than: string): boolean {
  const [run, n] = order(token);
  const [thanRun, thanN] = order(than);
  return run > thanRun || (run === thanRun && n >= thanN);
}

let workDir = '';
let childScript = '';

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'newsdesk-story-crash-'));
  childScript = join(workDir, 'story-crash-child.mjs');
  await build({
    entryPoints: [resolve('tests/crash/story-crash-child.ts')],
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: childScript,
    logLevel: 'silent',
    alias: { electron: resolve('tests/fakes/electron.ts') },
  });
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

function startChild(libraryDir: string, run: number): Child {
  return startLineChild([childScript, libraryDir, String(run)], `story crash child ${run}`);
}


/** One library killed over and over; lanes run side by side so process starts overlap. */
async function lane(libraryDir: string, firstRun: number, stop: () => boolean, onKill: () => void): Promise<number> {
  const acknowledged: string[] = [];
  let headline: string | null = null;
  let nextRun = firstRun;
  const ready: Child[] = [startChild(libraryDir, nextRun++), startChild(libraryDir, nextRun++)];
  try {
    while (!stop()) {
      const child = ready.shift()!;
      ready.push(startChild(libraryDir, nextRun++));
      const firstAck = new Promise<void>((reported) => {
        child.onLine = (line) => {
          const [kind, token] = line.split(' ');
          if (kind !== 'ack' || !token) return;
          // Every fifth change of a run sets the headline (see the child), the others type text.
          if (order(token)[1] % 5 === 4) headline = token;
          else acknowledged.push(token);
          reported();
        };
      });
      child.process.stdin!.write('go\n');
      await Promise.race([firstAck, child.closed]);
      // Some kills right after an acknowledgement, most while later changes are being written.
      await new Promise((wait) => setTimeout(wait, Math.random() * 40));
      killChild(child);
      await child.closed;
      onKill();

      const docs = createStoryDocs({ libraryDir });
      const doc: Y.Doc = await docs.hold(key, 'check');
      const text = doc.get('root', Y.XmlText).toString();
      const lost = acknowledged.filter((token) => !text.includes(token));
      expect(lost, `acknowledged changes missing after run ${nextRun - 3} in ${libraryDir}`).toEqual([]);
      if (headline !== null) {
        // The last acknowledged headline, or one set after it whose write made it before the kill.
        const stored = doc.getMap('meta').get('headline');
        expect(typeof stored).toBe('string');
        expect(isAtOrAfter(stored as string, headline), `headline ${String(stored)} older than acknowledged ${headline}`).toBe(true);
      }
      expect(docs.quarantined()).toEqual([]);
      await docs.closeAll();
    }
  } finally {
    for (const child of ready) killChild(child);
    await Promise.all(ready.map((child) => child.closed));
  }
  return acknowledged.length;
}

const LANES = 6;

describe('story documents under SIGKILL', () => {
  it(`keep every acknowledged change across ${KILLS} kills mid-write`, { timeout: TIME_LIMIT_MS + 30_000 }, async () => {
    const started = Date.now();
    let kills = 0;
    const stop = () => kills >= KILLS || Date.now() - started > TIME_LIMIT_MS;
    const acks = await Promise.all(
      Array.from({ length: LANES }, (_, index) => lane(join(workDir, `library-${index}`), index * 100_000 + 1, stop, () => (kills += 1))),
    );
    const total = acks.reduce((sum, count) => sum + count, 0);
    console.log(`story crash test: ${kills} kills in ${LANES} libraries, ${total} acknowledged changes typed, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(kills).toBeGreaterThanOrEqual(KILLS);
  });
});
