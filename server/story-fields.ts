import * as Y from 'yjs';
import { STORY_BODY_ROOT, STORY_META_MAP } from '../shared/desk/desk-protocol';

export interface StoryFields {
  headline: string;
  status: string;
  section: string;
  body: string;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * The plain text of Lexical's Yjs body: each element (paragraph, heading, list item…) is a nested
 * Y.XmlText, text runs are string inserts; elements become lines. Decorator nodes (photos, embeds)
 * are Y.Maps / Y.XmlElements and carry no body text.
 */
function plainText(node: Y.XmlText): string {
  let out = '';
  for (const op of node.toDelta() as { insert: unknown }[]) {
    if (typeof op.insert === 'string') out += op.insert;
    else if (op.insert instanceof Y.XmlText) {
      const inner = plainText(op.insert);
      out += out === '' || out.endsWith('\n') ? `${inner}\n` : `\n${inner}\n`;
    }
  }
  return out;
}

/** The archive's view of a story document. */
export function storyFields(doc: Y.Doc): StoryFields {
  const meta = doc.getMap(STORY_META_MAP);
  return {
    headline: text(meta.get('headline')),
    status: text(meta.get('status')),
    section: text(meta.get('section')),
    body: plainText(doc.get(STORY_BODY_ROOT, Y.XmlText) as Y.XmlText).trim(),
  };
}
