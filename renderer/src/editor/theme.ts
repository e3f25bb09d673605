import type { EditorThemeClasses } from 'lexical';

/** Class names Lexical puts on the nodes it renders; the look lives in ui/styles/editor.css. */
export const editorTheme: EditorThemeClasses = {
  paragraph: 'nd-p',
  heading: { h1: 'nd-h2', h2: 'nd-h2', h3: 'nd-h3', h4: 'nd-h3', h5: 'nd-h3', h6: 'nd-h3' },
  quote: 'nd-quote',
  pullquote: 'nd-pullquote',
  hr: 'nd-hr',
  hrSelected: 'nd-hr-selected',
  /** The block that hosts an inline photo (the figure inside is PhotoView's). */
  photo: 'nd-photo-host',
  link: 'nd-link',
  /** Commented words (MarkNode); the panel adds nd-mark--resolved / nd-mark--active. */
  mark: 'nd-mark',
  markOverlap: 'nd-mark--overlap',
  /** The block that hosts an embed card (the card inside is EmbedNode's). */
  embed: 'nd-embed-host',
  table: 'nd-table',
  tableRow: 'nd-table-row',
  tableCell: 'nd-table-cell',
  tableCellHeader: 'nd-table-cell--header',
  tableSelection: 'nd-table--selecting',
  tableCellSelected: 'nd-table-cell--selected',
  list: {
    ul: 'nd-ul',
    ol: 'nd-ol',
    listitem: 'nd-li',
    nested: { listitem: 'nd-li-nested' },
  },
  text: {
    bold: 'nd-bold',
    italic: 'nd-italic',
    underline: 'nd-underline',
    strikethrough: 'nd-strike',
    underlineStrikethrough: 'nd-underline-strike',
  },
};
