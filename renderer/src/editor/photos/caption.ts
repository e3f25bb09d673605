import { $createLinkNode, $isLinkNode, LinkNode } from '@lexical/link';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isLineBreakNode,
  $isParagraphNode,
  $isTextNode,
  createEditor,
  LineBreakNode,
  RootNode,
  TextNode,
  type LexicalNode,
  IS_BOLD,
  IS_ITALIC,
  type EditorState,
  type LexicalEditor,
  type SerializedEditorState,
  type SerializedParagraphNode,
  type SerializedTextNode,
} from 'lexical';
import type { SerializedLinkNode } from '@lexical/link';
import type { ImageNodeJson } from '../../../../shared/model/photo-use';
import { editorTheme } from '../theme';
import { isAllowedUrl } from '../url';

/**
 * A photo caption is one paragraph of text with bold, italic and links, nothing else: it is printed
 * under the picture and followed by the credit, so headings, lists, quotes or images have no place
 * in it. Its editor only knows links (plus Lexical's built-in paragraph and text), and whatever is
 * loaded into it is first flattened to that shape here.
 */
export const CAPTION_NAMESPACE = 'newsdesk-caption';
export const CAPTION_FORMATS = IS_BOLD | IS_ITALIC;

/** Nesting deeper than this in a stored caption is not something the editor ever wrote. */
const MAX_DEPTH = 32;

type InlineJson = SerializedTextNode | SerializedLinkNode;

const isTextJson = (item: InlineJson | undefined): item is SerializedTextNode => item?.type === 'text';

function textJson(text: string, format = 0): SerializedTextNode {
  return { type: 'text', version: 1, text, format: format & CAPTION_FORMATS, detail: 0, mode: 'normal', style: '' };
}

function paragraphJson(children: InlineJson[]): SerializedParagraphNode {
  return { type: 'paragraph', version: 1, children, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '' };
}

function stateJson(children: InlineJson[]): SerializedEditorState {
  const root = { type: 'root', version: 1, children: [paragraphJson(children)], direction: null, format: '', indent: 0 };
  return { root } as SerializedEditorState;
}

/** Line breaks and runs of white space inside a caption read as one space. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/gu, ' ');
}

/** A caption editor state holding `text` as plain text. */
export function captionJsonFromText(text: string): SerializedEditorState {
  const clean = collapseSpaces(text).trim();
  return stateJson(clean ? [textJson(clean)] : []);
}

interface LooseNode {
  type?: unknown;
  text?: unknown;
  format?: unknown;
  url?: unknown;
  children?: unknown;
}

const isObject = (value: unknown): value is LooseNode => typeof value === 'object' && value !== null;
const childrenOf = (node: LooseNode): unknown[] => (Array.isArray(node.children) ? node.children : []);
const BLOCK_TYPES = new Set(['paragraph', 'heading', 'quote', 'pullquote', 'list', 'listitem', 'root']);

/** Appends the caption-safe inline content of `node` to `out` (text keeps bold and italic only). */
function collectInline(node: unknown, out: InlineJson[], depth: number, inLink: boolean): void {
  if (!isObject(node) || depth > MAX_DEPTH) return;
  const type = node.type;
  if ((type === 'text' || type === 'tab') && typeof node.text === 'string') {
    const format = typeof node.format === 'number' ? node.format : 0;
    const text = collapseSpaces(node.text);
    if (text) out.push(textJson(text, format));
    return;
  }
  if (type === 'linebreak') {
    out.push(textJson(' '));
    return;
  }
  if (type === 'link' && !inLink && typeof node.url === 'string' && isAllowedUrl(node.url)) {
    const inner: InlineJson[] = [];
    for (const child of childrenOf(node)) collectInline(child, inner, depth + 1, true);
    const texts = inner.filter(isTextJson);
    if (texts.length > 0) {
      out.push({ type: 'link', version: 1, url: node.url, rel: 'noopener noreferrer', target: null, title: null, children: texts, direction: null, format: '', indent: 0 } as SerializedLinkNode);
    }
    return;
  }
  // Blocks (a pasted heading, a stored list…) give up their text, separated by a space.
  const last = out[out.length - 1];
  const endsWithSpace = isTextJson(last) && /\s$/u.test(last.text);
  if (typeof type === 'string' && BLOCK_TYPES.has(type) && last && !endsWithSpace) out.push(textJson(' '));
  for (const child of childrenOf(node)) collectInline(child, out, depth + 1, inLink);
}

