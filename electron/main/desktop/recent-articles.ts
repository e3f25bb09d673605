import { z } from 'zod';
import { ArticleId } from '../../../shared/model/article';
import type { KeyValueStore } from '../window/window-state';

/**
 * File › Open Recent: the last articles opened, newest first, kept between launches. Headlines are
 * article text: they are shown in the menu and stored with the list, and never logged.
 */
export const MAX_RECENT_ARTICLES = 10;
const STORE_KEY = 'recentArticles';

export const RecentArticle = z.object({ articleId: ArticleId, headline: z.string().max(500) });
export type RecentArticle = z.infer<typeof RecentArticle>;

/** The OS's own recent-documents list (the macOS Dock's and File menu's Open Recent). */
export interface OsRecentDocuments {
  addRecentDocument(path: string): void;
  clearRecentDocuments(): void;
}

/**
 * The OS list is used on macOS only. Windows lists a recent document in the jump list only when the
 * app is registered as a handler of the file's type, and an article is a `.json` file in the
 * library: registering Newsdesk for `.json` (electron-builder's fileAssociations) would claim every
 * JSON file on the machine from the user's editor, and the calls would otherwise do nothing. Linux
 * has no such list. File › Open Recent works the same everywhere.
 */
export function osRecentDocumentsFor(platform: NodeJS.Platform, app: OsRecentDocuments): OsRecentDocuments | null {
  return platform === 'darwin' ? app : null;
}

export interface RecentArticlesOptions {
  store: KeyValueStore;
  /** Set where the app uses the OS's recent-documents list (osRecentDocumentsFor); null elsewhere. */
  os: OsRecentDocuments | null;
  /** The article's file in the library, which is what the OS list holds. */
  pathOf: (articleId: string) => string;
  /** Called after every change (the menu is rebuilt). */
  onChange?: () => void;
}

export interface RecentArticles {
  list(): RecentArticle[];
  add(articleId: string, headline: string): void;
  /** Drops one article (it was trashed or can no longer be opened). */
  remove(articleId: string): void;
  clear(): void;
}

export function createRecentArticles(options: RecentArticlesOptions): RecentArticles {
  const read = (): RecentArticle[] => {
    const parsed = z.array(z.unknown()).safeParse(options.store.get(STORE_KEY));
    if (!parsed.success) return [];
    // A hand-edited or older file keeps whatever entries are still valid.
    return parsed.data.flatMap((entry) => {
      const item = RecentArticle.safeParse(entry);
      return item.success ? [item.data] : [];
    }).slice(0, MAX_RECENT_ARTICLES);
  };
  const write = (items: RecentArticle[]): void => {
    options.store.set(STORE_KEY, items);
    options.onChange?.();
  };
  return {
    list: read,
    add(articleId, headline) {
      if (!ArticleId.safeParse(articleId).success) return;
      const entry = { articleId, headline: headline.trim().slice(0, 500) };
      const before = read();
      const next = [entry, ...before.filter((item) => item.articleId !== articleId)].slice(0, MAX_RECENT_ARTICLES);
      if (JSON.stringify(next) === JSON.stringify(before)) return;
      write(next);
      // Only when the article is new at the top: the OS list needs no update for a headline edit.
      if (before[0]?.articleId !== articleId) options.os?.addRecentDocument(options.pathOf(articleId));
    },
    remove(articleId) {
      const before = read();
      const next = before.filter((item) => item.articleId !== articleId);
      if (next.length !== before.length) write(next);
    },
    clear() {
      write([]);
      options.os?.clearRecentDocuments();
    },
  };
}

/** The article a file from the OS recent list stands for, if it is one of the library's drafts. */
export function articleIdFromPath(path: string, draftsDir: string): string | null {
  const normalized = path.replace(/\\/g, '/');
  const dir = draftsDir.replace(/\\/g, '/').replace(/\/+$/, '');
  if (!normalized.startsWith(`${dir}/`)) return null;
  const name = normalized.slice(dir.length + 1);
  const match = /^([a-z0-9][a-z0-9-]{7,63})\.json$/.exec(name);
  return match && ArticleId.safeParse(match[1]).success ? match[1]! : null;
}
