import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { Article, LexicalDocument } from '../../shared/model/article';
import { compareRevisions } from '../../shared/rules/revision-compare';
import { longArticleBody } from './fixtures/long-article';
import { ms, percentile, row } from './report';

const WORDS = 10_000;
const ROUNDS = 15;

/** A later revision: every tenth paragraph rewritten, one paragraph cut, one added, headline changed. */
function edited(body: LexicalDocument): LexicalDocument {
  const children = body.root.children.map((child, index) =>
    index % 10 === 5 && Array.isArray(child.children)
      ? { ...child, children: [{ type: 'text', version: 1, text: 'a rewritten paragraph about the vote count in the northern towns tonight', format: 0, detail: 0, mode: 'normal', style: '' }] }
      : child,
  );
  children.splice(20, 1);
  children.push(children[3]!);
  return { root: { ...body.root, children } };
}

function article(body: LexicalDocument, headline: string): Article {
  return {
    schemaVersion: 3, id: 'benchmark1', slug: 'bench', slugEdited: false, headline, dek: '', body, byline: [], leadPhoto: null,
    section: 'News', tags: [], status: 'draft', createdAt: '2026-12-01T10:00:00Z', updatedAt: '2026-12-01T10:00:00Z',
  };
}

export function runRevisionCompareBench(): void {
  console.log(`\nRevision comparison, two ${WORDS.toLocaleString()}-word revisions, ${ROUNDS} rounds (load average ${loadavg().map((n) => n.toFixed(2)).join(' ')})`);
  const older = article(longArticleBody(WORDS), 'Before');
  const newer = article(edited(older.body), 'After');
  const samples: number[] = [];
  let added = 0;
  let removed = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    const start = performance.now();
    const result = compareRevisions(older, newer);
    samples.push(performance.now() - start);
    added = result.wordsAdded;
    removed = result.wordsRemoved;
  }
  row(`compare (${added} words added, ${removed} removed) p50`, ms(percentile(samples, 50)), '-');
  row('compare, slowest after the first', ms(Math.max(...samples.slice(1))), '≤ 100 ms');
  row('compare, first (cold)', ms(samples[0]!), '-');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) runRevisionCompareBench();
