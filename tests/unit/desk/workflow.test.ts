import { describe, expect, it } from 'vitest';
import { checkMove, deskStatusOf, movesFrom } from '../../../shared/desk/workflow';

const reporter = { roles: ['reporter'] };
const editor = { roles: ['editor'] };
const publisher = { roles: ['publisher'] };

describe('the desk status workflow', () => {
  it('lets a reporter send to review but not approve or publish, and says why', () => {
    expect(checkMove(reporter, 'draft', 'ready')).toEqual({ allowed: true });
    expect(checkMove(reporter, 'ready', 'approved')).toEqual({ allowed: false, reason: 'Only an editor may set a story approved.' });
    expect(checkMove(reporter, 'approved', 'published')).toEqual({ allowed: false, reason: 'Only a publisher may set a story published.' });
  });

  it('lets an editor approve and a publisher schedule or publish', () => {
    expect(checkMove(editor, 'ready', 'approved').allowed).toBe(true);
    expect(checkMove(editor, 'approved', 'published').allowed).toBe(false);
    expect(checkMove(publisher, 'approved', 'scheduled').allowed).toBe(true);
    expect(checkMove(publisher, 'scheduled', 'published').allowed).toBe(true);
  });

  it('refuses skipped steps whoever asks', () => {
    const everything = { roles: ['reporter', 'editor', 'publisher', 'admin'] };
    expect(checkMove(everything, 'draft', 'published')).toEqual({ allowed: false, reason: 'A story cannot go from draft to published.' });
    expect(checkMove(everything, 'ready', 'ready').allowed).toBe(false);
  });

  it('offers every next step, disabled ones with their reason', () => {
    expect(movesFrom(reporter, 'ready')).toEqual([
      { to: 'draft', allowed: true },
      { to: 'approved', allowed: false, reason: 'Only an editor may set a story approved.' },
    ]);
    expect(movesFrom({ role: 'editor' }, 'draft')).toEqual([{ to: 'ready', allowed: true }]);
  });

  it('reads an unknown stored status as a draft', () => {
    expect(deskStatusOf('')).toBe('draft');
    expect(deskStatusOf(42)).toBe('draft');
    expect(deskStatusOf('approved')).toBe('approved');
  });
});
