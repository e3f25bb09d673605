import { describe, expect, it } from 'vitest';
import { articleBodyHtml } from '../../../shared/rules/article-html';
import { appendCorrection, correctionDate, correctionLine } from '../../../shared/rules/corrections';
import type { LexicalDocument } from '../../../shared/model/article';

const BODY: LexicalDocument = {
  root: {
    type: 'root',
    children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: 'The council met on Tuesday.', format: 0, detail: 0, mode: 'normal', style: '' }] }],
  },
};

describe('the house format of corrections and update notes', () => {
  it('writes "Correction, 7 Dec 2026: …" with the day as the desk sees it', () => {
    const at = new Date('2026-12-07T09:30:00Z');
    expect(correctionLine('correction', 'The vote is on Thursday, not Wednesday.', at, { timeZone: 'Europe/London' })).toBe(
      'Correction, 7 Dec 2026: The vote is on Thursday, not Wednesday.',
    );
    expect(correctionLine('update', 'The council set the date.', at, { timeZone: 'UTC' })).toBe('Update, 7 Dec 2026: The council set the date.');
  });

  it('takes the date in the desk\'s time zone: late evening in New York is already the next day in Paris', () => {
    const at = new Date('2026-12-07T23:30:00-05:00');
    expect(correctionDate(at, { timeZone: 'America/New_York' })).toBe('7 Dec 2026');
    expect(correctionDate(at, { timeZone: 'Europe/Paris' })).toBe('8 Dec 2026');
  });

  it('names the month in the desk\'s locale without a trailing full stop', () => {
    expect(correctionDate(new Date('2026-12-07T12:00:00Z'), { timeZone: 'UTC', locale: 'fr-FR' })).toBe('7 déc 2026');
  });

  it('keeps a note on one line: line breaks and runs of spaces become one space', () => {
    expect(correctionLine('correction', '  The name is\n\nAnna   Berg. ', new Date('2026-12-07T12:00:00Z'), { timeZone: 'UTC' })).toBe('Correction, 7 Dec 2026: The name is Anna Berg.');
  });

  it('appends the note as the body\'s last block, label in bold, and the HTML of the story shows it', () => {
    const body = appendCorrection(BODY, 'correction', 'An earlier version misspelt her name.', new Date('2026-12-07T12:00:00Z'), { timeZone: 'UTC' });
    expect(body.root.children).toHaveLength(2);
    expect(BODY.root.children).toHaveLength(1);
    expect(articleBodyHtml(body, { photoSrc: () => null })).toBe(
      '<p>The council met on Tuesday.</p>\n<p><strong>Correction, 7 Dec 2026:</strong> An earlier version misspelt her name.</p>\n',
    );
  });

  it('writes a note that looks like markup as text, never as markup', () => {
    const body = appendCorrection(BODY, 'update', '<script>alert(1)</script> & more', new Date('2026-12-07T12:00:00Z'), { timeZone: 'UTC' });
    expect(articleBodyHtml(body, { photoSrc: () => null })).toContain('</strong> &lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>');
  });
});
