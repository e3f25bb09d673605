import { loadavg } from 'node:os';
import * as Y from 'yjs';
import { deskBoardDocumentName } from '../../shared/desk/desk-board';
import type { DeskEventName } from '../../shared/model/desk';
import { webSocketUrlOf } from '../../electron/main/services/desk/desk-sync';
import { deskServicesSkipReason } from '../desk/services/real-services';
import { connectDocument, login, until } from '../desk/support/desk-clients';
import { PASSWORD, PEOPLE } from '../desk/support/desk-fixture';
import { openDesktop, signIn, startDeskUnderTest, type Desktop } from '../desk/support/desktops';
import { ms, percentile, row } from './report';

/**
 * The shared placement board: a card moved on desktop A (main's board:move, as a window sends it)
 * until desktop B's board holds the same order (B's 'desk:boardChanged'), on a desk server process
 * with a real PostgreSQL. The baseline, in the same run and on the same server: one Y.Map write
 * between two bare Yjs clients of the same board document (what the relay alone costs).
 */
export interface DeskBoardBenchOptions {
  moves: number;
  cards: number;
}

export const DEFAULT_DESK_BOARD_BENCH: DeskBoardBenchOptions = { moves: Number(process.env.NEWSDESK_DESK_BOARD_BENCH_MOVES ?? 100), cards: 20 };

export interface DeskBoardBenchFigures {
  moveSamples: number[];
  relaySamples: number[];
}

const FEED = 'news-feed';
const orderOf = (desktop: Desktop): string => (desktop.services.feeds.get().feeds[FEED] ?? []).map((entry) => entry.key).join();

export async function runDeskBoardBench(options: DeskBoardBenchOptions = DEFAULT_DESK_BOARD_BENCH): Promise<DeskBoardBenchFigures | null> {
  const skip = deskServicesSkipReason();
  if (skip) {
    console.log(`\nShared board benchmark skipped: ${skip}`);
    return null;
  }
  // Ana also publishes: the relay baseline re-times placements, which the desk allows a publisher only.
  const desk = await startDeskUnderTest({ ana: ['publisher'] });
  // B's board changes from the desk, as the windows would hear of them.
  let onBoardChanged: () => void = () => undefined;
  const a = await openDesktop();
  const b = await openDesktop(undefined, {
    onDeskEvent: (event: DeskEventName) => {
      if (event === 'desk:boardChanged') onBoardChanged();
    },
  });
  try {
    await signIn(a, desk.url, 'ana');
    await signIn(b, desk.url, 'bo');
    await until(() => a.services.desk.status().state === 'connected' && b.services.desk.status().state === 'connected', 'both connected', 120_000);
    const ids: string[] = [];
    for (let i = 0; i < options.cards; i += 1) {
      const article = await a.services.drafts.create({ section: 'News' });
      await a.services.drafts.save({ ...article, headline: `Story ${i + 1}` }, 'manual');
      await a.services.desk.share(article.id);
      ids.push(article.id);
    }
    await until(() => ids.every((id) => b.services.drafts.summaryById(id) !== null), 'the stories on B', 120_000);
    for (const id of ids) await a.services.handlers['board:place']({ item: { kind: 'article', id }, feedId: FEED });
    await until(() => orderOf(a) === orderOf(b), 'one board on both', 60_000);

    const moveSamples: number[] = [];
    for (let i = 0; i < options.moves; i += 1) {
      const from = ids[(i * 7) % ids.length]!;
      const toIndex = (i * 13) % ids.length;
      const arrived = new Promise<void>((resolve) => {
        onBoardChanged = () => {
          if (orderOf(b) === orderOf(a)) resolve();
        };
      });
      const started = performance.now();
      await a.services.handlers['board:move']({ key: `article:${from}`, fromFeedId: FEED, toFeedId: FEED, toIndex });
      if (orderOf(b) !== orderOf(a)) await arrived;
      moveSamples.push(performance.now() - started);
    }

    const { token } = await login(desk.url, PEOPLE.ana.email, PASSWORD);
    const name = deskBoardDocumentName('news');
    const writer = connectDocument(webSocketUrlOf(desk.url), name, token, new Y.Doc());
    const reader = connectDocument(webSocketUrlOf(desk.url), name, token, new Y.Doc());
    await until(() => writer.provider.isSynced && reader.provider.isSynced, 'bare clients synced');
    const relaySamples: number[] = [];
    const placements = writer.doc.getMap('placements');
    for (let i = 0; i < options.moves; i += 1) {
      const storyId = ids[i % ids.length]!;
      const value = { publish: { mode: 'now' }, embargoUntil: null, expiresAt: new Date(Date.UTC(2031, 0, 1, 0, i)).toISOString(), delivery: 'none', publishedAt: null };
      const arrived = new Promise<void>((resolve) => {
        const check = (): void => {
          if (JSON.stringify(reader.doc.getMap('placements').get(storyId)) !== JSON.stringify(value)) return;
          reader.doc.off('update', check);
          resolve();
        };
        reader.doc.on('update', check);
      });
      const started = performance.now();
      placements.set(storyId, value);
      await arrived;
      relaySamples.push(performance.now() - started);
    }
    writer.destroy();
    reader.destroy();
    return { moveSamples, relaySamples };
  } finally {
    await a.close();
    await b.close();
    await desk.close();
  }
}

export async function printDeskBoardBench(): Promise<void> {
  const figures = await runDeskBoardBench();
  if (!figures) return;
  const { moveSamples, relaySamples } = figures;
  console.log(`\nShared placement board (desk server process, PostgreSQL, two desktops; load ${loadavg()[0]!.toFixed(1)})`);
  for (const q of [50, 95]) {
    const move = percentile(moveSamples, q);
    const relay = percentile(relaySamples, q);
    row(`move on A visible on B: p${q}`, ms(move), q === 95 ? '≤ 100 ms' : '', `bare Yjs relay ${ms(relay)} (${(move / relay).toFixed(2)}×)`);
  }
  row('moves timed', String(moveSamples.length), '', `relay writes ${relaySamples.length}`);
}
