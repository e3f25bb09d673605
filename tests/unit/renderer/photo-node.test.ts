import { createEditor, type LexicalEditor, type SerializedEditorState } from 'lexical';
import { describe, expect, it } from 'vitest';
import { ImageNodeJson } from '../../../shared/model/photo-use';
import { bodyPhotosOf } from '../../../shared/rules/prepublish';
import { ARTICLE_NODES } from '../../../renderer/src/editor/nodes';
import { $createPhotoNode, $isPhotoNode } from '../../../renderer/src/editor/nodes/PhotoNode';
import { captionJsonFromText, sanitizeCaptionJson } from '../../../renderer/src/editor/photos/caption';
import { $getRoot } from 'lexical';

// The inline photo node, headless: what it stores is exactly ImageNodeJson (the shape the shared
// pre-publish rules read), it loads back unchanged, and damaged or hostile stored captions are
// reduced to text instead of breaking the article.

const PHOTO_ID = 'a'.repeat(64);

function articleEditor(): LexicalEditor {
  return createEditor({ namespace: 'test', nodes: ARTICLE_NODES, onError: (error) => { throw error; } });
}

function bodyWith(photo: Record<string, unknown>): SerializedEditorState {
  const paragraph = { type: 'paragraph', version: 1, children: [], direction: null, format: '', indent: 0, textFormat: 0, textStyle: '' };
  return { root: { type: 'root', version: 1, children: [paragraph, photo], direction: null, format: '', indent: 0 } } as unknown as SerializedEditorState;
}

const BOLD_CAPTION = {
  root: {
    type: 'root',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    children: [
      {
        type: 'paragraph',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        // What Lexical writes for a paragraph that starts in bold.
        textFormat: 1,
        textStyle: '',
        children: [
          { type: 'text', version: 1, text: 'Protesters march', format: 1, detail: 0, mode: 'normal', style: '' },
          { type: 'text', version: 1, text: ' in Paris', format: 0, detail: 0, mode: 'normal', style: '' },
        ],
      },
    ],
  },
};

const STORED = {
  type: 'newsdesk-photo',
  version: 1,
  photoId: PHOTO_ID,
  altText: 'A crowd on a boulevard',
  credit: 'Gonzalo Fuentes/POOL/AFP via Getty Images',
  creditEdited: false,
  width: 'wide',
  caption: BOLD_CAPTION,
  captionText: 'Protesters march in Paris',
};

describe('PhotoNode', () => {
  it('serializes to ImageNodeJson and loads back unchanged', () => {
    const editor = articleEditor();
    editor.setEditorState(editor.parseEditorState(bodyWith(STORED)));
    const saved = editor.getEditorState().toJSON().root.children[1] as unknown;
    expect(ImageNodeJson.parse(saved)).toEqual(saved);
    expect(saved).toEqual(STORED);

    // Once more through a fresh editor: nothing drifts.
    const again = articleEditor();
    again.setEditorState(again.parseEditorState(editor.getEditorState().toJSON()));
    expect(again.getEditorState().toJSON()).toEqual(editor.getEditorState().toJSON());
  });

  it('makes a new use from plain text, which the shared rules read as a body photo', () => {
    const editor = articleEditor();
    editor.update(
      () => {
        const node = $createPhotoNode({ photoId: PHOTO_ID, caption: '  Two\nlines ', credit: '', creditEdited: false, altText: '' });
        $getRoot().append(node);
        node.setCredit('Jane Doe/AP', true).setAltText('Alt').setWidth('full');
      },
      { discrete: true },
    );
    const body = editor.getEditorState().toJSON() as never;
    expect(bodyPhotosOf(body)).toEqual([{ where: 'body', index: 1, photoId: PHOTO_ID, caption: 'Two lines', credit: 'Jane Doe/AP', altText: 'Alt' }]);
    const json = editor.getEditorState().read(() => $getRoot().getChildren().find($isPhotoNode)?.exportJSON());
    expect(json).toMatchObject({ width: 'full', creditEdited: true, captionText: 'Two lines' });
  });

  it('opens a damaged photo node with safe values instead of failing the article', () => {
    const editor = articleEditor();
    const damaged = { type: 'newsdesk-photo', version: 1, photoId: 42, width: 'giant', credit: 'x'.repeat(900), caption: 'not a state', captionText: 'Kept caption' };
    editor.setEditorState(editor.parseEditorState(bodyWith(damaged)));
    const saved = editor.getEditorState().toJSON().root.children[1] as unknown as ImageNodeJson;
    expect(saved).toMatchObject({ photoId: '', width: 'regular', altText: '', captionText: 'Kept caption', creditEdited: false });
    expect(saved.credit).toHaveLength(500);
  });
});

describe('stored captions', () => {
  it('keep only text, bold, italic and web links, in one paragraph', () => {
    const hostile = {
      root: {
        type: 'root',
        children: [
          { type: 'heading', tag: 'h1', children: [{ type: 'text', text: 'Big', format: 1 | 8 }] },
          { type: 'image', src: 'x', children: [] },
          { type: 'paragraph', children: [
            { type: 'text', text: 'see ', format: 2 | 16, style: 'color:red' },
            { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: 'evil' }] },
            { type: 'linebreak' },
            { type: 'link', url: 'https://example.com/', children: [{ type: 'text', text: 'site' }] },
          ] },
        ],
      },
    };
    const clean = sanitizeCaptionJson(hostile, 'fallback');
    const paragraph = (clean.root.children as unknown as { type: string; children: Record<string, unknown>[] }[])[0]!;
    expect(clean.root.children).toHaveLength(1);
    expect(paragraph.type).toBe('paragraph');
    expect(paragraph.children.map((child) => [child.type, child.text ?? child.url, child.format])).toEqual([
      ['text', 'Big', 1],
      ['text', ' ', 0],
      ['text', 'see ', 2],
      ['text', 'evil', 0],
      ['text', ' ', 0],
      ['link', 'https://example.com/', ''],
    ]);
    expect(JSON.stringify(clean)).not.toMatch(/javascript|color:red|heading|image/);
  });

  it('fall back to the plain text when the state is unreadable', () => {
    expect(sanitizeCaptionJson(null, ' A\ncaption ')).toEqual(captionJsonFromText('A caption'));
    expect(sanitizeCaptionJson({ root: { type: 'paragraph' } }, 'Text')).toEqual(captionJsonFromText('Text'));
  });
});
