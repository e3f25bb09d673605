import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { killChild, startLineChild, type LineChild } from '../support/line-child';
import { createStoryDocs } from '../../electron/main/services/collab/story-docs';
import { LOCK_FILE_NAME } from '../../electron/main/services/library/library-lock';
import { createTestSecretBox } from '../fakes/secret-box';
import { deskServicesSkipReason } from './services/real-services';
import { bodyOf, connectClient, login, until } from './support/desk-clients';
import { PASSWORD, PEOPLE } from './support/desk-fixture';
import { webSocketUrlOf } from '../../electron/main/services/desk/desk-sync';
import { openDesktop, signIn, startDeskUnderTest, type DeskUnderTest } from './support/desktops';

/**
 * `kill -9` of a desktop's main while it syncs a shared story with a real desk server, hundreds of
 * times: each child is a whole services instance signed in to the desk (restored from its data
 * folder) with a window typing into the story. After each kill every change main acknowledged is in
 * the story's document on disk, with nothing quarantined; at the end each desktop, opened once more,
 * resyncs, and the desk's own document holds every acknowledged change of every desktop.
 *
 * The child is bundled once into plain JavaScript (esbuild) and run by node, so a round costs a
 * process start and the services' start, not a TypeScript compile.
 */
const skipReason = deskServicesSkipReason();
if (skipReason) console.warn(`[desk-desktop-kill] skipped: ${skipReason}`);

const KILLS = 200;
const LANES = 4;
// A safety net, not a speed requirement; the test asserts that all the kills ran.
const TIME_LIMIT_MS = 480_000;
// Kills land from before the desk connected to well into its sync (it connects within ~0.1-0.5 s here).
const KILL_WITHIN_MS = 700;
const EARLY_KILLS = 0.15;
// One keychain for every run of the desktops, as the user's keychain outlives the app.
const KEYCHAIN_KEY = randomBytes(32);

type Child = LineChild;

interface Lane {
  dir: string;
  person: 'ana' | 'bo';
}

let desk: DeskUnderTest;
let workDir = '';
let childScript = '';
let articleId = '';
const lanes: Lane[] = [];

