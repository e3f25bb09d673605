import { $getNodeByKey, HISTORY_MERGE_TAG, type LexicalEditor, type NodeKey } from 'lexical';
import { useEffect } from 'react';

/** Caption changes that came from the shared document: not written back to it. */
export const FROM_SHARED = 'caption-from-shared';

/** The caption as the node mirrors it; '' before the node was given one. */
export function captionJsonText(caption: LexicalEditor): string {
  return JSON.stringify(caption.getEditorState().toJSON());
}

interface CaptionHolder {
  __captionJson: string;
  setCaptionJson(json: string): void;
}

const holdsCaption = (node: unknown): node is CaptionHolder => typeof (node as Partial<CaptionHolder> | null)?.setCaptionJson === 'function';

/**
 * A caption is a nested editor, which the story's shared document does not carry; the photo node
 * mirrors its content as a plain property (`__captionJson`), which it does. Each caption edit is
 * written to that property (so other windows, undo in the body, and a photo brought back by undo
 * have it), and a property changed from the shared document is loaded into the caption editor.
 * A whole caption is one value: concurrent edits of one caption keep the last writer's.
 */
export function useSharedCaption(editor: LexicalEditor, nodeKey: NodeKey, caption: LexicalEditor, captionJson: string, editable: boolean): void {
  useEffect(() => {
    if (!editable) return;
    return caption.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      // From the shared document, or the normalisation of what was loaded: not an edit.
      if (tags.has(FROM_SHARED) || tags.has(HISTORY_MERGE_TAG)) return;
      const json = captionJsonText(caption);
      const current = editor.getEditorState().read(() => $getNodeByKey(nodeKey));
      if (!holdsCaption(current) || current.__captionJson === json) return;
      editor.update(() => {
        const node = $getNodeByKey(nodeKey);
        if (holdsCaption(node)) node.setCaptionJson(json);
      });
    });
  }, [editor, nodeKey, caption, editable]);

  useEffect(() => {
    if (captionJson === '' || captionJson === captionJsonText(caption)) return;
    try {
      caption.setEditorState(caption.parseEditorState(captionJson), { tag: FROM_SHARED });
    } catch (error) {
      console.warn('Ignored a shared caption that could not be read', error);
    }
  }, [caption, captionJson]);
}
