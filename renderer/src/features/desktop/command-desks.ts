import type { MenuCommand } from '../../../../shared/ipc/events';
import type { DESKTOP_VIEWS } from '../../../../shared/model/desktop';

export type Desk = (typeof DESKTOP_VIEWS)[number];

/**
 * Which desk must show before a menu command runs, as its keyboard shortcut would have it: the
 * drafting desk for what works on the open article's screen, the library for its credit style.
 * null: the command works from anywhere (saving, exporting, importing, the preferences).
 */
export function deskForCommand(command: MenuCommand, current: Desk): Desk | null {
  switch (command) {
    case 'view:articles':
      return 'articles';
    case 'view:photos':
      return 'photos';
    case 'view:feeds':
      return 'feeds';
    case 'view:outbox':
      return 'outbox';
    case 'view:budget':
      return 'budget';
    // Find searches the desk in front when that desk has a search box, else the drafts.
    case 'article:find':
      return current === 'photos' ? 'photos' : 'articles';
    case 'article:new':
    case 'article:import-from-site':
    case 'article:preview':
    case 'article:check':
    case 'article:history':
    case 'article:publish':
    case 'photo:insert':
      return 'articles';
    case 'photo:edit-credit-style':
    case 'photo:delete':
      return 'photos';
    case 'article:save':
    case 'article:export-html':
    case 'article:export-ninjs':
    case 'article:open-in-window':
    case 'article:trash':
    case 'photo:import':
    case 'app:preferences':
      return null;
  }
}
