import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { PhotoUse } from '../../shared/model/photo-use';
import { ArticlePhotosProvider } from './editor/photos/ArticlePhotosContext';
import {
  DraftList,
  EditorPane,
  EmptyEditor,
  MetadataPanel,
  QuarantineBanner,
  RevisionsDialog,
  useDeskKeys,
  useDeskStart,
  useDraftActions,
  useDraftSession,
  useDraftsChanged,
  useSaveOnClose,
} from './features/drafts';
import { DeskChip } from './features/desk';
import { useOutbox } from './features/publishing';
import { useDraftingDeskMenu } from './features/desktop';
import { useNotify } from './ui/components/Toasts';

interface AppProps {
  /** Set in a window opened for one article: that article's editor, without the draft list. */
  windowArticleId?: string | null;
}

/** The drafting desk: draft list, editor and details, wired to main through the contract. */
export function App({ windowArticleId = null }: AppProps) {
  const notify = useNotify();
  const { settings, quarantined, dismissQuarantined } = useDeskStart();
  const [listVersion, refreshList] = useReducer((n: number) => n + 1, 0);
  const { articlesReplaced } = useOutbox();
  // Drafts changed in another window (or by main) read the list again, as do this window's own saves.
  const [draftsChanged, draftsChangedElsewhere] = useReducer((n: number) => n + 1, 0);
  useDraftsChanged(draftsChangedElsewhere);
  const [showHistory, setShowHistory] = useState(false);
  const hideHistory = useCallback(() => setShowHistory(false), []);
  const searchRef = useRef<HTMLInputElement>(null);
  // A new article starts in its headline field; one opened from the list does not steal focus.
  const [freshId, setFreshId] = useState<string | null>(null);
  const session = useDraftSession({ delayMs: settings.autosaveDelayMs, onSaved: refreshList });
  const { article, saveNow, updateMeta } = session;
  const currentId = article?.id ?? null;
  // The lead photo is article metadata like the headline: it autosaves the same way.
  const updateLeadPhoto = useCallback(
    (leadPhoto: PhotoUse | null) => updateMeta({ leadPhoto }),
    [updateMeta],
  );
  const { open, create, duplicate, restoreFromTrash, trash, restoreRevision } = useDraftActions({
    session,
    refreshList,
    onCreated: setFreshId,
    onRevisionRestored: hideHistory,
  });

  useDraftingDeskMenu({
    session,
    create,
    open,
    trash: (id, headline) => void trash(id, headline),
    showHistory: () => setShowHistory(true),
    searchRef,
    inArticleWindow: windowArticleId !== null,
    notify,
  });

  // A window opened for one article opens it once, as it starts.
  useEffect(() => {
    if (windowArticleId) open(windowArticleId);
    // Only the window's own article, once; later opens come from the menu or the list.
  }, [windowArticleId]);

  // The window title names the open story (and shows in the OS task switcher).
  const headline = article?.headline.trim() ?? '';
  useEffect(() => {
    document.title = article ? `${headline || 'Untitled'} — Newsdesk` : 'Newsdesk';
  }, [article, headline]);

  useDeskKeys({ hasArticle: currentId !== null, saveNow, create, searchRef });
  useSaveOnClose(session);

  return (
    <div className="nd-app">
      <QuarantineBanner files={quarantined} onDismiss={dismissQuarantined} />
      {windowArticleId && (
        <header className="nd-article-window__bar" data-testid="article-window-bar">
          <span className="nd-article-window__app">Newsdesk</span>
          <span className="nd-article-window__headline">{article ? headline || 'Untitled' : 'No article open'}</span>
          <DeskChip />
        </header>
      )}
      <ArticlePhotosProvider leadPhotoId={article?.leadPhoto?.photoId ?? null}>
        <div className={`nd-workspace${windowArticleId ? ' nd-workspace--single' : ''}`}>
          {!windowArticleId && (
            <DraftList
              selectedId={currentId}
              sections={settings.sections}
              version={listVersion + articlesReplaced + draftsChanged}
              onNew={create}
              onOpen={open}
              onDuplicate={(id) => void duplicate(id)}
              onTrash={(id, headline) => void trash(id, headline)}
              onRestore={(id) => void restoreFromTrash(id)}
              searchRef={searchRef}
            />
          )}
          {article ? <EditorPane session={session} onShowHistory={() => setShowHistory(true)} /> : <EmptyEditor onNew={create} />}
          {article && (
            <MetadataPanel
              key={article.id}
              article={article}
              sections={settings.sections}
              autoFocusHeadline={article.id === freshId}
              onChange={updateMeta}
              onLeadPhotoChange={updateLeadPhoto}
              onFieldFocus={session.link?.setField}
            />
          )}
        </div>
        {showHistory && article && (
          <RevisionsDialog articleId={article.id} current={session.snapshot()} onClose={hideHistory} onRestore={restoreRevision} />
        )}
      </ArticlePhotosProvider>
    </div>
  );
}
