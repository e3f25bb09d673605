import { describe, expect, it } from 'vitest';
import type { Article, LexicalDocument } from '../../../shared/model/article';
import { compareRevisions } from '../../../shared/rules/revision-compare';

// Comparing a revision with the current text: words added and removed, and changed fields.

const body = (...paragraphs: string[]): LexicalDocument =>
  ({
    root: {
      type: 'root',
      version: 1,
      format: '',
      indent: 0,
      direction: null,
      children: paragraphs.map((text) => ({ type: 'paragraph', version: 1, format: '', indent: 0, direction: null, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }] })),
    },
  }) as unknown as LexicalDocument;

const article = (over: Partial<Article>): Article => ({
  schemaVersion: 3,
  id: 'abcdefgh1',
  slug: 'budget',
  slugEdited: false,
  headline: 'Budget passes',
  dek: '',
  body: body('The council passed the budget on Tuesday.'),
  byline: [{ name: 'Jane Doe', role: '', avatar: null }],
  leadPhoto: null,
  section: 'News',
  tags: ['council'],
  status: 'draft',
  createdAt: '2026-12-01T10:00:00Z',
  updatedAt: '2026-12-01T10:00:00Z',
  ...over,
});

describe('compareRevisions', () => {
  it('reports the words added and removed, in reading order', () => {
    const older = article({});
    const newer = article({ body: body('The city council narrowly passed the budget on Wednesday.', 'Protests followed.') });
    const result = compareRevisions(older, newer);
    expect(result.wordsAdded).toBe(5); // city, narrowly, Wednesday, Protests, followed
    expect(result.wordsRemoved).toBe(1); // Tuesday
    expect(result.runs.filter((run) => run.kind === 'removed').map((run) => run.text.trim())).toEqual(['Tuesday']);
    expect(result.runs.map((run) => run.text).join('')).toContain('The ');
    expect(result.fields).toEqual([]);
  });

  it('lists changed fields with before and after', () => {
    const result = compareRevisions(article({}), article({ headline: 'Budget passes after all-night session', tags: ['council', 'budget'], status: 'ready' }));
    expect(result.fields).toEqual([
      { field: 'Headline', before: 'Budget passes', after: 'Budget passes after all-night session' },
      { field: 'Tags', before: 'council', after: 'council, budget' },
      { field: 'Status', before: 'draft', after: 'ready' },
    ]);
    expect(result.wordsAdded + result.wordsRemoved).toBe(0);
  });
});
