import type { DesktopSettings } from '../../../../shared/model/settings';

export type ThemeChoice = DesktopSettings['theme'];

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Whether to show dark colours: the choice, or the OS when the choice is 'system'. */
export function resolveDark(choice: ThemeChoice, systemDark: boolean): boolean {
  return choice === 'system' ? systemDark : choice === 'dark';
}

/** What the OS asks for. In Electron this follows nativeTheme.themeSource, which main sets. */
export function systemPrefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;
}

export function onSystemThemeChange(listener: (dark: boolean) => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => undefined;
  const query = window.matchMedia(DARK_QUERY);
  const onChange = (event: MediaQueryListEvent) => listener(event.matches);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/**
 * Puts the colours on the page: the tokens in tokens.css switch on <html data-theme>, and
 * color-scheme makes the browser's own parts (scrollbars, date pickers, checkboxes) match.
 */
export function applyTheme(dark: boolean): void {
  const root = document.documentElement;
  root.dataset.theme = dark ? 'dark' : 'light';
  root.style.colorScheme = dark ? 'dark' : 'light';
}
