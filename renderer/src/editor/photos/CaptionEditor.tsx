import { $generateNodesFromDOM } from '@lexical/html';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { LexicalNestedComposer } from '@lexical/react/LexicalNestedComposer';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { DRAG_DROP_PASTE } from '@lexical/rich-text';
import { mergeRegister } from '@lexical/utils';
import {
  $addUpdateTag,
  $createTextNode,
  $getSelection,
  $isRangeSelection,
  COLLABORATION_TAG,
  COMMAND_PRIORITY_CRITICAL,
  DRAGOVER_COMMAND,
  DROP_COMMAND,
  HISTORY_MERGE_TAG,
  INSERT_LINE_BREAK_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  KEY_ENTER_COMMAND,
  PASTE_COMMAND,
  PASTE_TAG,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { useEffect, useRef } from 'react';
import { sanitizePastedHtml } from '../paste/sanitize';
import { isAllowedUrl } from '../url';
import { carriesFiles } from '../../api/import-files';
import { $inlineOnly, collapseSpaces } from './caption';
import { FROM_SHARED } from './useSharedCaption';
import { usePhotoEditing } from './photo-editing';

function $pastedCaptionNodes(editor: LexicalEditor, data: DataTransfer): LexicalNode[] {
  const html = data.getData('text/html');
  if (html) {
    const dom = new DOMParser().parseFromString(sanitizePastedHtml(html), 'text/html');
    return $inlineOnly($generateNodesFromDOM(editor, dom), []);
  }
  const text = collapseSpaces(data.getData('text/plain'));
  return text ? [$createTextNode(text)] : [];
}

/**
 * Keeps a caption a caption as it is edited: Enter does not break it, pastes keep only text with
 * bold, italic and links (even a hostile page's HTML, which is sanitized first), and dropped files
 * go to the article. (The node transforms that hold the same rules for any content live with the
 * caption editor itself, see caption.ts.) Reports every content change so the article is saved.
 */
function CaptionRulesPlugin({ onChange, onDropFiles }: { onChange: () => void; onDropFiles: (event: DragEvent) => void }): null {
  const [editor] = useLexicalComposerContext();
  const callbacks = useRef({ onChange, onDropFiles });
  callbacks.current = { onChange, onDropFiles };

  useEffect(() => {
    let edited = false;
    const swallow = (event: Event | null) => {
      event?.preventDefault();
      return true;
    };
    return mergeRegister(
      editor.registerCommand(KEY_ENTER_COMMAND, swallow, COMMAND_PRIORITY_CRITICAL),
      editor.registerCommand(INSERT_PARAGRAPH_COMMAND, () => true, COMMAND_PRIORITY_CRITICAL),
      editor.registerCommand(INSERT_LINE_BREAK_COMMAND, () => true, COMMAND_PRIORITY_CRITICAL),
      editor.registerCommand(DRAG_DROP_PASTE, () => true, COMMAND_PRIORITY_CRITICAL),
      // Pictures dropped on a caption go to the article, which places them after this photo.
      editor.registerCommand(DRAGOVER_COMMAND, (event) => (carriesFiles(event.dataTransfer) ? swallow(event) : false), COMMAND_PRIORITY_CRITICAL),
      editor.registerCommand(
        DROP_COMMAND,
        (event) => {
          if (!carriesFiles(event.dataTransfer)) return false;
          callbacks.current.onDropFiles(event);
          return swallow(event);
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = 'clipboardData' in event ? event.clipboardData : null;
          event.preventDefault();
          if (!data) return true;
          const selection = $getSelection();
          if (!$isRangeSelection(selection)) return true;
          $addUpdateTag(PASTE_TAG);
          const nodes = $pastedCaptionNodes(editor, data);
          if (nodes.length > 0) selection.insertNodes(nodes);
          return true;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return; // selection only
        if (!editor.isEditable()) return; // a preview's captions are never edited
        // Normalisation of what was loaded (a history-merge update) is not an edit: no save for it.
        if (!edited && tags.has(HISTORY_MERGE_TAG)) return;
        // Nor is a caption arriving from the shared document (the window that typed it saves it).
        if (tags.has(FROM_SHARED) || tags.has(COLLABORATION_TAG)) return;
        edited = true;
        callbacks.current.onChange();
      }),
    );
  }, [editor]);
  return null;
}

/**
 * A photo's caption: the node's own nested editor, with its rules. In a read-only body (preview,
 * revisions) it follows the article editor and is not editable.
 */
interface CaptionEditorProps {
  editor: LexicalEditor;
  label: string;
  placeholder: string;
  /** Bound to its shared text (caption-binding.ts), which brings its own undo. */
  shared?: boolean;
  /** Files dropped on the caption (handed to the article editor). */
  onDropFiles?: (event: DragEvent) => void;
}

export function CaptionEditor({ editor, label, placeholder, shared = false, onDropFiles = () => {} }: CaptionEditorProps) {
  const { historyState, onCaptionChange } = usePhotoEditing();
  return (
    // Captions are not sub-documents of the story (ArticleEditor's CAPTIONS_NOT_SHARED): the nested
    // editor must not wait for one that will never come. A shared caption is bound by its photo.
    <LexicalNestedComposer initialEditor={editor} skipCollabChecks>
      <RichTextPlugin
        contentEditable={
          <ContentEditable
            className="nd-caption"
            spellCheck
            aria-label={label}
            aria-placeholder={placeholder}
            placeholder={<span className="nd-caption__placeholder">{placeholder}</span>}
            data-testid="photo-caption"
          />
        }
        ErrorBoundary={LexicalErrorBoundary}
      />
      {!shared && <HistoryPlugin externalHistoryState={historyState ?? undefined} />}
      <LinkPlugin validateUrl={isAllowedUrl} />
      <CaptionRulesPlugin onChange={onCaptionChange} onDropFiles={onDropFiles} />
    </LexicalNestedComposer>
  );
}
