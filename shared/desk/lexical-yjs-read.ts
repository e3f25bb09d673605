import * as Y from 'yjs';
import type { LexicalDocument } from '../model/article';
import { STORY_BODY_ROOT } from './desk-protocol';
import {
  CAPTION_ID_FIELD,
  captionRootName,
  EMBED_TYPE,
  ELEMENT_FORMATS,
  isNodeJson,
  isObject,
  isTextJson,
  keyOf,
  MAX_CAPTION_TEXT,
  MAX_DEPTH,
  PHOTO_TYPE,
  TEXT_MODES,
  type Json,
  type NodeJson,
} from './lexical-yjs-layout';

/** A story document → the article body the editor would export after loading it (layout: see lexical-yjs.ts). */

interface Embed {
  insert: unknown;
}

type CaptionLookup = (guid: string) => Y.Doc | undefined;

function attributesOf(type: Y.XmlText | Y.XmlElement | Y.Map<unknown>): Json {
  return type instanceof Y.Map ? Object.fromEntries(type.entries()) : (type.getAttributes() as Json);
}

function plainJsonOf(fields: Json, skip: ReadonlySet<string>): Json {
  const json: Json = {};
  for (const [key, value] of Object.entries(fields)) {
    if (!key.startsWith('__') || skip.has(key) || value instanceof Y.AbstractType || value instanceof Y.Doc) continue;
    json[key.slice(2)] = value;
  }
  return json;
}

const ELEMENT_SKIPPED = new Set(['__type', '__format', '__dir', '__indent', '__style', '__textFormat', '__textStyle', '__slots', '__state']);
const TEXT_SKIPPED = new Set(['__type', '__format', '__mode', '__detail', '__style', '__state']);
const DECORATOR_SKIPPED = new Set(['__type', '__slots', '__state', '__captionJson', CAPTION_ID_FIELD]);

function textJsonOf(fields: Json, text: string): NodeJson {
  return {
    ...plainJsonOf(fields, TEXT_SKIPPED),
    detail: typeof fields.__detail === 'number' ? fields.__detail : 0,
    format: typeof fields.__format === 'number' ? fields.__format : 0,
    mode: keyOf(TEXT_MODES, fields.__mode, 'normal'),
    style: typeof fields.__style === 'string' ? fields.__style : '',
    text,
    type: String(fields.__type),
    version: 1,
  };
}

/** Lexical merges neighbouring plain text nodes of one format and drops empty ones: the editor shows that. */
function normalizeText(children: NodeJson[]): NodeJson[] {
  const out: NodeJson[] = [];
  for (const child of children) {
    const simple = child.type === 'text' && child.mode === 'normal';
    if (simple && child.text === '') continue;
    const previous = out[out.length - 1];
    if (simple && previous?.type === 'text' && previous.mode === 'normal' && previous.format === child.format && previous.style === child.style) {
      out[out.length - 1] = { ...previous, text: `${String(previous.text)}${String(child.text)}` };
    } else {
      out.push(child);
    }
  }
  return out;
}

/** Fields some nodes leave out of their JSON while they hold their default (Lexical's "serialized" getters). */
const OMITTED_WHEN_FALSY: Readonly<Record<string, readonly string[]>> = {
  table: ['frozenColumnCount', 'frozenRowCount', 'rowStriping'],
  tablecell: ['verticalAlign'],
};

function readChildren(parent: Y.XmlText, captions: CaptionLookup, depth: number, listItems = 0): NodeJson[] {
  if (depth > MAX_DEPTH) throw new Error('The story document is nested too deeply to read.');
  const children: NodeJson[] = [];
  let openText: { fields: Json; text: string } | null = null;
  const closeText = () => {
    if (openText) children.push(textJsonOf(openText.fields, openText.text));
    openText = null;
  };
  for (const { insert } of parent.toDelta() as Embed[]) {
    if (typeof insert === 'string') {
      // Text belongs to the text node embedded just before it; text with none before it is a
      // leftover of a concurrent removal, which the binding drops too.
      if (openText) openText.text += insert;
      continue;
    }
    closeText();
    if (insert instanceof Y.Map) {
      const fields = attributesOf(insert);
      if (typeof fields.__type !== 'string') continue;
      if (fields.__type === 'linebreak') children.push({ type: 'linebreak', version: 1 });
      else openText = { fields, text: '' };
    } else if (insert instanceof Y.XmlText) {
      const element = elementJsonOf(insert, captions, depth + 1, listItems);
      if (element) children.push(element);
    } else if (insert instanceof Y.XmlElement) {
      const decorator = decoratorJsonOf(insert, captions, depth);
      if (decorator) children.push(decorator);
    }
  }
  closeText();
  return normalizeText(children);
}

function elementJsonOf(type: Y.XmlText, captions: CaptionLookup, depth: number, listItems: number): NodeJson | null {
  const fields = attributesOf(type);
  if (typeof fields.__type !== 'string') return null;
  const isListItem = fields.__type === 'listitem';
  const children = readChildren(type, captions, depth, isListItem ? listItems + 1 : listItems);
  const firstText = children.find((child) => isTextJson(child));
  const textFormat = typeof fields.__textFormat === 'number' ? fields.__textFormat : 0;
  const textStyle = typeof fields.__textStyle === 'string' ? fields.__textStyle : '';
  const json: NodeJson = {
    ...plainJsonOf(fields, ELEMENT_SKIPPED),
    children,
    direction: fields.__dir === 'ltr' || fields.__dir === 'rtl' ? fields.__dir : null,
    format: keyOf(ELEMENT_FORMATS, fields.__format, ''),
    // A list item's indent is how deep its list is nested, whatever its field says.
    indent: isListItem ? listItems : typeof fields.__indent === 'number' ? fields.__indent : 0,
    type: fields.__type,
    version: 1,
  };
  for (const key of OMITTED_WHEN_FALSY[fields.__type] ?? []) if (!json[key]) delete json[key];
  if (fields.__type === 'paragraph') {
    // A paragraph always states the format of its text: its first text's, or the one it keeps
    // for the next typed text when it has none.
    json.textFormat = firstText ? firstText.format : textFormat;
    json.textStyle = firstText ? firstText.style : textStyle;
  } else if (!firstText) {
    // Other elements write these only when set and without text of their own.
    if (textFormat !== 0) json.textFormat = textFormat;
    if (textStyle !== '') json.textStyle = textStyle;
  }
  return json;
}

