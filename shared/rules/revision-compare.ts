import { diffArrays, diffWords, type ChangeObject } from 'diff';
import type { Article } from '../model/article';
import { countWords, plainTextOf } from './text';

/** One run of the compared text: unchanged, only in the newer text, or only in the older one. */
export interface TextRun {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

export interface RevisionComparison {
  runs: TextRun[];
  wordsAdded: number;
  wordsRemoved: number;
  fields: FieldChange[];
}

const list = (values: readonly string[]): string => values.join(', ');

/** The article fields outside the body, as an editor reads them. */
const FIELDS: ReadonlyArray<readonly [string, (article: Article) => string]> = [
  ['Headline', (article) => article.headline.trim()],
  ['Dek', (article) => article.dek.trim()],
  ['Byline', (article) => list(article.byline.map((author) => (author.role ? `${author.name} (${author.role})` : author.name)))],
  ['Section', (article) => article.section],
  ['Tags', (article) => list(article.tags)],
  ['Status', (article) => article.status],
  ['Slug', (article) => article.slug],
  ['Lead photo', (article) => (article.leadPhoto === null ? 'none' : article.leadPhoto.caption.trim() || 'a photo without caption')],
  ['Lead photo credit', (article) => article.leadPhoto?.credit.trim() ?? ''],
];

/**
 * Paragraphs first, then words only inside the paragraphs that changed: a word diff over a whole
 * 10,000-word story costs time in proportion to its length times the number of edits, while the
 * paragraphs that did not change (nearly all of them) need no word-level look at all.
 */
function bodyChanges(before: string, after: string): ChangeObject<string>[] {
  const lines = (text: string) => text.split('\n').map((line) => `${line}\n`);
  const out: ChangeObject<string>[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed && added) out.push(...diffWords(removed, added));
    else if (removed) out.push({ value: removed, removed: true, added: false, count: 1 });
    else if (added) out.push({ value: added, added: true, removed: false, count: 1 });
    removed = '';
    added = '';
  };
  for (const part of diffArrays(lines(before), lines(after))) {
    const text = part.value.join('');
    if (part.removed) removed += text;
    else if (part.added) added += text;
    else {
      flush();
      out.push({ value: text, added: false, removed: false, count: part.count });
    }
  }
  flush();
  return out;
}

/**
 * What changed from an older revision to a newer text: the body word by word (the `diff`
 * library's word diff over the plain text, paragraphs as line breaks) and every changed field.
 */
export function compareRevisions(older: Article, newer: Article): RevisionComparison {
  const changes = bodyChanges(plainTextOf(older.body), plainTextOf(newer.body));
  const runs: TextRun[] = [];
  let wordsAdded = 0;
  let wordsRemoved = 0;
  for (const change of changes) {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    if (kind === 'added') wordsAdded += countWords(change.value);
    if (kind === 'removed') wordsRemoved += countWords(change.value);
    const last = runs[runs.length - 1];
    if (last !== undefined && last.kind === kind) last.text += change.value;
    else runs.push({ kind, text: change.value });
  }
  const fields: FieldChange[] = [];
  for (const [field, read] of FIELDS) {
    const before = read(older);
    const after = read(newer);
    if (before !== after) fields.push({ field, before, after });
  }
  return { runs, wordsAdded, wordsRemoved, fields };
}
