import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openDraftStore, type DraftStoreOptions } from '../../../electron/main/services/drafts/draft-store';
import type { DraftStore } from '../../../electron/main/services/drafts/types';
import { ARTICLE_SCHEMA_VERSION, type Article, type LexicalDocument } from '../../../shared/model/article';

/** A Lexical body with one paragraph per string. */
export function bodyOf(...paragraphs: string[]): LexicalDocument {
  return {
    root: {
      type: 'root',
      version: 1,
      format: '',
      indent: 0,
      direction: null,
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        version: 1,
        format: '',
        indent: 0,
        direction: null,
        textFormat: 0,
        textStyle: '',
        children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }],
      })),
    },
  };
}

let counter = 0;

/** A valid article; ids are unique per call. */
export function makeArticle(overrides: Partial<Article> = {}): Article {
  counter += 1;
  const at = '2024-05-01T10:00:00.000Z';
  return {
    schemaVersion: ARTICLE_SCHEMA_VERSION,
    id: `test-${counter.toString().padStart(4, '0')}-${Math.random().toString(36).slice(2, 8)}`,
    slug: '',
    slugEdited: false,
    headline: `Headline ${counter}`,
    dek: '',
    body: bodyOf('Some text.'),
    byline: [],
    leadPhoto: null,
    section: 'News',
    tags: [],
    status: 'draft',
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A fresh temp data folder, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-drafts-test-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Opens a store that is closed after the test (closing twice is harmless). Background errors fail loudly. */
export async function openStore(dir: string, options: DraftStoreOptions = {}): Promise<DraftStore> {
  const store = await openDraftStore(dir, {
    onBackgroundError: (error) => {
      throw error;
    },
    ...options,
  });
  cleanups.push(() => store.close());
  return store;
}

/** A controllable clock for the store: starts at a fixed time, moves only when told. */
export function fakeClock(start = Date.parse('2024-06-01T09:00:00.000Z')): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}
