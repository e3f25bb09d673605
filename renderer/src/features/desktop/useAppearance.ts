import { createContext, useCallback, useEffect, useState } from 'react';
import { call, onAppEvent } from '../../api/newsdesk';
import { applyTheme, onSystemThemeChange, resolveDark, systemPrefersDark, type ThemeChoice } from './theme';

export interface Appearance {
  choice: ThemeChoice;
  dark: boolean;
  /** Applies a choice at once, before it is saved. */
  choose(choice: ThemeChoice): void;
}

/** The window's appearance, owned once per window (WindowRoot) so switching views keeps it. */
export const AppearanceContext = createContext<Appearance>({ choice: 'system', dark: false, choose: () => undefined });

/**
 * The window's light or dark colours: the setting's choice, the OS for 'system' (a media query
 * change, or main's theme:changed). `choose` applies a new choice at once, before it is saved.
 */
export function useAppearance(): Appearance {
  const [choice, setChoice] = useState<ThemeChoice>('system');
  const [systemDark, setSystemDark] = useState(systemPrefersDark);

  useEffect(() => {
    let cancelled = false;
    void call('settings:get', {}).then((result) => {
      // Unreadable settings: the OS decides, as with the default 'system'.
      if (!cancelled && result.ok) setChoice(result.value.desktop.theme);
    });
    const stopMedia = onSystemThemeChange(setSystemDark);
    // The OS may have switched between the first render and this subscription.
    setSystemDark(systemPrefersDark());
    const stopEvents = onAppEvent('theme:changed', ({ dark }) => setSystemDark(dark));
    return () => {
      cancelled = true;
      stopMedia();
      stopEvents();
    };
  }, []);

  const dark = resolveDark(choice, systemDark);
  useEffect(() => applyTheme(dark), [dark]);
  const choose = useCallback((next: ThemeChoice) => {
    setChoice(next);
    // Back to the OS: read what it wants now, an explicit choice may have masked the last change.
    if (next === 'system') setSystemDark(systemPrefersDark());
  }, []);
  return { choice, dark, choose };
}
