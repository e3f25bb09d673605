import { CONTROL_OR_META, isExactShortcutMatch, type LexicalEditor } from 'lexical';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { STATUS_LABELS, type LexicalDocument } from '../../../../shared/model/article';
import type { CheckIssueView } from '../../../../shared/model/publish-check';
import type { CheckIssue } from '../../../../shared/rules/prepublish';
import { ArticleEditor } from '../../editor/ArticleEditor';
import { PresenceBar } from '../../editor/collab/PresenceBar';
import { bodyOf, type BodyStats } from '../../editor/plugins/ChangePlugin';
import { useAppCommand } from '../../ui/app-commands';
import { Icon } from '../../ui/components/Icon';
import { ALT, MOD } from '../../ui/shortcuts';
import { ArticlePreview } from '../preview';
import { PrepublishPanel, reportSummary, usePrepublishReport } from '../article-photos';
import { PublishActions, baseCode, revealArticleField, useOpenArticleForOutbox } from '../publishing';
import { PublishTimeSection } from '../feeds';
import { useArticlePhotos } from '../../editor/photos/ArticlePhotosContext';
import { titleOf } from './DraftListItem';
import { PhotoPickerDialog } from '../photos';
import { CommentsPanel } from '../desk';
import { ChangedElsewhereNotice } from './ChangedElsewhereNotice';
import { StatusBar } from './StatusBar';
import type { DraftSession } from './useDraftSession';
import { createValueStore } from './value-store';

const MOD_ALT = { ...CONTROL_OR_META, altKey: true };

/** Brings the photo a check issue is about into view and puts the caret in the field to fix. */
function revealIssue(pane: HTMLElement | null, issue: CheckIssue): void {
  const photo =
    issue.where === 'lead'
      ? document.querySelector<HTMLElement>('[data-testid="lead-photo"]')
      : pane?.querySelectorAll<HTMLElement>('[data-testid="article-photo"]')[issue.index - 1];
  if (!photo) return;
  photo.scrollIntoView({ block: 'center' });
  const field = issue.code === 'photo-missing-alt' ? 'alt' : issue.code === 'photo-missing-credit' ? 'credit' : null;
  if (field) photo.querySelector<HTMLElement>(`[data-field="${field}"]`)?.focus();
}

const sameStats = (a: BodyStats | null, b: BodyStats | null) => a?.words === b?.words && a?.label === b?.label;

/**
 * The centre pane for the open article. Word count lives in a store here, so its updates
 * re-render the status bar's count only, not the pane, the editor or its toolbar. It also holds the reader preview (which
 * stands in for the text while shown) and the pre-publish check.
 */
/** The board's publish time of the story, in the Publish panel (the feeds feature owns the board). */
const publishTimeSection = (articleId: string, onChanged: () => void) => <PublishTimeSection articleId={articleId} onChanged={onChanged} />;