beforeAll(async () => {
  if (skipReason) return;
  workDir = await mkdtemp(join(tmpdir(), 'newsdesk-desk-kill-'));
  await mkdir(resolve('test-results'), { recursive: true });
  childScript = join(await mkdtemp(resolve('test-results', 'desk-kill-child-')), 'desk-kill-child.mjs');
  await build({
    entryPoints: [resolve('tests/desk/support/desk-kill-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: childScript,
    logLevel: 'silent',
    alias: { electron: resolve('tests/fakes/electron.ts') },
    // A native package loads from node_modules at run time (the bundle sits in the project for that).
    external: ['sharp'],
    // CommonJS packages inside an ES module bundle still call require() for Node's own modules.
    banner: { js: "import { createRequire as requireFor } from 'node:module'; const require = requireFor(import.meta.url);" },
  });
  desk = await startDeskUnderTest();
  const secretBox = createTestSecretBox({ key: KEYCHAIN_KEY });
  const author = await openDesktop(join(workDir, 'author'), { secretBox });
  await signIn(author, desk.url, 'ana');
  const article = await author.services.drafts.create({ section: 'News' });
  await author.services.drafts.save({ ...article, headline: 'Killed mid-sync' }, 'manual');
  await author.services.desk.share(article.id);
  articleId = article.id;
  for (let index = 0; index < LANES; index += 1) {
    const lane: Lane = { dir: join(workDir, `desktop-${index}`), person: index % 2 === 0 ? 'ana' : 'bo' };
    const desktop = await openDesktop(lane.dir, { secretBox });
    await signIn(desktop, desk.url, lane.person);
    await until(() => desktop.services.drafts.summaryById(articleId) !== null, `the shared story on desktop ${index}`);
    await desktop.close();
    // Closed means the library is free for the next main: no lock left behind.
    expect(existsSync(join(lane.dir, 'library', LOCK_FILE_NAME)), `the lock of desktop ${index} after closing (test process ${process.pid})`).toBe(false);
    lanes.push(lane);
  }
  // Open until the desktops have the story: sharing returns before the desk has the document.
  await author.close();
}, 180_000);

afterAll(async () => {
  await desk?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
  if (childScript) await rm(dirname(childScript), { recursive: true, force: true });
}, 60_000);

function startChild(dir: string, run: number): Child {
  // The bundle imports packages by name: resolve them from the project.
  return startLineChild([childScript, dir, String(run), articleId, KEYCHAIN_KEY.toString('hex')], `desk kill child ${run}`, resolve('.'));
}


interface LaneResult {
  acknowledged: string[];
  /** Runs killed after the desk had connected, and after it had nothing left unsynced. */
  killedConnected: number;
  killedSynced: number;
  runs: number;
  /** Runs that typed, or were meant to be killed before they could. */
  runsWithAck: number;
  early: number;
}

/** One desktop killed over and over; lanes run side by side, as several desktops on one desk. */
async function runLane(lane: Lane, firstRun: number, stop: () => boolean, onKill: () => void): Promise<LaneResult> {
  const result: LaneResult = { acknowledged: [], killedConnected: 0, killedSynced: 0, runs: 0, runsWithAck: 0, early: 0 };
  // The next child is started ahead (node loading the bundle), and opens the library only on "go".
  let next = startChild(lane.dir, firstRun);
  for (let run = firstRun; !stop(); run += 1) {
    const child = next;
    next = startChild(lane.dir, run + 1);
    result.runs += 1;
    let acked = false;
    let connected = false;
    let synced = false;
    const firstAck = new Promise<void>((reported) => {
      child.onLine = (line) => {
        const [kind, value, unsynced] = line.split(' ');
        if (kind === 'ack' && value) {
          result.acknowledged.push(value);
          acked = true;
          reported();
        } else if (kind === 'desk') {
          connected = value === 'connected';
          synced = connected && unsynced === '0';
        }
      };
    });
    child.process.stdin!.write('go\n');
    // Some kills land while main is still starting (opening the library, the session, the socket).
    const early = Math.random() < EARLY_KILLS;
    if (!early) await Promise.race([firstAck, child.closed]);
    else result.early += 1;
    await new Promise((wait) => setTimeout(wait, Math.random() * KILL_WITHIN_MS));
    killChild(child);
    await child.closed;
    onKill();
    if (acked || early) result.runsWithAck += 1;
    if (connected) result.killedConnected += 1;
    if (synced) result.killedSynced += 1;

    const docs = createStoryDocs({ libraryDir: join(lane.dir, 'library') });
    const doc: Y.Doc = await docs.hold({ id: articleId, part: 'body' }, 'check');
    const text = doc.get('root', Y.XmlText).toString();
    const lost = result.acknowledged.filter((token) => !text.includes(token));
    expect(lost, `acknowledged changes missing after run ${run} in ${lane.dir}`).toEqual([]);
    expect(docs.quarantined()).toEqual([]);
    await docs.closeAll();
  }
  killChild(next);
  await next.closed;
  return result;
}

describe.skipIf(skipReason !== null)('a desktop killed mid-sync', () => {
  it(`keeps every acknowledged edit across ${KILLS} kills, and the desk gets them all once it resyncs`, { timeout: TIME_LIMIT_MS + 120_000 }, async () => {
    const started = Date.now();
    let kills = 0;
    const stop = () => kills >= KILLS || Date.now() - started > TIME_LIMIT_MS;
    const results = await Promise.all(lanes.map((lane, index) => runLane(lane, (index + 1) * 100_000, stop, () => (kills += 1))));
    const killedAt = Date.now();
    expect(kills).toBeGreaterThanOrEqual(KILLS);
    // Every run typed: a child that died on its own would make the rest of the checks vacuous.
    for (const result of results) expect(result.runsWithAck).toBe(result.runs);

    // Each desktop, opened once more, resyncs: everything it acknowledged reaches the desk's document.
    const { token } = await login(desk.url, PEOPLE.bo.email, PASSWORD);
    const reader = connectClient(webSocketUrlOf(desk.url), 'news', articleId, token);
    const secretBox = createTestSecretBox({ key: KEYCHAIN_KEY });
    try {
      await until(() => reader.provider.isSynced, 'the desk’s document', 60_000);
      for (const [index, lane] of lanes.entries()) {
        const desktop = await openDesktop(lane.dir, { secretBox });
        const missing = (): string[] => results[index]!.acknowledged.filter((edit) => !bodyOf(reader.doc).includes(edit));
        try {
          await until(() => desktop.services.desk.status().state === 'connected', `desktop ${index} connected again`, 60_000);
          await until(() => missing().length === 0, `desktop ${index}’s acknowledged edits on the desk`, 60_000).catch(() => undefined);
          expect(missing(), `acknowledged edits of desktop ${index} missing on the desk after it reconnected`).toEqual([]);
          // No store of the library took a kill for damage, and the story is still in the draft list.
          expect(await readdir(join(lane.dir, 'library', 'quarantine')).catch(() => [])).toEqual([]);
          expect(desktop.services.drafts.summaryById(articleId)).not.toBeNull();
        } finally {
          await desktop.close();
        }
      }
    } finally {
      reader.destroy();
    }
    const everything = results.flatMap((result) => result.acknowledged);
    const sum = (pick: (result: LaneResult) => number): number => results.reduce((total, result) => total + pick(result), 0);
    console.log(
      `desk kill test: ${kills} kills of ${LANES} desktops (${sum((r) => r.early)} while starting, ${sum((r) => r.killedConnected)} while connected, ${sum((r) => r.killedSynced)} with nothing unsynced), ` +
        `${everything.length} acknowledged edits, kills ${((killedAt - started) / 1000).toFixed(1)} s, resync ${((Date.now() - killedAt) / 1000).toFixed(1)} s`,
    );
  });
});
