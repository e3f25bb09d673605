import { createBinding, syncLexicalUpdateToYjs, syncYjsChangesToLexical, type Binding, type Provider } from '@lexical/yjs';
import { $getRoot, $isElementNode, createEditor, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readLexicalBody, writeLexicalBody } from '../../../shared/desk/lexical-yjs';
import { EMPTY_BODY, type LexicalDocument } from '../../../shared/model/article';
import { ARTICLE_NODES } from '../../../renderer/src/editor/nodes';
import { PhotoNode } from '../../../renderer/src/editor/nodes/PhotoNode';
import { richEditorBody, throughEditor } from '../publishing/editor-body-fixtures';
import { extraBlocksBody } from './lexical-yjs-fixtures';

// Main converts article bodies to and from story documents without an editor. Both directions are
// held against Lexical's own binding (@lexical/yjs) driving a headless editor with the app's nodes:
// what the binding writes reads back as the editor's JSON, and what main writes loads in the binding
// as the same editor state. Photo captions are nested editors the editor keeps out of the shared
// document; the photo node mirrors each caption as JSON text, which is what travels.

function silentProvider(): Provider {
  const awareness = { getLocalState: () => null, getStates: () => new Map(), off() {}, on() {}, setLocalState() {}, setLocalStateField() {} };
  return { awareness, connect() {}, disconnect() {}, on() {}, off() {} } as unknown as Provider;
}

const editorJson = (editor: LexicalEditor): LexicalDocument => JSON.parse(JSON.stringify(editor.getEditorState().toJSON())) as LexicalDocument;
const plain = (body: LexicalDocument): LexicalDocument => JSON.parse(JSON.stringify(body)) as LexicalDocument;

