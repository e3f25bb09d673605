import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { keepOldCaptionEdits } from '../../server/old-captions';
import { STORY_BODY_ROOT } from '../../shared/desk/desk-protocol';
import { captionRootName } from '../../shared/desk/lexical-yjs-layout';
import { percentile, row } from './report';

/**
 * What the desk server's watch for old-style caption edits costs each story update it applies
 * (server/old-captions.ts: keepOldCaptionEdits around every client update). The same keystroke
 * updates of a story with photos, applied to two copies of the story: plainly (before) and through
 * the watch (now), in alternated rounds so both see the same machine load.
 *
 *   npx tsx tests/bench/old-captions-bench.ts
 */
const ROUNDS = Number(process.env.NEWSDESK_OLD_CAPTIONS_BENCH_ROUNDS ?? 10);
const KEYSTROKES = 2000;
const loadAverage = (): string => loadavg().map((n) => n.toFixed(2)).join(' ');

/** A story of 40 paragraphs and 10 photos with shared captions, and keystrokes typed into its body and captions. */
function story(): { base: Uint8Array; keystrokes: Uint8Array[] } {
  const writer = new Y.Doc();
  const body = writer.get(STORY_BODY_ROOT, Y.XmlText);
  writer.transact(() => {
    for (let i = 0; i < 40; i += 1) {
      const paragraph = new Y.XmlText();
      paragraph.setAttribute('__type', 'paragraph');
      body.insertEmbed(body.length, paragraph);
      paragraph.insertEmbed(0, new Y.Map<unknown>([['__type', 'text']]));
      paragraph.insert(1, 'Fishing boats leave the harbour before sunrise. '.repeat(4));
      if (i % 4 === 0) {
        const photo = new Y.XmlElement();
        photo.setAttribute('__type', 'newsdesk-photo');
        photo.setAttribute('__captionJson', '{"root":{"type":"root","children":[]}}');
        photo.setAttribute('__captionId', `caption-${i}`);
        body.insertEmbed(body.length, photo);
        writer.get(captionRootName(`caption-${i}`), Y.XmlText).insert(0, 'The quay at dawn');
      }
    }
  });
  const base = Y.encodeStateAsUpdate(writer);
  const keystrokes: Uint8Array[] = [];
  writer.on('update', (update: Uint8Array) => keystrokes.push(update));
  const paragraphs = body.toDelta().map(({ insert }: { insert: unknown }) => insert).filter((part: unknown) => part instanceof Y.XmlText) as Y.XmlText[];
  for (let i = 0; i < KEYSTROKES; i += 1) {
    if (i % 5 === 0) writer.get(captionRootName('caption-0'), Y.XmlText).insert(1 + (i % 10), 'c');
    else paragraphs[i % paragraphs.length]!.insert(2 + (i % 30), 'k');
  }
  return { base, keystrokes };
}

function timeRound(base: Uint8Array, keystrokes: Uint8Array[], watched: boolean): number[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  const times: number[] = [];
  for (const update of keystrokes) {
    const started = performance.now();
    if (watched) keepOldCaptionEdits(doc, () => Y.applyUpdate(doc, update, 'client'));
    else Y.applyUpdate(doc, update, 'client');
    times.push((performance.now() - started) * 1000);
  }
  return times;
}

const { base, keystrokes } = story();
const before: number[] = [];
const now: number[] = [];
timeRound(base, keystrokes, true); // warm-up
for (let round = 0; round < ROUNDS; round += 1) {
  // Alternated, and which goes first alternates too.
  const order = round % 2 === 0 ? [false, true] : [true, false];
  for (const watched of order) (watched ? now : before).push(...timeRound(base, keystrokes, watched));
}
console.log(`load average (1, 5, 15 min): ${loadAverage()}`);
const us = (n: number): string => `${n.toFixed(1)} µs`;
for (const p of [50, 95]) {
  row(`apply a keystroke update, p${p}`, us(percentile(now, p)), '', `plain apply (before) ${us(percentile(before, p))} (${(percentile(now, p) / percentile(before, p)).toFixed(2)}×)`);
}
console.log(`load average (1, 5, 15 min): ${loadAverage()}`);
