import { createEmptyHistoryState } from '@lexical/history';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext';
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { HorizontalRulePlugin } from '@lexical/react/LexicalHorizontalRulePlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import type { ExcludedProperties } from '@lexical/yjs';
import type { LexicalEditor } from 'lexical';
import { memo, useMemo, useRef, useState, type ReactNode } from 'react';
import type { LexicalDocument } from '../../../shared/model/article';
import { CollabReadyPlugin, PresenceNamePlugin } from './collab/CollabReadyPlugin';
import { SharedUndoPlugin } from './collab/SharedUndoPlugin';
import type { StoryLink } from './collab/story-link';
import { PhotoEditingContext, type PhotoEditing } from './photos/photo-editing';
import { PhotoPickerContext, type PhotoPicker } from './photos/photo-picker';
import { ARTICLE_TRANSFORMERS } from './markdown';
import { ARTICLE_NODES } from './nodes';
import { PhotoNode } from './nodes/PhotoNode';
import { ChangePlugin, type BodyStats } from './plugins/ChangePlugin';
import { DocumentRulesPlugin } from './plugins/DocumentRulesPlugin';
import { EmbedInsertPlugin } from './plugins/EmbedInsertPlugin';
import { EmbedPlugin } from './plugins/EmbedPlugin';
import { FindReplacePlugin } from './plugins/FindReplacePlugin';
import { LinkEditorPlugin } from './plugins/LinkEditorPlugin';
import { PastedImagesNotice } from './plugins/PastedImagesNotice';
import { PastePlugin } from './plugins/PastePlugin';
import { PhotoPlugin } from './plugins/PhotoPlugin';
import { ShortcutsPlugin } from './plugins/ShortcutsPlugin';
import { TableToolsPlugin } from './plugins/TableToolsPlugin';
import { ToolbarPlugin } from './plugins/ToolbarPlugin';
import { editorTheme } from './theme';
import { isAllowedUrl } from './url';

export interface ArticleEditorProps {
  /**
   * The article file's body. Written into main's shared document only by the editor main tells to
   * (the first to open the story); every other editor shows the document as it is. Read once:
   * remount (change the React key) to load another.
   */
  initialBody: LexicalDocument;
  /** The story's shared document in main, which this editor is a view of. */
  link: StoryLink;
  /** Called with the editor once it exists (for saving its body from outside the composer). */
  onEditor: (editor: LexicalEditor) => void;
  onChange: () => void;
  onStats: (stats: BodyStats) => void;
  /** Rendered under the text, inside the composer (the status bar). */
  footer?: ReactNode;
  /**
   * Shown instead of the toolbar and the text while set (the reader preview). The editor stays
   * mounted underneath, so its undo history, selection and unsaved edits are all still there after.
   */
  preview?: ReactNode;
  /** The dialog the toolbar's "Insert photo" opens (the photo desk's library picker). */
  photoPicker: PhotoPicker;
  /** Beside the text, inside the composer (the comments panel). Keep it the same element between renders. */
  aside?: ReactNode;
}

/**
 * A photo's caption is a nested editor: the body's binding would share it as a sub-document, which
 * main's story documents do not carry; each caption editor is bound to a shared text of its own
 * instead (photos/caption-binding.ts), named by the photo's `__captionId`.
 */
const CAPTIONS_NOT_SHARED: ExcludedProperties = new Map([[PhotoNode, new Set(['__caption'])]]);

function reportError(error: Error): void {
  // A broken node must not take the whole desk down; the error boundary shows what happened.
  console.error('Editor error', error);
}

/**
 * The body editor: Lexical rich text with the article's nodes, toolbar and plugins. Memoized: the
 * desk around it re-renders after every autosave (the draft list's order changes), and going
 * through the composer's plugins and toolbar then would land between keystrokes for nothing.
 */