function decoratorJsonOf(type: Y.XmlElement, captions: CaptionLookup, depth: number): NodeJson | null {
  const fields = attributesOf(type);
  if (typeof fields.__type !== 'string') return null;
  const json: NodeJson = { ...plainJsonOf(fields, DECORATOR_SKIPPED), type: fields.__type, version: 1 };
  if (fields.__type === EMBED_TYPE) {
    delete json.embed;
    const embed = isObject(fields.__embed) ? fields.__embed : {};
    Object.assign(json, { url: embed.url ?? '', provider: embed.provider ?? '' });
  }
  if (fields.__type === PHOTO_TYPE) {
    // The caption is its shared text (see lexical-yjs.ts). A photo from before captions were shared
    // texts has it as the editor state's JSON text, and an older one in a subdocument.
    const captionDoc = fields.__caption instanceof Y.Doc ? captions(fields.__caption.guid) : undefined;
    const caption =
      sharedCaptionOf(type, fields, captions, depth) ?? captionFromJson(fields.__captionJson) ?? readDocument(captionDoc ?? new Y.Doc(), captions);
    Object.assign(json, { caption, captionText: captionTextOf(caption).slice(0, MAX_CAPTION_TEXT) });
  }
  return json;
}

/** A photo's caption from its shared text, or null when it has none (yet). */
function sharedCaptionOf(photo: Y.XmlElement, fields: Json, captions: CaptionLookup, depth: number): LexicalDocument | null {
  const captionId = fields[CAPTION_ID_FIELD];
  const doc = photo.doc;
  if (typeof captionId !== 'string' || captionId === '' || !doc || !doc.share.has(captionRootName(captionId))) return null;
  const root = doc.get(captionRootName(captionId), Y.XmlText);
  return root.length > 0 ? readRoot(root, captions, depth + 1) : null;
}

/** The caption a photo node mirrors as JSON text, or null when it holds none or something unreadable. */
export function captionFromJson(text: unknown): LexicalDocument | null {
  if (typeof text !== 'string' || text === '') return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) && isObject(parsed.root) && Array.isArray(parsed.root.children) ? (parsed as LexicalDocument) : null;
  } catch {
    return null;
  }
}

/** A caption's plain text as the editor derives it: its text, white space collapsed, trimmed. */
function captionTextOf(caption: LexicalDocument): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (!isNodeJson(node)) return;
    if (typeof node.text === 'string') parts.push(node.text);
    else if (node.type === 'linebreak') parts.push('\n');
    if (Array.isArray(node.children)) {
      node.children.forEach(walk);
      parts.push('\n');
    }
  };
  walk(caption.root);
  return parts.join('').replace(/\s+/gu, ' ').trim();
}

function readDocument(doc: Y.Doc, captions: CaptionLookup): LexicalDocument {
  return readRoot(doc.get(STORY_BODY_ROOT, Y.XmlText), captions, 0);
}

/** A root text (a body's or a caption's) as the editor state's JSON. */
function readRoot(root: Y.XmlText, captions: CaptionLookup, depth: number): LexicalDocument {
  const fields = attributesOf(root);
  const children = readChildren(root, captions, depth);
  // An editor never shows an empty root: it adds an empty paragraph, as the binding does.
  if (children.length === 0) {
    children.push({ children: [], direction: null, format: '', indent: 0, type: 'paragraph', version: 1 });
  }
  return {
    root: {
      children,
      direction: fields.__dir === 'ltr' || fields.__dir === 'rtl' ? fields.__dir : null,
      format: keyOf(ELEMENT_FORMATS, fields.__format, ''),
      indent: typeof fields.__indent === 'number' ? fields.__indent : 0,
      type: 'root',
      version: 1,
    },
  };
}

/**
 * The article body a story document holds, as the editor would export it after loading the
 * document through Lexical's binding. Captions are read from their own documents (`captions`);
 * one not at hand reads as an empty caption.
 */
export function readLexicalBody(doc: Y.Doc, captions: CaptionLookup): LexicalDocument {
  return readDocument(doc, captions);
}

/** A caption's shared text as the editor state's JSON (an empty one reads as one empty paragraph). */
export function readCaptionRoot(root: Y.XmlText): LexicalDocument {
  return readRoot(root, () => undefined, 1);
}

/** The guids of the caption documents a body refers to (its photos' subdocuments), to load before reading. */
export function captionGuidsOf(doc: Y.Doc): string[] {
  const guids: string[] = [];
  const walk = (parent: Y.XmlText, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    for (const { insert } of parent.toDelta() as Embed[]) {
      if (insert instanceof Y.XmlText) walk(insert, depth + 1);
      else if (insert instanceof Y.XmlElement) {
        const caption = insert.getAttribute('__caption') as unknown;
        if (caption instanceof Y.Doc) guids.push(caption.guid);
      }
    }
  };
  walk(doc.get(STORY_BODY_ROOT, Y.XmlText), 0);
  return guids;
}
