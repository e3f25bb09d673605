import { useEffect, useRef, type RefObject } from 'react';
import { call, onAppEvent } from '../../api/newsdesk';
import { openFindInFocusedStory } from '../../editor/find/find-request';
import { useAppCommand } from '../../ui/app-commands';
import type { Notify } from '../../ui/components/Toasts';
import { titleOf, type DraftSession } from '../drafts';
import { reportMenuState } from '../../api/menu-state';

interface DraftingDeskActions {
  session: DraftSession;
  /** The drafting desk's own actions, the ones its buttons and shortcuts run. */
  create(): void;
  open(id: string): void;
  trash(id: string, headline: string): void;
  showHistory(): void;
  searchRef: RefObject<HTMLInputElement | null>;
  /** Set in a window opened for one article: it is not offered to open in yet another window. */
  inArticleWindow: boolean;
  notify: Notify;
}

/**
 * The drafting desk's side of the application menu: its commands run the desk's own actions, main
 * learns which article is open (for the menu's enabled items and File › Open Recent), and
 * "open this article" from main (a recent article, a notification) opens it here.
 */
export function useDraftingDeskMenu({ session, create, open, trash, showHistory, searchRef, inArticleWindow, notify }: DraftingDeskActions): void {
  const { article, flush, saveNow, unload } = session;
  const currentId = article?.id ?? null;
  const headlineRef = useRef('');
  headlineRef.current = article?.headline ?? '';

  useAppCommand('article:new', create);
  useAppCommand('article:save', () => void saveNow(), currentId !== null);
  useAppCommand('article:find', () => {
    // In the body, Find… searches the open story; anywhere else it is the drafts search.
    if (openFindInFocusedStory()) return;
    searchRef.current?.focus();
    searchRef.current?.select();
  });
  useAppCommand('article:history', showHistory, currentId !== null);
  useAppCommand('article:trash', () => currentId && trash(currentId, headlineRef.current), currentId !== null);
  useAppCommand(
    'article:open-in-window',
    () => {
      if (!currentId) return;
      // Saved first, and closed here after: two editors of one draft would overwrite each other.
      void flush().then(async (saved) => {
        if (!saved) return notify('The article could not be saved, so it was not opened in a new window.', { tone: 'error' });
        const result = await call('app:openArticleWindow', { articleId: currentId });
        if (!result.ok) return notify(`The new window did not open: ${result.error.message}`, { tone: 'error' });
        unload();
      });
    },
    currentId !== null && !inArticleWindow,
  );

  useEffect(() => onAppEvent('article:open', ({ articleId }) => open(articleId)), [open]);

  useEffect(() => {
    reportMenuState({ articleId: currentId });
    if (currentId) void call('app:articleOpened', { articleId: currentId, headline: titleOf({ headline: headlineRef.current }).slice(0, 500) });
  }, [currentId]);
}
