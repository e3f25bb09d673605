import * as Y from 'yjs';
import type { LexicalDocument } from '../model/article';
import { STORY_BODY_ROOT } from './desk-protocol';
import { EMBED_TYPE, ELEMENT_FORMATS, isElementJson, isNodeJson, isTextJson, MAX_DEPTH, PHOTO_TYPE, TEXT_MODES, type Json, type NodeJson } from './lexical-yjs-layout';

export { captionGuidsOf, readLexicalBody } from './lexical-yjs-read';

/**
 * An article body (Lexical's JSON) written into a story document and read back, without an editor,
 * in the layout of Lexical's own Yjs binding (@lexical/yjs, "v1"): main uses it to share a story
 * no window has open and to keep the article file current when the desk changes it.
 *
 * The binding's layout, which this follows exactly:
 * - an element is a Y.XmlText whose attributes are the node's `__` fields (`__type`, `__format`…)
 *   and whose content is its children, each one embed;
 * - a text node is a Y.Map of its fields embedded in the parent, followed by its text as plain
 *   characters of the parent's Y.XmlText; a line break is a Y.Map `{ __type: 'linebreak' }`;
 * - a decorator (photo, embed, rule) is a Y.XmlElement with its fields as attributes. A photo's
 *   caption is a nested editor, which the editor keeps out of the shared document (its binding's
 *   excluded properties); the photo node mirrors the caption's editor state as JSON text in
 *   `__captionJson` (renderer/src/editor/photos/useSharedCaption.ts), and that is what travels.
 * The JSON ↔ field mapping is Lexical's: `key` ↔ `__key`, except the renamed and coded fields below.
 */

/** The fields the binding stores for a node, from its JSON. */
function fieldsOf(node: NodeJson): Json {
  const element = isElementJson(node);
  const text = isTextJson(node);
  const fields: Json = { __type: node.type };
  // The binding stores every field of a fresh node, defaults included; the same defaults here.
  if (element) Object.assign(fields, { __format: 0, __style: '', __indent: 0, __dir: null, __textFormat: 0, __textStyle: '' });
  if (text) Object.assign(fields, { __format: 0, __style: '', __mode: 0, __detail: 0 });
  for (const [key, value] of Object.entries(node)) {
    if (key === 'type' || key === 'version' || key === 'children' || (text && key === 'text') || value === undefined) continue;
    if (element && key === 'format') fields.__format = ELEMENT_FORMATS[String(value)] ?? 0;
    else if (element && key === 'direction') fields.__dir = value;
    else if (text && key === 'mode') fields.__mode = TEXT_MODES[String(value)] ?? 0;
    else if (node.type === PHOTO_TYPE && key === 'caption') fields.__captionJson = JSON.stringify(value);
    else if (node.type === PHOTO_TYPE && key === 'captionText') continue; // derived from the caption
    else if (node.type === EMBED_TYPE && (key === 'url' || key === 'provider')) fields.__embed = { provider: node.provider, url: node.url };
    else fields[`__${key}`] = value;
  }
  return fields;
}

function setAttributes(type: Y.XmlText | Y.XmlElement, fields: Json): void {
  // Attributes are typed as strings by Yjs, but the binding stores numbers, booleans, objects and docs.
  for (const [key, value] of Object.entries(fields)) type.setAttribute(key, value as string);
}

function writeChildren(parent: Y.XmlText, node: Json, depth: number): void {
  if (depth > MAX_DEPTH) throw new Error('The story body is nested too deeply to share.');
  const children = Array.isArray(node.children) ? node.children.filter(isNodeJson) : [];
  for (const child of children) {
    const offset = parent.length;
    if (child.type === 'linebreak') {
      parent.insertEmbed(offset, new Y.Map<unknown>([['__type', 'linebreak']]));
    } else if (isTextJson(child)) {
      parent.insertEmbed(offset, new Y.Map<unknown>(Object.entries(fieldsOf(child))));
      if (child.text !== '') parent.insert(offset + 1, child.text as string);
    } else if (isElementJson(child)) {
      const element = new Y.XmlText();
      // Attributes and children are set before the embed, so one update carries the whole element.
      setAttributes(element, fieldsOf(child));
      parent.insertEmbed(offset, element);
      writeChildren(element, child, depth + 1);
    } else {
      const decorator = new Y.XmlElement();
      setAttributes(decorator, fieldsOf(child));
      parent.insertEmbed(offset, decorator);
    }
  }
}

/**
 * Writes `body` into `doc`, whose body must still be empty (a story never shared, or a document
 * just created): writing into a body someone already wrote would double the text. Photo captions
 * go with their photos, as the JSON text the editor mirrors them in.
 */
export function writeLexicalBody(doc: Y.Doc, body: LexicalDocument, origin: unknown = null): void {
  const root = doc.get(STORY_BODY_ROOT, Y.XmlText);
  if (root.length > 0) throw new Error('The story document already holds a body.');
  doc.transact(() => {
    const { format, indent, direction } = body.root;
    setAttributes(root, { __format: ELEMENT_FORMATS[String(format)] ?? 0, __indent: typeof indent === 'number' ? indent : 0, __dir: direction ?? null });
    writeChildren(root, body.root, 0);
  }, origin);
}
