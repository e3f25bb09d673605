import type { LexicalDocument } from '../../../shared/model/article';

/** Blocks richEditorBody() leaves out: an embed, a table, alignment, indents, direction, an empty paragraph with a pending format. */

const text = (value: string, format = 0) => ({ type: 'text', version: 1, text: value, format, detail: 0, mode: 'normal', style: '' });
const paragraph = (children: unknown[], extra: Record<string, unknown> = {}) => ({
  type: 'paragraph', version: 1, children, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', ...extra,
});
const cell = (value: string, headerState = 0) => ({
  type: 'tablecell', version: 1, headerState, colSpan: 1, rowSpan: 1, backgroundColor: null, width: 120,
  children: [paragraph([text(value)])], direction: null, format: '', indent: 0,
});
const row = (cells: unknown[]) => ({ type: 'tablerow', version: 1, children: cells, direction: null, format: '', indent: 0, height: 33 });

export function extraBlocksBody(): LexicalDocument {
  return {
    root: {
      type: 'root', version: 1, format: '', indent: 0, direction: 'ltr',
      children: [
        paragraph([text('Centred and indented', 1)], { format: 'center', indent: 2, direction: 'ltr' }),
        paragraph([], { textFormat: 2 }),
        paragraph([text('right', 0), text(' aligned', 8)], { format: 'right', direction: 'rtl' }),
        { type: 'embed', version: 1, url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', provider: 'youtube', title: 'A video' },
        {
          type: 'table', version: 1, children: [row([cell('Town', 1), cell('Rain', 1)]), row([cell('Arles'), cell('120 mm')])],
          colWidths: [120, 120], rowStriping: false, direction: null, format: '', indent: 0,
        },
        paragraph([text('token', 0)]),
        { ...paragraph([{ ...text('segmented'), mode: 'segmented' }, { ...text('styled'), style: 'color: red' }]) },
      ],
    },
  } as unknown as LexicalDocument;
}
