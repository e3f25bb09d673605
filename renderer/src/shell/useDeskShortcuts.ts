import { CONTROL_OR_META, isExactShortcutMatch } from 'lexical';
import { useLayoutEffect, type RefObject } from 'react';
import { DESKS, isTextEntry, type Desks } from './desks';

/**
 * Ctrl/Cmd+1–5 switch desks; on the photo desk "/" and Ctrl/Cmd+Shift+F go to the library's search,
 * and Ctrl/Cmd+N (there and on the feeds' board) goes to the drafting desk, which starts the article.
 */
export function useDeskShortcuts({ deskRef, show }: Pick<Desks, 'deskRef' | 'show'>, librarySearchRef: RefObject<HTMLInputElement | null>): void {
  // Registered once, in a layout effect, so it runs before the drafting desk's own window listener:
  // while the library shows, its search shortcut must reach the library's box, not the hidden one.
  useLayoutEffect(() => {
    const focusSearch = () => {
      librarySearchRef.current?.focus();
      librarySearchRef.current?.select();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const target = DESKS.find((d) => isExactShortcutMatch(event, d.key, CONTROL_OR_META));
      if (target) {
        event.preventDefault();
        event.stopImmediatePropagation();
        show(target.id);
        return;
      }
      if (deskRef.current === 'feeds' && isExactShortcutMatch(event, 'n', CONTROL_OR_META)) {
        show('articles'); // the drafting desk starts the new article
        return;
      }
      if (deskRef.current !== 'photos') return;
      if (isExactShortcutMatch(event, 'f', { ...CONTROL_OR_META, shiftKey: true }) || (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTextEntry(event.target))) {
        event.preventDefault();
        event.stopImmediatePropagation();
        focusSearch();
      } else if (isExactShortcutMatch(event, 'n', CONTROL_OR_META)) {
        show('articles'); // the drafting desk starts the new article
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
