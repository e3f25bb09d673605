import * as Y from 'yjs';
import type { LexicalDocument } from '../model/article';
import { STORY_BODY_ROOT } from './desk-protocol';
import {
  CAPTION_ID_FIELD,
  captionRootName,
  EMBED_TYPE,
  ELEMENT_FORMATS,
  isElementJson,
  isNodeJson,
  isObject,
  isTextJson,
  MAX_DEPTH,
  PHOTO_TYPE,
  TEXT_MODES,
  type Json,
  type NodeJson,
} from './lexical-yjs-layout';

import { captionFromJson, readCaptionRoot } from './lexical-yjs-read';

export { captionGuidsOf, readCaptionRoot, readLexicalBody } from './lexical-yjs-read';

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
 *   caption is a nested editor with a binding of its own (renderer/src/editor/photos/caption-binding.ts)
 *   to a top-level text of the story document named after the photo's `__captionId`, laid out as a
 *   body is. The photo also keeps the caption's editor state as JSON text in `__captionJson`: what
 *   it held when the photo was written, read for photos from before captions were shared texts.
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

/** Writes a root's format fields and children into an empty root text (a body's or a caption's). */
function writeRoot(root: Y.XmlText, json: Json, depth: number): void {
  const { format, indent, direction } = json;
  setAttributes(root, { __format: ELEMENT_FORMATS[String(format)] ?? 0, __indent: typeof indent === 'number' ? indent : 0, __dir: direction ?? null });
  writeChildren(root, json, depth);
}

/** A photo's caption goes into its own shared text, under a caption id made for it here. */
function writeCaption(doc: Y.Doc, fields: Json, caption: unknown, depth: number): void {
  if (!isObject(caption) || !isObject(caption.root)) return;
  const captionId = crypto.randomUUID();
  fields[CAPTION_ID_FIELD] = captionId;
  writeRoot(doc.get(captionRootName(captionId), Y.XmlText), caption.root, depth + 1);
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
      const fields = fieldsOf(child);
      if (child.type === PHOTO_TYPE && parent.doc) writeCaption(parent.doc, fields, child.caption, depth);
      setAttributes(decorator, fields);
      parent.insertEmbed(offset, decorator);
    }
  }
}

/**
 * Writes an editor state's JSON (a caption's) into an empty root text; a text someone already wrote
 * is left as it is, so nothing is doubled. True when it was written.
 */
export function writeLexicalRoot(root: Y.XmlText, state: unknown, origin: unknown = null): boolean {
  if (root.length > 0 || !root.doc || !isObject(state) || !isObject(state.root)) return false;
  const json = state.root;
  root.doc.transact(() => writeRoot(root, json, 0), origin);
  return true;
}

/**
 * Writes `body` into `doc`, whose body must still be empty (a story never shared, or a document
 * just created): writing into a body someone already wrote would double the text. Photo captions
 * go into shared texts of their own, one per photo, named by the ids given to the photos here.
 */
export function writeLexicalBody(doc: Y.Doc, body: LexicalDocument, origin: unknown = null): void {
  const root = doc.get(STORY_BODY_ROOT, Y.XmlText);
  if (root.length > 0) throw new Error('The story document already holds a body.');
  doc.transact(() => writeRoot(root, body.root as unknown as Json, 0), origin);
}

/**
 * Gives each photo of the body whose caption has no shared text yet (written before captions were
 * shared texts: the caption only in `__captionJson`) a caption id, and writes its caption there, so
 * from now on that caption merges letter by letter like the body. Only where one writer alone does
 * it: the desktop for a story not on a desk, before any editor shows it, and the desk server for a
 * desk story, under the story's lock (server/old-captions.ts). Two doing it at once would give one
 * photo two ids. A caption that cannot be read is left as it was. Returns how many were given ids.
 */
export function shareOldCaptions(doc: Y.Doc, origin: unknown = null): number {
  const photos: Y.XmlElement[] = [];
  collectOldPhotos(doc.get(STORY_BODY_ROOT, Y.XmlText), photos, 0);
  let shared = 0;
  if (photos.length === 0) return shared;
  doc.transact(() => {
    for (const photo of photos) {
      const caption = captionFromJson(photo.getAttribute('__captionJson'));
      if (!caption) continue;
      const captionId = crypto.randomUUID();
      writeRoot(doc.get(captionRootName(captionId), Y.XmlText), caption.root as unknown as Json, 1);
      photo.setAttribute(CAPTION_ID_FIELD, captionId);
      shared += 1;
    }
  }, origin);
  return shared;
}

/** Whether shareOldCaptions would give any photo of the body a caption id (and writes nothing). */
export function hasOldCaptions(doc: Y.Doc): boolean {
  const photos: Y.XmlElement[] = [];
  collectOldPhotos(doc.get(STORY_BODY_ROOT, Y.XmlText), photos, 0);
  return photos.some((photo) => captionFromJson(photo.getAttribute('__captionJson')) !== null);
}

function collectOldPhotos(parent: Y.XmlText, into: Y.XmlElement[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (const { insert } of parent.toDelta() as { insert: unknown }[]) {
    if (insert instanceof Y.XmlText) collectOldPhotos(insert, into, depth + 1);
    else if (insert instanceof Y.XmlElement && insert.getAttribute('__type') === PHOTO_TYPE && !insert.getAttribute(CAPTION_ID_FIELD)) into.push(insert);
  }
}

/**
 * Makes a photo's shared caption text hold `caption` (an editor state's JSON), as one edit that
 * deletes what the text held and writes the caption; nothing when it already reads the same, so a
 * caption written again is not an edit. Call it inside a transaction. True when it changed.
 */
export function replaceSharedCaption(doc: Y.Doc, captionId: string, caption: LexicalDocument): boolean {
  const root = doc.get(captionRootName(captionId), Y.XmlText);
  // Compared as the editor would read both, so a caption differing only in defaults is the same.
  const scratch = new Y.Doc().get(STORY_BODY_ROOT, Y.XmlText);
  writeRoot(scratch, caption.root as unknown as Json, 1);
  if (JSON.stringify(readCaptionRoot(scratch)) === JSON.stringify(readCaptionRoot(root))) return false;
  if (root.length > 0) root.delete(0, root.length);
  writeRoot(root, caption.root as unknown as Json, 1);
  return true;
}
