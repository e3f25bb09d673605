import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDraftStore } from '../../electron/main/services/drafts/draft-store';
import { CRASH_IDS, contentHash } from './crash-content';

/**
 * Kills a process that is saving drafts with SIGKILL at random moments, hundreds of times over
 * the same data folder, and checks after each kill that every draft file is exactly a version
 * that was reported saved or the one being saved (atomic writes: old or new, never a mix), that
 * nothing reported saved was lost, and that the store reopens with nothing quarantined.
 */
const KILLS = 200;
// A safety net, not a speed requirement: the kills take about two minutes on a quiet machine and
// longer when other test files share its cores; the test asserts that all of them ran.
const TIME_LIMIT_MS = 480_000;
const TSX = resolve('node_modules/.bin/tsx');
const CHILD = resolve('tests/crash/draft-crash-child.ts');

interface Child {
  process: ChildProcess;
  lines: string[];
  onLine: ((line: string) => void) | null;
  closed: Promise<void>;
}

function startChild(dir: string, run: number): Child {
  // detached: the child gets its own process group, so one kill reaches tsx and the node it runs.
  const proc = spawn(TSX, [CHILD, dir, String(run)], { detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
  const child: Child = { process: proc, lines: [], onLine: null, closed: new Promise((done) => proc.once('close', () => done())) };
  let buffer = '';
  proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    let newline;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      child.lines.push(line);
      child.onLine?.(line);
    }
  });
  let errors = '';
  proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  proc.once('close', (code, signal) => {
    if (signal !== 'SIGKILL' && errors) console.error(`crash child ${run} exited (${code}): ${errors}`);
  });
  return child;
}

function killGroup(child: Child): void {
  try {
    process.kill(-child.process.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
}

describe('draft store under SIGKILL', () => {
  it(`keeps every draft whole across ${KILLS} kills mid-save`, { timeout: TIME_LIMIT_MS + 30_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsdesk-crash-'));
    const saved = new Map<string, string>(); // id → hash of the last version reported saved
    const started = Date.now();
    let kills = 0;
    let saves = 0;
    // Children load ahead of time so tsx start-up (~0.5 s each) overlaps with the runs before.
    const ready: Child[] = [startChild(dir, 1), startChild(dir, 2), startChild(dir, 3)];
    let nextRun = 4;
    try {
      while (kills < KILLS && Date.now() - started < TIME_LIMIT_MS) {
        const child = ready.shift()!;
        ready.push(startChild(dir, nextRun++));
        const inFlight = new Map<string, string>();
        const firstSave = new Promise<void>((reported) => {
          child.onLine = (line) => {
            const [kind, id, hash] = line.split(' ');
            if (kind === 'begin') inFlight.set(id!, hash!);
            if (kind === 'saved') {
              saved.set(id!, hash!);
              inFlight.delete(id!);
              saves += 1;
              reported();
            }
          };
        });
        child.process.stdin!.write('go\n');
        await Promise.race([firstSave, child.closed]);
        await new Promise((wait) => setTimeout(wait, 5 + Math.random() * 55));
        killGroup(child);
        await child.closed;
        kills += 1;

        // Every draft file is a version that was reported saved, or the one in flight at the kill.
        for (const name of await readdir(join(dir, 'drafts'))) {
          if (name.startsWith('.')) continue; // temp file of the interrupted write: swept at open
          const id = name.slice(0, -'.json'.length);
          const hash = contentHash(JSON.parse(await readFile(join(dir, 'drafts', name), 'utf8')));
          const allowed = [saved.get(id), inFlight.get(id)];
          expect(allowed, `draft ${id} after kill ${kills}`).toContain(hash);
          saved.set(id, hash);
        }

        const store = await openDraftStore(dir, { onBackgroundError: (error) => { throw error; } });
        expect(store.quarantined()).toEqual([]);
        const page = await store.list({ limit: 50 });
        expect(page.items.map((s) => s.id).sort()).toEqual([...saved.keys()].sort());
        for (const id of saved.keys()) expect(contentHash(await store.get(id))).toBe(saved.get(id));
        if (kills % 20 === 0) {
          // Revision snapshots are written atomically too: all readable, at most 50 kept.
          for (const id of saved.keys()) {
            const revisions = await store.revisions(id);
            expect(revisions.length).toBeLessThanOrEqual(50);
            await store.getRevision(id, revisions[0]!.revisionId);
          }
        }
        await store.close();
      }
    } finally {
      for (const child of ready) killGroup(child);
      await Promise.all(ready.map((child) => child.closed));
      await rm(dir, { recursive: true, force: true });
    }
    console.log(`draft crash test: ${kills} kills, ${saves} saves reported, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(kills).toBeGreaterThanOrEqual(KILLS);
    expect(saved.size).toBe(CRASH_IDS.length);
  });
});
