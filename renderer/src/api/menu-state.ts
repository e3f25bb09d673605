import type { MenuState } from '../../../shared/model/desktop';
import { call } from './newsdesk';

/**
 * Tells main what the window shows (desk, open article, photo selection) so the menu can disable
 * what does not apply. Parts come from different components; they are merged here, and sent once
 * things settle (a burst of selection changes is one message), and only when something changed.
 */
export function createMenuStateReporter(send: (state: MenuState) => void, delayMs = 60) {
  let state: MenuState = { view: 'articles', articleId: null, photoSelection: 0 };
  let lastSent: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    const key = JSON.stringify(state);
    if (key === lastSent) return;
    lastSent = key;
    send(state);
  };
  return {
    report(part: Partial<MenuState>): void {
      state = { ...state, ...part };
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    },
  };
}

// One per window. Without a desktop shell (the browser) main answers and nothing happens.
const windowReporter = createMenuStateReporter((state) => void call('app:menuState', state));

export function reportMenuState(part: Partial<MenuState>): void {
  windowReporter.report(part);
}
