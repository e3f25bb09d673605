import { $createLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createHorizontalRuleNode } from '@lexical/react/LexicalHorizontalRuleNode';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot, createEditor, type LexicalEditor } from 'lexical';
import type { LexicalDocument } from '../../../shared/model/article';
import { ARTICLE_NODES } from '../../../renderer/src/editor/nodes';
import { $createPhotoNode } from '../../../renderer/src/editor/nodes/PhotoNode';
import { $createPullQuoteNode } from '../../../renderer/src/editor/nodes/PullQuoteNode';
import { photoId } from '../shared/photo-fixtures';

/**
 * Article bodies written by a real (headless) Lexical editor with the app's own nodes, so the HTML
 * export and the CMS round trip are tested on exactly the JSON the editor stores.
 */

export const RIVER_PHOTO = photoId('2');
export const DAWN_PHOTO = photoId('3');

export function articleEditor(): LexicalEditor {
  return createEditor({ namespace: 'publishing-test', nodes: ARTICLE_NODES, onError: (error) => { throw error; } });
}

/** A body through a fresh editor and back: what the editor would store for it. */
export function throughEditor(body: LexicalDocument): LexicalDocument {
  const editor = articleEditor();
  editor.setEditorState(editor.parseEditorState(JSON.stringify(body)));
  return editor.getEditorState().toJSON() as unknown as LexicalDocument;
}

const text = (value: string, format = 0) => $createTextNode(value).setFormat(format);

/** Every kind of block and inline format the editor offers, two inline photos among them. */
export function richEditorBody(): LexicalDocument {
  const editor = articleEditor();
  editor.update(
    () => {
      const intro = $createParagraphNode().append(
        text('Water rose '),
        text('overnight', 1),
        text(' in '),
        text('three', 2),
        text(' towns; '),
        text('under', 8),
        text(' '),
        text('struck', 4),
        text(' '),
        text('code()', 16),
        text(' H'),
        text('2', 32),
        text('O and m'),
        text('2', 64),
        text(' — '),
        text('both', 3),
        $createLineBreakNode(),
        text('Second line with '),
        $createLinkNode('https://example.com/report?a=1&b=2', { rel: 'noreferrer' }).append(text('the report')),
        text(' and '),
        $createLinkNode('mailto:desk@example.com', { rel: 'noreferrer' }).append(text('the desk', 1)),
        text('.'),
      );
      const heading = $createHeadingNode('h2').append(text('What happened'));
      const quote = $createQuoteNode().append(text('We lost everything,'), $createLineBreakNode(), text('said a farmer.'));
      const river = $createPhotoNode({
        photoId: RIVER_PHOTO,
        caption: 'The river at dawn',
        credit: 'Yves Herman/REUTERS',
        creditEdited: false,
        altText: 'A swollen river under a "grey" sky',
        width: 'wide',
      });
      const subheading = $createHeadingNode('h3').append(text('The response'));
      const pull = $createPullQuoteNode().append(text('Nobody expected this much rain.'));
      const nested = $createListNode('number').append(
        $createListItemNode().append(text('Boats')),
        $createListItemNode().append(text('Pumps', 2)),
      );
      const list = $createListNode('bullet').append(
        $createListItemNode().append(text('Rescuers arrived')),
        $createListItemNode().append(nested),
        $createListItemNode().append(text('Shelters opened in '), $createLinkNode('https://example.org/', { rel: 'noreferrer' }).append(text('schools'))),
      );
      const dawn = $createPhotoNode({ photoId: DAWN_PHOTO, caption: '', credit: 'Ann Lee', creditEdited: true, altText: 'Sandbags', width: 'regular' });
      const outro = $createParagraphNode().append(text('More rain is due.'));
      $getRoot().clear().append(intro, heading, quote, river, subheading, pull, list, $createHorizontalRuleNode(), dawn, outro);
    },
    { discrete: true },
  );
  return editor.getEditorState().toJSON() as unknown as LexicalDocument;
}
