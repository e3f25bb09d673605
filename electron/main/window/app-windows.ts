import type { BrowserWindow } from 'electron';
import type { MenuState } from '../../../shared/model/desktop';
import { sendAppEvent } from '../desktop/app-events';
import { focusWindow } from './main-window';

/**
 * The app's windows: one main window (the desks) and any number of article windows, one per
 * article. Each is known by its page's webContents id, which is how IPC names the caller, so main
 * can answer `app:windowContext` and keep each window's menu state.
 */

export type AppWindowRole = { kind: 'main' } | { kind: 'article'; articleId: string };

type Win = Pick<BrowserWindow, 'isDestroyed' | 'isMinimized' | 'restore' | 'isVisible' | 'show' | 'focus' | 'isFocused' | 'on' | 'getTitle'> & {
  webContents: Pick<BrowserWindow['webContents'], 'id' | 'isDestroyed' | 'send'>;
};

interface WindowRecord {
  win: Win;
  role: AppWindowRole;
  /** What the page last reported (null until it reports, i.e. until it is up and listening). */
  state: MenuState | null;
  /** Articles to open once the page is listening (a window just created cannot hear them yet). */
  pending: string[];
}

export interface AppWindowsOptions<W extends Win> {
  /** Creates (and loads) a window; the registry tracks it from then on. */
  create(role: AppWindowRole): W;
  /** Something the menu shows changed: focus, a window's state, a window opened or closed. */
  onChange?(): void;
}

export interface WindowSummary {
  id: number;
  title: string;
  focused: boolean;
}

export class AppWindows<W extends Win = Win> {
  private readonly records = new Map<number, WindowRecord & { win: W }>();

  constructor(private readonly options: AppWindowsOptions<W>) {}

  /** The main window, if open. */
  main(): W | null {
    for (const record of this.records.values()) if (record.role.kind === 'main') return record.win;
    return null;
  }

  openMain(): W {
    const existing = this.main();
    if (existing) {
      focusWindow(existing);
      return existing;
    }
    return this.add({ kind: 'main' });
  }

  /** Focuses the article's window, or opens one for it. */
  openArticleWindow(articleId: string): W {
    const existing = this.articleWindow(articleId);
    if (existing) {
      focusWindow(existing);
      return existing;
    }
    return this.add({ kind: 'article', articleId });
  }

  articleWindow(articleId: string): W | null {
    for (const record of this.records.values()) {
      if (record.role.kind === 'article' && record.role.articleId === articleId) return record.win;
    }
    return null;
  }

  /**
   * Brings an article up (Open Recent, a notification, the OS recent list): its own window if it
   * has one, otherwise the main window's editor, opening the main window if needed.
   */
  showArticle(articleId: string): void {
    const own = this.articleWindow(articleId);
    if (own) {
      focusWindow(own);
      return;
    }
    const win = this.openMain();
    const record = this.records.get(win.webContents.id);
    if (!record) return;
    if (record.state === null) record.pending.push(articleId);
    else sendAppEvent(win.webContents, 'article:open', { articleId });
  }

  roleOf(senderId: number): AppWindowRole | null {
    return this.records.get(senderId)?.role ?? null;
  }

  /** Records what a window shows; delivers articles waiting for it. False when nothing changed. */
  setState(senderId: number, state: MenuState): boolean {
    const record = this.records.get(senderId);
    if (!record) return false;
    const changed = JSON.stringify(record.state) !== JSON.stringify(state);
    record.state = state;
    for (const articleId of record.pending.splice(0)) sendAppEvent(record.win.webContents, 'article:open', { articleId });
    return changed;
  }

  /** The focused window's role and state; null when none of the app's windows has focus. */
  focused(): { role: AppWindowRole; state: MenuState | null; win: W } | null {
    for (const record of this.records.values()) {
      if (!record.win.isDestroyed() && record.win.isFocused()) return { role: record.role, state: record.state, win: record.win };
    }
    return null;
  }

  all(): W[] {
    return [...this.records.values()].map((record) => record.win).filter((win) => !win.isDestroyed());
  }

  summaries(): WindowSummary[] {
    return [...this.records.values()]
      .filter((record) => !record.win.isDestroyed())
      .map((record) => ({ id: record.win.webContents.id, title: record.win.getTitle(), focused: record.win.isFocused() }));
  }

  focus(senderId: number): void {
    const record = this.records.get(senderId);
    if (record && !record.win.isDestroyed()) focusWindow(record.win);
  }

  private add(role: AppWindowRole): W {
    const win = this.options.create(role);
    const id = win.webContents.id;
    this.records.set(id, { win, role, state: null, pending: [] });
    const changed = (): void => this.options.onChange?.();
    win.on('focus', changed);
    win.on('blur', changed);
    win.on('page-title-updated', changed);
    win.on('closed', () => {
      this.records.delete(id);
      changed();
    });
    changed();
    return win;
  }
}
