import { $getNodeByKey, HISTORY_MERGE_TAG, type LexicalEditor, type NodeKey } from 'lexical';
import { useEffect } from 'react';
import type * as Y from 'yjs';
import { bindCaption } from './caption-binding';

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

interface SharedCaption {
  editor: LexicalEditor;
  nodeKey: NodeKey;
  caption: LexicalEditor;
  captionJson: string;
  captionId: string;
  editable: boolean;
  /** The story's shared document; null where nothing is shared (previews, revisions). */
  storyDoc: Y.Doc | null;
}

/**
 * Shares a photo's caption with the other editors of the story. A photo with a caption id has a
 * shared text in the story document, which its caption editor is bound to (caption-binding.ts):
 * concurrent edits merge letter by letter. True for those.
 *
 * A photo from before captions were shared texts (no caption id) shares it as before: the node
 * mirrors the caption as a plain property (`__captionJson`); each caption edit is written to it
 * and a property changed from the shared document is loaded into the caption editor. That whole
 * caption is one value: concurrent edits of it keep the last writer's.
 */
export function useSharedCaption({ editor, nodeKey, caption, captionJson, captionId, editable, storyDoc }: SharedCaption): boolean {
  const shared = storyDoc !== null && captionId !== '';
  useEffect(() => {
    if (!shared) return;
    const binding = bindCaption(caption, storyDoc, captionId);
    return () => binding.dispose();
  }, [shared, storyDoc, caption, captionId]);

  useEffect(() => {
    if (!editable || shared) return;
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
  }, [editor, nodeKey, caption, editable, shared]);

  useEffect(() => {
    if (shared || captionJson === '' || captionJson === captionJsonText(caption)) return;
    try {
      caption.setEditorState(caption.parseEditorState(captionJson), { tag: FROM_SHARED });
    } catch (error) {
      console.warn('Ignored a shared caption that could not be read', error);
    }
  }, [caption, captionJson, shared]);
  return shared;
}