export function EditorPane({ session, onShowHistory }: { session: DraftSession; onShowHistory: () => void }) {
  const [stats] = useState(() => createValueStore<BodyStats | null>(null, sameStats));
  const [previewBody, setPreviewBody] = useState<LexicalDocument | null>(null);
  const [checkOpen, setCheckOpen] = useState(false);
  const editorRef = useRef<LexicalEditor | null>(null);
  const paneRef = useRef<HTMLElement>(null);
  const { refresh, error: photosError } = useArticlePhotos();
  const article = session.article;
  const report = usePrepublishReport(article);
  const { attachEditor } = session;
  useOpenArticleForOutbox(session);

  const onEditor = useCallback(
    (editor: LexicalEditor) => {
      editorRef.current = editor;
      attachEditor(editor);
    },
    [attachEditor],
  );

  const togglePreview = useCallback(() => {
    setPreviewBody((shown) => (shown || !editorRef.current ? null : bodyOf(editorRef.current.getEditorState())));
  }, []);

  const openCheck = useCallback(() => {
    refresh(); // the library may have changed since the photos were read
    setCheckOpen(true);
  }, [refresh]);

  /** A finding of the publish panel: photo findings as the check shows them, the story's own in the details. */
  const showPublishIssue = useCallback((issue: CheckIssueView) => {
    setPreviewBody(null);
    requestAnimationFrame(() => {
      if (issue.where === 'article') revealArticleField(issue, paneRef.current);
      else revealIssue(paneRef.current, { ...issue, code: baseCode(issue.code) } as CheckIssue);
    });
  }, []);

  // Another article (or a restored revision) loaded: back to the text.
  useEffect(() => setPreviewBody(null), [session.loadKey]);

  useEffect(() => {
    // Runs for every key typed in the story: the shortcut is matched first, because asking whether
    // the pane is shown (offsetParent) makes the browser lay the page out there and then.
    const onKeyDown = (event: KeyboardEvent) => {
      const action = isExactShortcutMatch(event, 'p', MOD_ALT) ? togglePreview : isExactShortcutMatch(event, 'c', MOD_ALT) ? openCheck : null;
      if (action === null || paneRef.current?.offsetParent === null) return; // not ours, or another desk is showing
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [togglePreview, openCheck]);

  useAppCommand('article:preview', togglePreview);
  useAppCommand('article:check', openCheck);

  const summary = useMemo(() => reportSummary(report, photosError), [report, photosError]);
  const { saveState, saveNow } = session;
  // The same element from render to render while nothing it shows changed, so the memoized editor
  // (which holds it) is not re-rendered when the desk re-renders after an autosave.
  const footer = useMemo(
    () => <StatusBar stats={stats} saveState={saveState} onRetry={() => void saveNow()} check={summary} onCheck={openCheck} />,
    [stats, saveState, saveNow, summary, openCheck],
  );

  const link = session.link;
  // The same element while the story is the same, for the memoized editor (as the footer).
  const comments = useMemo(() => (link ? <CommentsPanel link={link} /> : undefined), [link]);

  if (!article || !session.link) return null;
  return (
    <main className="nd-main" aria-label="Editor" ref={paneRef}>
      <header className="nd-main__head">
        <div className="nd-main__title">
          <span className="nd-main__kicker">
            {article.section || 'No section'} · {STATUS_LABELS[article.status]}
          </span>
          <span className="nd-main__headline" data-testid="editor-title">
            {titleOf(article)}
          </span>
        </div>
        <button type="button" className="nd-button" aria-pressed={previewBody !== null} title={`Reader preview (${MOD}${ALT}P)`} onClick={togglePreview}>
          Preview
        </button>
        <button type="button" className="nd-button" aria-label="Check before publishing" title={`Check before publishing (${MOD}${ALT}C)`} onClick={openCheck}>
          <Icon name="warning" size={16} /> Check
        </button>
        <button type="button" className="nd-button" onClick={onShowHistory}>
          <Icon name="history" size={16} /> History
        </button>
        <PublishActions article={article} save={session.flush} paneRef={paneRef} onShowIssue={showPublishIssue} publishTime={publishTimeSection} />
      </header>
      <ChangedElsewhereNotice session={session} />
      {checkOpen && (
        <PrepublishPanel
          report={report}
          onClose={() => setCheckOpen(false)}
          onShow={(issue) => {
            setPreviewBody(null);
            // After the text is back on screen (it may have been behind the preview).
            requestAnimationFrame(() => revealIssue(paneRef.current, issue));
          }}
        />
      )}
      <PresenceBar link={session.link} />
      <ArticleEditor
        key={session.loadKey}
        initialBody={article.body}
        link={session.link}
        onEditor={onEditor}
        onChange={session.bodyChanged}
        onStats={stats.set}
        preview={previewBody ? <ArticlePreview article={article} body={previewBody} readTime={stats.get()?.label ?? '1 min read'} /> : undefined}
        footer={footer}
        photoPicker={PhotoPickerDialog}
        aside={comments}
      />
    </main>
  );
}

export function EmptyEditor({ onNew }: { onNew: () => void }) {
  return (
    <main className="nd-main nd-main--empty" aria-label="Editor">
      <div className="nd-empty">
        <Icon name="inbox" size={40} />
        <h2>No article open</h2>
        <p>Choose a draft on the left, or start a new one.</p>
        <button type="button" className="nd-button nd-button--primary" onClick={onNew}>
          New article
        </button>
      </div>
    </main>
  );
}