/**
 * A stored caption state reduced to what a caption may hold. Anything unreadable falls back to
 * the plain caption text kept next to it, so a damaged caption never stops an article loading.
 */
export function sanitizeCaptionJson(value: unknown, fallbackText: string): SerializedEditorState {
  const root = isObject(value) && 'root' in value ? (value as { root: unknown }).root : null;
  if (!isObject(root) || root.type !== 'root') return captionJsonFromText(fallbackText);
  const inline: InlineJson[] = [];
  for (const child of childrenOf(root)) collectInline(child, inline, 1, false);
  // Trim the white space that block boundaries left at either end.
  const first = inline[0];
  if (isTextJson(first)) first.text = first.text.trimStart();
  const last = inline[inline.length - 1];
  if (isTextJson(last)) last.text = last.text.trimEnd();
  const kept = inline.filter((item) => !isTextJson(item) || item.text !== '');
  return stateJson(kept);
}

export function captionTextOf(state: EditorState): string {
  return state.read(() => collapseSpaces($getRoot().getTextContent()).trim());
}

/** Nodes (pasted, or found in the caption) → caption content: text (bold and italic kept) and links, in one line. */
export function $inlineOnly(nodes: readonly LexicalNode[], out: LexicalNode[], inLink = false): LexicalNode[] {
  for (const node of nodes) {
    if ($isTextNode(node)) {
      const text = collapseSpaces(node.getTextContent());
      if (text) out.push($createTextNode(text).setFormat(node.getFormat() & CAPTION_FORMATS));
    } else if ($isLineBreakNode(node)) {
      out.push($createTextNode(' '));
    } else if ($isLinkNode(node) && !inLink && isAllowedUrl(node.getURL())) {
      const link = $createLinkNode(node.getURL(), { rel: 'noopener noreferrer' });
      const inner = $inlineOnly(node.getChildren(), [], true);
      if (inner.length > 0) out.push(link.append(...inner));
    } else if ($isElementNode(node)) {
      // A block boundary reads as a space, unless one is already there.
      const last = out[out.length - 1];
      if (!node.isInline() && last && !/\s$/u.test(last.getTextContent())) out.push($createTextNode(' '));
      $inlineOnly(node.getChildren(), out, inLink);
    }
    // Decorators (images, rules) and anything else are dropped.
  }
  return out;
}

/** Whatever got into the caption as blocks (a drag, a stored state) is merged into one paragraph. */
function $oneParagraph(root: RootNode): void {
  const children = root.getChildren();
  if (children.length === 1 && $isParagraphNode(children[0])) return;
  const paragraph = $createParagraphNode();
  paragraph.append(...$inlineOnly(children, []));
  for (const child of children) child.remove();
  root.append(paragraph);
}

/**
 * The caption's rules as node transforms, registered when its editor is made (before it holds
 * anything, so registering changes nothing and leaves no undo step): one paragraph, text without
 * styles or formats other than bold and italic, no line breaks. They hold however content arrives.
 */
function registerCaptionRules(editor: LexicalEditor): void {
  editor.registerNodeTransform(RootNode, $oneParagraph);
  editor.registerNodeTransform(TextNode, (node) => {
    if (node.getStyle() !== '') node.setStyle('');
    const format = node.getFormat() & CAPTION_FORMATS;
    if (format !== node.getFormat()) node.setFormat(format);
  });
  editor.registerNodeTransform(LineBreakNode, (node) => {
    node.replace($createTextNode(' '));
  });
}

function reportCaptionError(error: Error): void {
  console.error('Caption error', error);
}

/** The nested editor of one photo's caption, loaded with a stored state or plain text. */
export function createCaptionEditor(initial: { json?: unknown; text: string }): LexicalEditor {
  const editor = createEditor({
    namespace: CAPTION_NAMESPACE,
    nodes: [LinkNode],
    theme: editorTheme,
    onError: reportCaptionError,
  });
  registerCaptionRules(editor);
  const json = initial.json === undefined ? captionJsonFromText(initial.text) : sanitizeCaptionJson(initial.json, initial.text);
  try {
    editor.setEditorState(editor.parseEditorState(json));
  } catch {
    editor.setEditorState(editor.parseEditorState(captionJsonFromText(initial.text)));
  }
  return editor;
}

/** The serialized caption, in the shape the article stores. */
export function captionJsonOf(editor: LexicalEditor): ImageNodeJson['caption'] {
  // Lexical's serialized state is that shape (the schema checks only its root).
  return editor.getEditorState().toJSON() as unknown as ImageNodeJson['caption'];
}