export const ArticleEditor = memo(function ArticleEditor({ initialBody, link, onEditor, onChange, onStats, footer, preview, photoPicker, aside }: ArticleEditorProps) {
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const cursorsRef = useRef<HTMLDivElement>(null);
  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: 'newsdesk-article',
      nodes: ARTICLE_NODES,
      theme: editorTheme,
      onError: reportError,
      // The body comes from the shared document (CollaborationPlugin); nothing is typed before it arrived.
      editorState: null,
      editable: false,
    }),
    // Read once by design (see initialBody).
    [],
  );
  const initialEditorState = useMemo(() => JSON.stringify(initialBody), [initialBody]);
  // The name as the story opened, for good: CollaborationPlugin reconnects its provider whenever its
  // `username` changes, and the name does change once the desk's answer arrives (signed in, the
  // person's name replaces "window 1"), right as a new article's headline is typed. The later name
  // reaches the presence through PresenceNamePlugin and the story link, without a reconnect.
  const username = useMemo(() => link.name, [link]);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  // Captions keep a history of their own: the body's undo is the shared document's (it undoes this
  // editor's changes only, never another window's). A caption with a shared text undoes with that
  // text's (caption-binding.ts); the history state serves the photos from before those.
  const storyDoc = link.provider.doc;
  const photoEditing = useMemo<PhotoEditing>(
    () => ({ historyState: createEmptyHistoryState(), onCaptionChange: () => onChangeRef.current(), storyDoc }),
    [storyDoc],
  );

  return (
    <LexicalCollaboration>
    <LexicalComposer initialConfig={initialConfig}>
      <PhotoEditingContext.Provider value={photoEditing}>
        <div className="nd-editor-frame" hidden={preview !== undefined}>
          <PhotoPickerContext.Provider value={photoPicker}>
            <ToolbarPlugin />
          </PhotoPickerContext.Provider>
          <FindReplacePlugin scope={scroller} />
          <TableToolsPlugin />
          <PastedImagesNotice />
        </div>
        {preview}
        <div className="nd-editor-body" hidden={preview !== undefined}>
          <div className="nd-editor-slot">
            <div className="nd-editor-scroll" ref={setScroller}>
              <div className="nd-editor-page">
                <RichTextPlugin
                  contentEditable={
                    <ContentEditable
                      className="nd-editor"
                      aria-label="Article body"
                      aria-multiline
                      data-testid="article-body"
                      spellCheck
                      aria-placeholder="Write the story…"
                      placeholder={<div className="nd-editor-placeholder">Write the story…</div>}
                    />
                  }
                  ErrorBoundary={LexicalErrorBoundary}
                />
                {/* Where the other editors' cursors and selections are drawn, positioned against the page. */}
                <div className="nd-editor-cursors" ref={cursorsRef} data-testid="remote-cursors" />
              </div>
              <LinkEditorPlugin anchorElem={scroller} />
              <EmbedInsertPlugin />
            </div>
          </div>
          {aside}
        </div>
        {footer}
        {/* Before CollaborationPlugin: it sorts each change into an undo step before the change reaches Yjs. */}
        <SharedUndoPlugin doc={link.provider.doc} />
        <CollaborationPlugin
          id={link.provider.address.id}
          providerFactory={link.providerFactory}
          // The provider reports sync to a non-bootstrapping editor only once the body arrived, so
          // this seeds the document exactly when main told this editor to.
          shouldBootstrap
          initialEditorState={initialEditorState}
          username={username}
          cursorColor={link.color}
          cursorsContainerRef={cursorsRef}
          excludedProperties={CAPTIONS_NOT_SHARED}
        />
        <CollabReadyPlugin provider={link.provider} />
        <PresenceNamePlugin link={link} />
        <ListPlugin />
        <LinkPlugin validateUrl={isAllowedUrl} />
        <HorizontalRulePlugin />
        {/* A story's tables are plain grids: no merged cells or cell colours, which CMSs and feeds lose. */}
        <TablePlugin hasCellMerge={false} hasCellBackgroundColor={false} />
        <MarkdownShortcutPlugin transformers={ARTICLE_TRANSFORMERS} />
        <DocumentRulesPlugin />
        <PastePlugin />
        <EmbedPlugin />
        <PhotoPlugin />
        <ShortcutsPlugin />
        <ChangePlugin onChange={onChange} onStats={onStats} />
        <EditorRefPlugin editorRef={onEditor} />
      </PhotoEditingContext.Provider>
    </LexicalComposer>
    </LexicalCollaboration>
  );
});
