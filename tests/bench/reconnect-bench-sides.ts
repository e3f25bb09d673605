import { mkdtemp, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { createStoryDocs, type StoryDocs } from '../../electron/main/services/collab/story-docs';
import { STORY_BODY_ROOT } from '../../shared/desk/desk-protocol';
import { readLexicalBody, writeLexicalBody } from '../../shared/desk/lexical-yjs';
import { longArticleBody } from './fixtures/long-article';

/** The reconnect bench's two desktops: each an instance of main's story documents on its own library folder. */
export interface ReconnectBenchOptions {
  /** Keystrokes typed offline on each side. */
  edits: number;
  /** Words in the story before both sides went offline. */
  words: number;
}

export const KEY = { id: 'reconnect-bench', part: 'body' };
export const HOLDER = 'reconnect-bench';
const PHRASE = 'the council will meet again on friday ';
/** Keystrokes sent to main in one window update: the editor's provider batches what arrives together. */
const KEYS_PER_UPDATE = 4;

/** The body's top-level elements (paragraphs, headings, quotes), as Lexical's binding stores them. */
function blocksOf(doc: Y.Doc): Y.XmlText[] {
  const delta = doc.get(STORY_BODY_ROOT, Y.XmlText).toDelta() as { insert: unknown }[];
  return delta.map((op) => op.insert).filter((insert): insert is Y.XmlText => insert instanceof Y.XmlText);
}

/** Types `edits` keys into a window's copy of the story, passing each batch to main like the editor does. */
export async function typeOffline(docs: StoryDocs, side: string, edits: number, seed: number): Promise<void> {
  const window = new Y.Doc();
  Y.applyUpdate(window, Y.encodeStateAsUpdate(docs.get(KEY)!));
  const blocks = blocksOf(window);
  let pending: Uint8Array[] = [];
  window.on('update', (update: Uint8Array) => pending.push(update));
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648);
  let target = blocks[next() % blocks.length]!;
  for (let i = 0; i < edits; i += 1) {
    // A new place to type every sentence or so, the way a reporter moves through a story.
    if (i % 40 === 0) target = blocks[next() % blocks.length]!;
    // Past the text node's embed: at the end of the block, where the caret is after a click + End.
    if (i % 25 === 24 && target.length > 2) target.delete(target.length - 1, 1);
    else target.insert(target.length, PHRASE[i % PHRASE.length]!);
    if (pending.length >= KEYS_PER_UPDATE) {
      await docs.apply(KEY, Y.mergeUpdates(pending), side);
      pending = [];
    }
  }
  if (pending.length > 0) await docs.apply(KEY, Y.mergeUpdates(pending), side);
  window.destroy();
}

export async function sizeOfDir(dir: string): Promise<number> {
  const part = join(dir, 'shared-docs', KEY.id);
  const sizes = await Promise.all(['body.ylog', 'body.ysnap'].map((name) => stat(join(part, name)).then((s) => s.size, () => 0)));
  return sizes.reduce((a, b) => a + b, 0);
}

/** Both sides' missing updates, computed from each other's state vector (Yjs sync steps 1 and 2). */
export function syncMessages(a: Y.Doc, b: Y.Doc): { toA: Uint8Array; toB: Uint8Array } {
  const vectorA = Y.encodeStateVector(a);
  const vectorB = Y.encodeStateVector(b);
  return { toA: Y.encodeStateAsUpdate(b, vectorA), toB: Y.encodeStateAsUpdate(a, vectorB) };
}

// The fixture has no photos, so no caption documents to look up.
export const bodyJson = (doc: Y.Doc): string => JSON.stringify(readLexicalBody(doc, () => undefined));

export interface Side {
  docs: StoryDocs;
  doc: Y.Doc;
  dir: string;
}

/** Two desktops holding the same story, as they had it when they last synced. */
export async function openSides(words: number): Promise<{ a: Side; b: Side; dispose(): Promise<void> }> {
  const open = async (name: string): Promise<Side> => {
    const dir = await mkdtemp(join(tmpdir(), `newsdesk-reconnect-${name}-`));
    const docs = createStoryDocs({ libraryDir: dir });
    return { docs, dir, doc: await docs.hold(KEY, HOLDER) };
  };
  const a = await open('a');
  const b = await open('b');
  writeLexicalBody(a.doc, longArticleBody(words), 'main');
  await b.docs.apply(KEY, Y.encodeStateAsUpdate(a.doc), 'desk');
  return {
    a,
    b,
    async dispose() {
      for (const side of [a, b]) {
        await side.docs.closeAll();
        await rm(side.dir, { recursive: true, force: true });
      }
    },
  };
}

/** Lets go of both documents: story-docs closes their files, which waits for every pending write to be fsynced. */
export async function flushSides(a: Side, b: Side): Promise<void> {
  await Promise.all([a.docs.release(KEY, HOLDER), b.docs.release(KEY, HOLDER)]);
}

export const loadAverage = (): string => loadavg().map((n) => n.toFixed(2)).join(' ');

