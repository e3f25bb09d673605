import { CONTROL_OR_META, isExactShortcutMatch } from 'lexical';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { QuarantinedFile, RevisionInfo } from '../../shared/ipc/contract';
import type { PhotoUse } from '../../shared/model/photo-use';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/model/settings';
import { call, request } from './api/newsdesk';
import { registerSaveBeforeClose } from './api/save-before-close';
import { ArticlePhotosProvider } from './editor/photos/ArticlePhotosContext';
import { DraftList, titleOf, EditorPane, EmptyEditor, MetadataPanel, QuarantineBanner, RevisionsDialog, useDraftSession } from './features/drafts';
import { useOutbox } from './features/publishing';
import { useDraftingDeskMenu } from './features/desktop';
import { useNotify } from './ui/components/Toasts';
import { formatFull } from './ui/time';

interface AppProps {
  /** Set in a window opened for one article: that article's editor, without the draft list. */
  windowArticleId?: string | null;
}

/** The drafting desk: draft list, editor and details, wired to main through the contract. */
export function App({ windowArticleId = null }: AppProps) {
  const notify = useNotify();
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [quarantined, setQuarantined] = useState<QuarantinedFile[]>([]);
  const [listVersion, refreshList] = useReducer((n: number) => n + 1, 0);
  const { articlesReplaced } = useOutbox();
  const [showHistory, setShowHistory] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  // A new article starts in its headline field; one opened from the list does not steal focus.
  const [freshId, setFreshId] = useState<string | null>(null);
  const session = useDraftSession({ delayMs: settings.autosaveDelayMs, onSaved: refreshList });
  const { article, flush, load, unload, saveNow, hasUnsavedChanges, updateMeta } = session;
  const currentId = article?.id ?? null;
  // The lead photo is article metadata like the headline: it autosaves the same way.
  const updateLeadPhoto = useCallback(
    (leadPhoto: PhotoUse | null) => updateMeta({ leadPhoto }),
    [updateMeta],
  );

  useEffect(() => {
    void call('settings:get', {}).then((result) => {
      if (result.ok) setSettings(result.value);
      else notify(`Settings could not be read, using defaults: ${result.error.message}`, { tone: 'error' });
    });
    void call('app:info', {}).then((result) => {
      if (result.ok) setQuarantined(result.value.quarantined);
    });
  }, [notify]);

  /** Saves the open article before another one replaces it; on failure the person decides. */
  const leaveCurrent = useCallback(
    async (then: () => Promise<void>): Promise<void> => {
      if (await flush()) return then();
      notify('The open draft could not be saved, so it stays open. Its unsaved changes are shown below the text.', {
        tone: 'error',
        action: { label: 'Discard changes and leave', run: () => (unload({ discard: true }), void then()) },
      });
    },
    [flush, notify, unload],
  );

  const open = useCallback(
    (id: string) => {
      if (id === currentId) return;
      void leaveCurrent(async () => {
        const result = await call('drafts:get', { id });
        if (result.ok) load(result.value);
        else notify(result.error.message, { tone: 'error' });
      });
    },
    [currentId, leaveCurrent, load, notify],
  );

  const create = useCallback(() => {
    void leaveCurrent(async () => {
      const result = await call('drafts:create', {});
      if (!result.ok) return notify(result.error.message, { tone: 'error' });
      setFreshId(result.value.id);
      load(result.value);
      refreshList();
    });
  }, [leaveCurrent, load, notify]);

  const duplicate = useCallback(
    async (id: string) => {
      if (id === currentId) await flush(); // the copy should include what was just typed
      await leaveCurrent(async () => {
        const result = await call('drafts:duplicate', { id });
        if (!result.ok) return notify(result.error.message, { tone: 'error' });
        load(result.value);
        refreshList();
        notify(`Duplicated as “${titleOf(result.value)}”.`);
      });
    },
    [currentId, flush, leaveCurrent, load, notify],
  );

  const restoreFromTrash = useCallback(
    async (id: string) => {
      const result = await call('drafts:restoreFromTrash', { id });
      if (!result.ok) return notify(result.error.message, { tone: 'error' });
      refreshList();
      notify(`Restored “${titleOf(result.value)}” from the Trash.`, { action: { label: 'Open', run: () => open(id) } });
    },
    [notify, open],
  );

  const trash = useCallback(
    async (id: string, headline: string) => {
      if (id === currentId) {
        await flush(); // so the Trash (and Undo) hold the latest text
        unload();
      }
      const result = await call('drafts:trash', { id });
      if (!result.ok) return notify(result.error.message, { tone: 'error' });
      refreshList();
      notify(`Moved “${titleOf({ headline })}” to the Trash.`, { action: { label: 'Undo', run: () => void restoreFromTrash(id) } });
    },
    [currentId, flush, unload, notify, restoreFromTrash],
  );

  const restoreRevision = useCallback(
    async (revision: RevisionInfo) => {
      if (!currentId) return;
      // Restoring over text that could not be saved would lose it (or let a late save undo the restore).
      if (!(await flush())) throw new Error('The current text could not be saved, so nothing was restored. Fix the problem shown under the text, then try again.');
      const restored = await request('drafts:restoreRevision', { id: currentId, revisionId: revision.revisionId });
      load(restored);
      setShowHistory(false);
      refreshList();
      notify(`Restored the version from ${formatFull(revision.savedAt)}.`);
    },
    [currentId, flush, load, notify],
  );

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

  // Desk-wide shortcuts, from anywhere in the window (the metadata fields too): Ctrl/Cmd+S saves
  // at once, Ctrl/Cmd+N starts a new article, Ctrl/Cmd+Shift+F goes to the draft search box.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isExactShortcutMatch(event, 's', CONTROL_OR_META)) {
        event.preventDefault();
        if (currentId) void saveNow();
      } else if (isExactShortcutMatch(event, 'n', CONTROL_OR_META)) {
        event.preventDefault();
        create();
      } else if (isExactShortcutMatch(event, 'f', { ...CONTROL_OR_META, shiftKey: true })) {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [create, currentId, saveNow]);

  // Closing the window with edits in flight: hold the close and start saving. In the desktop app
  // main then asks for the save ('app:saveBeforeClose') and closes the window, or asks the person
  // what to do if the save fails.
  // The save state is a store (read when asked, never a re-render of the desk).
  const saveState = session.saveState;
  useEffect(
    () =>
      registerSaveBeforeClose(async () => {
        if (await flush()) return null;
        const state = saveState.get();
        return `The open article could not be saved${state.kind === 'error' ? `: ${state.message}` : '.'}`;
      }),
    [flush, saveState],
  );
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!hasUnsavedChanges()) return;
      event.preventDefault();
      event.returnValue = '';
      void flush();
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, [flush, hasUnsavedChanges]);

  return (
    <div className="nd-app">
      <QuarantineBanner files={quarantined} onDismiss={() => setQuarantined([])} />
      {windowArticleId && (
        <header className="nd-article-window__bar" data-testid="article-window-bar">
          <span className="nd-article-window__app">Newsdesk</span>
          <span className="nd-article-window__headline">{article ? headline || 'Untitled' : 'No article open'}</span>
        </header>
      )}
      <ArticlePhotosProvider leadPhotoId={article?.leadPhoto?.photoId ?? null}>
        <div className={`nd-workspace${windowArticleId ? ' nd-workspace--single' : ''}`}>
          {!windowArticleId && (
            <DraftList
              selectedId={currentId}
              sections={settings.sections}
              version={listVersion + articlesReplaced}
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
            />
          )}
        </div>
        {showHistory && article && (
          <RevisionsDialog articleId={article.id} current={session.snapshot()} onClose={() => setShowHistory(false)} onRestore={restoreRevision} />
        )}
      </ArticlePhotosProvider>
    </div>
  );
}
