import { CONTROL_OR_META, isExactShortcutMatch } from 'lexical';
import { useEffect, type RefObject } from 'react';

/**
 * Desk-wide shortcuts, from anywhere in the window (the metadata fields too): Ctrl/Cmd+S saves
 * at once, Ctrl/Cmd+N starts a new article, Ctrl/Cmd+Shift+F goes to the draft search box.
 */
export function useDeskKeys(options: { hasArticle: boolean; saveNow(): unknown; create(): void; searchRef: RefObject<HTMLInputElement | null> }): void {
  const { hasArticle, saveNow, create, searchRef } = options;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isExactShortcutMatch(event, 's', CONTROL_OR_META)) {
        event.preventDefault();
        if (hasArticle) void saveNow();
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
  }, [create, hasArticle, saveNow, searchRef]);
}
