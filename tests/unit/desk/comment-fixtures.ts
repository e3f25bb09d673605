import type { LexicalDocument } from '../../../shared/model/article';

const text = (value: string) => ({ detail: 0, format: 0, mode: 'normal', style: '', text: value, type: 'text', version: 1 });
const paragraph = (...children: object[]) => ({ children, direction: null, format: '', indent: 0, type: 'paragraph', version: 1, textFormat: 0, textStyle: '' });
const mark = (ids: string[], ...children: object[]) => ({ children, direction: null, format: '', indent: 0, type: 'mark', version: 1, ids });

/** A one-paragraph body whose middle words carry a comment mark (Lexical's MarkNode JSON). */
export function bodyWithMark(threadId: string): LexicalDocument {
  return {
    root: {
      children: [paragraph(text('The mayor said '), mark([threadId], text('the bridge reopens Monday')), text('.'))],
      direction: null,
      format: '',
      indent: 0,
      type: 'root',
      version: 1,
    },
  } as LexicalDocument;
}
