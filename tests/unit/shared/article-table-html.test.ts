import { describe, expect, it } from 'vitest';
import type { LexicalDocument } from '../../../shared/model/article';
import { articleBodyHtml } from '../../../shared/rules/article-html';
import { plainTextOf } from '../../../shared/rules/text';
import { cleanArticleHtml } from '../../../electron/main/services/publishing/export/clean-html';

// Tables as the editor stores them (Lexical's table package) → the <table> every output uses.

const text = (value: string, format = 0) => ({ type: 'text', version: 1, text: value, format, detail: 0, mode: 'normal', style: '' });
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', version: 1, format: '', indent: 0, direction: null, children, textFormat: 0, textStyle: '' });
const cell = (headerState: number, ...paragraphs: unknown[]) => ({ type: 'tablecell', version: 1, headerState, colSpan: 1, rowSpan: 1, width: null, backgroundColor: null, children: paragraphs, format: '', indent: 0, direction: null });
const row = (...cells: unknown[]) => ({ type: 'tablerow', version: 1, height: 0, children: cells, format: '', indent: 0, direction: null });
const doc = (...children: unknown[]): LexicalDocument => ({ root: { type: 'root', version: 1, format: '', indent: 0, direction: null, children } }) as unknown as LexicalDocument;

const RESULTS = doc(
  paragraph(text('Results:')),
  {
    type: 'table',
    version: 1,
    format: '',
    indent: 0,
    direction: null,
    children: [
      row(cell(1, paragraph(text('Party'))), cell(1, paragraph(text('Seats')))),
      row(cell(0, paragraph(text('Greens'), text(' <b>', 1))), cell(0, paragraph(text('12')))),
      row(cell(0, paragraph(text('Two')), paragraph(text('lines'))), cell(0, paragraph())),
    ],
  },
);

const photoSrc = () => null;

describe('tables in article HTML', () => {
  it('writes a header row as thead/th, cells as td, text escaped', () => {
    expect(articleBodyHtml(RESULTS, { photoSrc })).toBe(
      '<p>Results:</p>\n<table>\n<thead>\n<tr><th>Party</th><th>Seats</th></tr>\n</thead>\n<tbody>\n' +
        '<tr><td>Greens<strong> &lt;b&gt;</strong></td><td>12</td></tr>\n' +
        '<tr><td><p>Two</p>\n<p>lines</p></td><td></td></tr>\n</tbody>\n</table>\n',
    );
  });

  it('survives the output sanitizer (HTML export, WordPress, ninjs)', () => {
    const html = articleBodyHtml(RESULTS, { photoSrc });
    expect(cleanArticleHtml(html)).toBe(html);
    expect(cleanArticleHtml('<table><tbody><tr><td onclick="x()" style="color:red">12</td></tr></tbody></table>')).toBe('<table><tbody><tr><td>12</td></tr></tbody></table>');
  });

  it('keeps cell words apart in the plain text (word count, search)', () => {
    expect(plainTextOf(RESULTS)).toBe('Results:\nParty\nSeats\nGreens <b>\n12\nTwo\nlines');
    // A cell with no paragraph (a damaged or foreign document) still keeps its words apart.
    expect(plainTextOf(doc({ type: 'table', children: [row({ type: 'tablecell', children: [text('a')] }, { type: 'tablecell', children: [text('b')] })] }))).toBe('a\nb');
  });
});
