import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { storyDocumentName } from '../../shared/desk/desk-protocol';
import { webSocketUrlOf } from '../../electron/main/services/desk/desk-sync';
import { deskServicesSkipReason } from '../desk/services/real-services';
import { connectDocument, login, until } from '../desk/support/desk-clients';
import { PASSWORD, PEOPLE } from '../desk/support/desk-fixture';
import { metaOf, openDesktop, signIn, startDeskUnderTest } from '../desk/support/desktops';
import { ms, percentile, row } from './report';

/**
 * A desk story's status change on desktop A (main's desk:moveStatus, as the status control sends
 * it: an HTTP call the desk checks against the user's roles, logs, and writes into the story's
 * document) until desktop B's copy of the story holds the new status, on a desk server process with
 * a real PostgreSQL. The baseline, in the same run and on the same server: one plain Y.Map write
 * between two bare Yjs clients of a story document (what the relay alone costs, without the
 * check, the audit row and the HTTP leg).
 */
export interface DeskStatusBenchOptions {
  changes: number;
}

export const DEFAULT_DESK_STATUS_BENCH: DeskStatusBenchOptions = { changes: Number(process.env.NEWSDESK_DESK_STATUS_BENCH_CHANGES ?? 200) };

export interface DeskStatusBenchFigures {
  statusSamples: number[];
  relaySamples: number[];
}

/** Resolves once `doc` satisfies `done`, checked after every update it takes (never polled). */
function whenDoc(doc: Y.Doc, done: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (done()) return resolve();
    const check = (): void => {
      if (!done()) return;
      doc.off('update', check);
      resolve();
    };
    doc.on('update', check);
  });
}

export async function runDeskStatusBench(options: DeskStatusBenchOptions = DEFAULT_DESK_STATUS_BENCH): Promise<DeskStatusBenchFigures | null> {
  const skip = deskServicesSkipReason();
  if (skip) {
    console.log(`\nStatus change benchmark skipped: ${skip}`);
    return null;
  }
  const desk = await startDeskUnderTest();
  const a = await openDesktop();
  const b = await openDesktop();
  try {
    // Ana is an editor: she may move a story from draft to ready for review and back.
    await signIn(a, desk.url, 'ana');
    await signIn(b, desk.url, 'bo');
    await until(() => a.services.desk.status().state === 'connected' && b.services.desk.status().state === 'connected', 'both connected', 120_000);
    const article = await a.services.drafts.create({ section: 'News' });
    await a.services.drafts.save({ ...article, headline: 'Status bench' }, 'manual');
    await a.services.desk.share(article.id);
    const id = article.id;
    // Asked until the desk has stored the story (before that it answers "No such story").
    const onDesk = async (): Promise<boolean> => {
      try {
        return (await a.services.handlers['desk:workflow']({ id }))?.status === 'draft';
      } catch {
        return false;
      }
    };
    await until(onDesk, 'the story on the desk', 120_000);
    await until(() => b.services.storyDocs.get({ id, part: 'body' }) !== undefined, 'the story on B', 120_000);
    const onB = b.services.storyDocs.get({ id, part: 'body' })!;

    const statusSamples: number[] = [];
    for (let i = 0; i < options.changes; i += 1) {
      const to = i % 2 === 0 ? 'ready' : 'draft';
      const seen = whenDoc(onB, () => metaOf(onB).get('status') === to);
      const started = performance.now();
      await a.services.handlers['desk:moveStatus']({ id, to });
      await seen;
      statusSamples.push(performance.now() - started);
    }

    const { token } = await login(desk.url, PEOPLE.ana.email, PASSWORD);
    const name = storyDocumentName('news', 'status-bench-baseline');
    const writer = connectDocument(webSocketUrlOf(desk.url), name, token, new Y.Doc());
    const reader = connectDocument(webSocketUrlOf(desk.url), name, token, new Y.Doc());
    await until(() => writer.provider.isSynced && reader.provider.isSynced, 'bare clients synced');
    const relaySamples: number[] = [];
    for (let i = 0; i < options.changes; i += 1) {
      const seen = whenDoc(reader.doc, () => reader.doc.getMap('bench').get('n') === i);
      const started = performance.now();
      writer.doc.getMap('bench').set('n', i);
      await seen;
      relaySamples.push(performance.now() - started);
    }
    writer.destroy();
    reader.destroy();
    return { statusSamples, relaySamples };
  } finally {
    await a.close();
    await b.close();
    await desk.close();
  }
}

export async function printDeskStatusBench(): Promise<void> {
  const figures = await runDeskStatusBench();
  if (!figures) return;
  const { statusSamples, relaySamples } = figures;
  console.log(`\nDesk status change (desk server process, PostgreSQL, two desktops, ${statusSamples.length} changes; load ${loadavg()[0]!.toFixed(1)})`);
  for (const q of [50, 95]) {
    const change = percentile(statusSamples, q);
    const relay = percentile(relaySamples, q);
    row(`status change on A visible on B: p${q}`, ms(change), q === 95 ? '≤ 100 ms' : '', `bare Yjs map write ${ms(relay)} (${(change / relay).toFixed(2)}×)`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await printDeskStatusBench();