/** An editor bound to `doc` both ways, the way CollaborationPlugin binds it. */
function bind(editor: LexicalEditor, doc: Y.Doc, docMap: Map<string, Y.Doc>): Binding {
  const provider = silentProvider();
  docMap.set(doc.guid, doc);
  // As ArticleEditor binds it: the caption editor itself is not shared, its JSON mirror is.
  const binding = createBinding(editor, provider, doc.guid, doc, docMap, new Map([[PhotoNode, new Set(['__caption'])]]));
  binding.root.getSharedType().observeDeep((events, transaction) => {
    if (transaction.origin !== binding) syncYjsChangesToLexical(binding, provider, events as never, false);
  });
  editor.registerUpdateListener(({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
    syncLexicalUpdateToYjs(binding, provider, prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags);
  });
  return binding;
}

const appEditor = () => createEditor({ namespace: 'story', nodes: ARTICLE_NODES, onError: (error) => { throw error; } });

/** The binding writes `body`, as a window does (captions go as the photo nodes' JSON mirrors). */
function writtenByBinding(body: LexicalDocument): { doc: Y.Doc; captions: Map<string, Y.Doc> } {
  const doc = new Y.Doc();
  const docMap = new Map<string, Y.Doc>();
  const editor = appEditor();
  bind(editor, doc, docMap);
  editor.setEditorState(editor.parseEditorState(JSON.stringify(body)));
  editor.update(() => {}, { discrete: true });
  return { doc, captions: new Map() };
}

/**
 * A fresh window loads the document through the binding; each photo's caption editor then takes its
 * node's JSON mirror, as useSharedCaption does in the window.
 */
function loadedByBinding(doc: Y.Doc, _captions: Map<string, Y.Doc>): { editor: LexicalEditor; local: Y.Doc } {
  const docMap = new Map<string, Y.Doc>();
  const editor = appEditor();
  const local = new Y.Doc();
  bind(editor, local, docMap);
  Y.applyUpdate(local, Y.encodeStateAsUpdate(doc));
  // The binding's updates commit on a microtask; a discrete update commits them now.
  editor.update(() => {}, { discrete: true });
  const mirrors = editor.getEditorState().read(() => photoNodes().map((photo) => ({ caption: photo.getCaptionEditor(), json: photo.__captionJson })));
  for (const { caption, json } of mirrors) {
    if (json !== '') caption.setEditorState(caption.parseEditorState(json));
  }
  return { editor, local };
}

function photoNodes(): PhotoNode[] {
  return $getRoot().getChildren().filter((node): node is PhotoNode => node instanceof PhotoNode);
}

function captionsOf(captions: Map<string, Y.Doc>) {
  return (guid: string) => captions.get(guid);
}

const bodies: Array<[string, () => LexicalDocument]> = [
  ['every block and inline format', richEditorBody],
  ['embeds, tables, alignment, indents and empty paragraphs', extraBlocksBody],
  ['an empty story', () => EMPTY_BODY],
];

describe('Lexical JSON ↔ story document', () => {
  it.each(bodies)('reads what the binding wrote as the editor exports it: %s', (_name, make) => {
    const body = throughEditor(make());
    const { doc, captions } = writtenByBinding(body);
    expect(plain(readLexicalBody(doc, captionsOf(captions)))).toEqual(plain(body));
  });

  it.each(bodies)('writes a body the binding loads as the same editor state: %s', (_name, make) => {
    const body = throughEditor(make());
    const doc = new Y.Doc();
    const captions = new Map<string, Y.Doc>();
    writeLexicalBody(doc, body);
    expect(editorJson(loadedByBinding(doc, captions).editor)).toEqual(plain(body));
    // And main reads its own writing back unchanged.
    expect(plain(readLexicalBody(doc, captionsOf(captions)))).toEqual(plain(body));
  });

  it('follows the edits a window makes afterwards, as the editor shows them', () => {
    const body = throughEditor(richEditorBody());
    const doc = new Y.Doc();
    const captions = new Map<string, Y.Doc>();
    writeLexicalBody(doc, body);
    const { editor, local } = loadedByBinding(doc, captions);
    local.on('update', (update: Uint8Array) => Y.applyUpdate(doc, update));
    editor.update(() => {
      const first = $getRoot().getFirstChildOrThrow();
      if (!$isElementNode(first)) throw new Error('the story starts with a paragraph');
      first.selectStart().insertText('Breaking: ');
      $getRoot().getLastChildOrThrow().remove();
      $getRoot().getChildAtIndex(2)?.remove();
    }, { discrete: true });
    expect(plain(readLexicalBody(doc, captionsOf(captions)))).toEqual(editorJson(editor));
    expect(JSON.stringify(editorJson(editor))).toContain('Breaking: Water rose');
  });

  it('refuses to write into a body someone already wrote, so no text is doubled', () => {
    const doc = new Y.Doc();
    writeLexicalBody(doc, richEditorBody());
    expect(() => writeLexicalBody(doc, richEditorBody())).toThrow(/already holds a body/);
  });

  it('carries each caption as a shared text of its own, read before the JSON the photo was written with', () => {
    const body = throughEditor(richEditorBody());
    const doc = new Y.Doc();
    writeLexicalBody(doc, body);
    const photoElements = (doc.get('root', Y.XmlText).toDelta() as { insert: unknown }[])
      .map(({ insert }) => insert)
      .filter((insert): insert is Y.XmlElement => insert instanceof Y.XmlElement && insert.getAttribute('__type') === 'newsdesk-photo');
    const captionIds = photoElements.map((photo) => photo.getAttribute('__captionId') as unknown);
    expect(new Set(captionIds).size).toBe(2);
    // An editor adds to the first caption's text; the JSON the photo was written with stays as it was.
    const paragraph = doc.get(`caption:${String(captionIds[0])}`, Y.XmlText).toDelta() as { insert: unknown }[];
    const text = paragraph[0]!.insert as Y.XmlText;
    text.insert(text.length, ', flooding the square');
    const photos = readLexicalBody(doc, () => undefined).root.children.filter((node) => node.type === 'newsdesk-photo');
    expect(photos[0]!.captionText).toBe('The river at dawn, flooding the square');
  });

  it('carries captions inside the story document, and reads an unreadable caption as empty, never failing', () => {
    const body = throughEditor(richEditorBody());
    const doc = new Y.Doc();
    writeLexicalBody(doc, body);
    // No caption documents are needed: the photo nodes hold their captions.
    expect(plain(readLexicalBody(doc, () => undefined))).toEqual(plain(body));
    const photoElements = (doc.get('root', Y.XmlText).toDelta() as { insert: unknown }[])
      .map(({ insert }) => insert)
      .filter((insert): insert is Y.XmlElement => insert instanceof Y.XmlElement && insert.getAttribute('__type') === 'newsdesk-photo');
    expect(photoElements).toHaveLength(2);
    // Photos from before captions were shared texts: only the JSON mirror, unreadable here.
    doc.transact(() =>
      photoElements.forEach((photo) => {
        photo.removeAttribute('__captionId');
        photo.setAttribute('__captionJson', '{"root": no');
      }),
    );
    const read = readLexicalBody(doc, () => undefined);
    const photos = read.root.children.filter((node) => node.type === 'newsdesk-photo');
    expect(photos.map((photo) => photo.captionText)).toEqual(['', '']);
  });

  it('refuses a hostile document nested deeper than any article instead of overflowing the stack', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      let parent = doc.get('root', Y.XmlText);
      for (let depth = 0; depth < 500; depth += 1) {
        const child = new Y.XmlText();
        child.setAttribute('__type', 'quote');
        parent.insertEmbed(0, child);
        parent = child;
      }
    });
    expect(() => readLexicalBody(doc, () => undefined)).toThrow(/nested too deeply/);
  });
});
