import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS } from '../../../shared/ipc/events';
import type { MenuState } from '../../../shared/model/desktop';
import { deskForCommand } from '../../../renderer/src/features/desktop/command-desks';
import { createMenuStateReporter } from '../../../renderer/src/api/menu-state';
import { addLanguage, MAX_SPELLING_LANGUAGES, moveEarlier, SPELLING_LANGUAGES } from '../../../renderer/src/features/desktop/spelling-languages';
import { resolveDark } from '../../../renderer/src/features/desktop/theme';
import { SpellcheckLanguage } from '../../../shared/model/settings';

describe('the desk a menu command needs', () => {
  it('brings the drafting desk forward for what works on the open article, as its shortcuts do', () => {
    for (const command of ['article:new', 'article:preview', 'article:check', 'article:history', 'article:publish', 'photo:insert'] as const) {
      expect(deskForCommand(command, 'feeds')).toBe('articles');
    }
  });

  it('leaves the desk alone for what works from anywhere', () => {
    for (const command of ['article:save', 'article:export-html', 'article:export-ninjs', 'article:trash', 'article:open-in-window', 'photo:import', 'app:preferences'] as const) {
      expect(deskForCommand(command, 'outbox')).toBeNull();
    }
  });

  it('finds in the library while it shows, in the drafts elsewhere', () => {
    expect(deskForCommand('article:find', 'photos')).toBe('photos');
    expect(deskForCommand('article:find', 'feeds')).toBe('articles');
  });

  it('maps each View item to its desk and knows every command', () => {
    expect(deskForCommand('view:outbox', 'articles')).toBe('outbox');
    expect(deskForCommand('photo:edit-credit-style', 'articles')).toBe('photos');
    for (const command of MENU_COMMANDS) expect(deskForCommand(command, 'articles')).not.toBeUndefined();
  });
});

describe('the menu state sent to main', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('merges the parts and sends a burst of changes once things settle', () => {
    const sent: MenuState[] = [];
    const reporter = createMenuStateReporter((state) => sent.push(state), 60);
    reporter.report({ view: 'photos' });
    for (let count = 1; count <= 20; count += 1) reporter.report({ photoSelection: count });
    reporter.report({ articleId: 'a-2026-ferry-timetable' });
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(60);
    expect(sent).toEqual([{ view: 'photos', articleId: 'a-2026-ferry-timetable', photoSelection: 20 }]);
  });

  it('does not send a state main already has', () => {
    const sent: MenuState[] = [];
    const reporter = createMenuStateReporter((state) => sent.push(state), 60);
    reporter.report({ view: 'feeds' });
    vi.advanceTimersByTime(60);
    reporter.report({ view: 'photos' });
    reporter.report({ view: 'feeds' }); // back where it was before main heard anything new
    vi.advanceTimersByTime(60);
    reporter.report({ articleId: null });
    vi.advanceTimersByTime(60);
    expect(sent).toHaveLength(1);
  });
});

describe('light or dark', () => {
  it('follows the OS for "system" and the choice otherwise', () => {
    expect(resolveDark('system', true)).toBe(true);
    expect(resolveDark('system', false)).toBe(false);
    expect(resolveDark('light', true)).toBe(false);
    expect(resolveDark('dark', false)).toBe(true);
  });
});

describe('the spelling languages offered', () => {
  it('are all tags the settings accept', () => {
    for (const { tag } of SPELLING_LANGUAGES) expect(SpellcheckLanguage.safeParse(tag).success, tag).toBe(true);
  });

  it('keep their order, move one place at a time, and stop at the maximum', () => {
    expect(moveEarlier(['en-GB', 'fr', 'de'], 'de')).toEqual(['en-GB', 'de', 'fr']);
    expect(moveEarlier(['en-GB', 'fr'], 'en-GB')).toEqual(['en-GB', 'fr']);
    expect(addLanguage(['en-GB'], 'en-GB')).toEqual(['en-GB']);
    const full = ['en-US', 'en-GB', 'fr', 'de', 'es'];
    expect(full).toHaveLength(MAX_SPELLING_LANGUAGES);
    expect(addLanguage(full, 'nl')).toEqual(full);
    expect(addLanguage(['fr'], 'nl')).toEqual(['fr', 'nl']);
  });
});
