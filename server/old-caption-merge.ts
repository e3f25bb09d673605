import * as Y from 'yjs';
import { captionRootName, isObject } from '../shared/desk/lexical-yjs-layout';
import type { LexicalDocument } from '../shared/model/article';

/**
 * A three-way merge of an old-style caption edit (a whole caption, `__captionJson`) into the
 * photo's shared caption text, for the common case: the caption is one paragraph of plain text,
 * before and after the edit. The caption the edit was made from (`base`) is the one the server
 * converted, whose letters are still known in the shared text by their Yjs ids (the conversion's
 * own items): the letters the edit changed are found by comparing it with its base, and only those
 * are deleted and inserted, next to the same base letters, so letters others typed since stay.
 * Anything else (formatting, several paragraphs, a base that is not the converted caption) is not
 * merged here: false, and the caller replaces the whole text instead.
 */
export function mergeOldCaptionEdit(doc: Y.Doc, captionId: string, base: LexicalDocument | null, edited: LexicalDocument): boolean {
  const from = plainCaption(base);
  const to = plainCaption(edited);
  if (!from || !to || from.format !== to.format || from.text === '') return false;
  const root = doc.get(captionRootName(captionId), Y.XmlText);
  const converted = convertedLetters(root, from.text);
  if (!converted) return false;
  const { paragraph, letters } = converted;

  // The one changed range of the base, by its common start and end with the edit.
  let start = 0;
  while (start < from.text.length && start < to.text.length && from.text[start] === to.text[start]) start += 1;
  let end = 0;
  while (end < from.text.length - start && end < to.text.length - start && from.text[from.text.length - 1 - end] === to.text[to.text.length - 1 - end]) end += 1;
  const removed = letters.slice(start, from.text.length - end);
  const inserted = to.text.slice(start, to.text.length - end);
  // The insert goes right after the base letter before the change (or right before the first one).
  const anchor = start > 0 ? letters[start - 1]!.after : letters[0]!.before;
  doc.transact(() => {
    const kept = removed.filter((letter) => letter.at !== null).map((letter) => letter.at as number).sort((a, b) => b - a);
    for (const at of kept) paragraph.delete(at, 1);
    if (inserted !== '') paragraph.insert(anchor - kept.filter((at) => at < anchor).length, inserted);
  });
  return true;
}

/** Where a base letter is in the paragraph now: its index (null once deleted), and the places before and after it. */
interface Letter {
  /** The letter, null once deleted (its content is then gone). */
  char: string | null;
  at: number | null;
  before: number;
  after: number;
}

/**
 * The converted caption's letters in the shared text: the conversion wrote one paragraph, its text
 * node's fields, then the text, all as the same Yjs client; letters typed since are other items.
 * Null when the text is not that (edited into other paragraphs, or not the caption converted).
 */
function convertedLetters(root: Y.XmlText, text: string): { paragraph: Y.XmlText; letters: Letter[] } | null {
  for (let item = root._start; item !== null; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentType) || !(item.content.type instanceof Y.XmlText)) continue;
    const paragraph = item.content.type;
    const letters = lettersOf(paragraph, item.id.client);
    const same = letters.length === text.length && letters.every((letter, i) => letter.char === null || letter.char === text[i]);
    return same ? { paragraph, letters } : null;
  }
  return null;
}

function lettersOf(paragraph: Y.XmlText, client: number): Letter[] {
  const letters: Letter[] = [];
  let index = 0;
  let fieldsSeen = false;
  for (let item = paragraph._start; item !== null; item = item.right) {
    const own = item.id.client === client;
    if (own && !fieldsSeen) {
      // The text node's fields, written before its text.
      fieldsSeen = true;
    } else if (own && (item.content instanceof Y.ContentString || item.content instanceof Y.ContentDeleted)) {
      for (let offset = 0; offset < item.length; offset += 1) {
        const at = item.deleted ? null : index + offset;
        const char = item.content instanceof Y.ContentString ? (item.content.str[offset] ?? null) : null;
        letters.push({ char, at, before: at ?? index, after: at === null ? index : at + 1 });
      }
    }
    if (!item.deleted && item.countable) index += item.length;
  }
  return letters;
}

/** The text of a caption that is one paragraph of one plain text node (with its format), or null. */
function plainCaption(caption: LexicalDocument | null): { text: string; format: string } | null {
  const children = caption?.root.children;
  if (!children || children.length !== 1 || !isObject(children[0]) || children[0].type !== 'paragraph') return null;
  const texts = children[0].children;
  if (!Array.isArray(texts)) return null;
  if (texts.length === 0) return { text: '', format: '0|' };
  const [node] = texts as unknown[];
  if (texts.length !== 1 || !isObject(node) || node.type !== 'text' || typeof node.text !== 'string') return null;
  return { text: node.text, format: `${Number(node.format ?? 0)}|${String(node.style ?? '')}` };
}
