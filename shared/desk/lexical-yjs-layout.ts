
/**
 * What the reader and the writer of story bodies (lexical-yjs.ts, lexical-yjs-read.ts) share: the
 * JSON shapes and the coded fields of Lexical's Yjs binding.
 */

export type Json = Record<string, unknown>;
export type NodeJson = { type: string } & Json;

/** A caption's document, found (or created) by its subdocument's guid. */

export const ELEMENT_FORMATS: Record<string, number> = { '': 0, left: 1, center: 2, right: 3, justify: 4, start: 5, end: 6 };
export const TEXT_MODES: Record<string, number> = { normal: 0, token: 1, segmented: 2 };
export const keyOf = (table: Record<string, number>, value: unknown, fallback: string): string =>
  Object.keys(table).find((name) => table[name] === value) ?? fallback;

/** A photo's JSON keeps its caption's editor state and plain text; the document keeps a subdocument. */
export const PHOTO_TYPE = 'newsdesk-photo';
export const EMBED_TYPE = 'embed';
export const MAX_CAPTION_TEXT = 5000;

/**
 * A photo's caption is shared as a text of its own, merged letter by letter like the body: a
 * top-level Y.XmlText of the story document, named after the photo's caption id (the photo node's
 * `__captionId`), in the binding's root layout. Top-level, so two editors writing it first at the
 * same time write into one text instead of racing to create it.
 */
export const CAPTION_ID_FIELD = '__captionId';
export const captionRootName = (captionId: string): string => `caption:${captionId}`;
/** A photo caption's shared text, by its name among the story document's top-level types. */
export const isCaptionRootName = (name: string): boolean => name.startsWith(captionRootName(''));

/** A document from the desk is untrusted: nesting deeper than any article is refused, not recursed. */
export const MAX_DEPTH = 100;

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
export const isNodeJson = (value: unknown): value is NodeJson => isObject(value) && typeof value.type === 'string';
export const isElementJson = (node: NodeJson): boolean => Array.isArray(node.children);
export const isTextJson = (node: NodeJson): boolean => !isElementJson(node) && typeof node.text === 'string';
