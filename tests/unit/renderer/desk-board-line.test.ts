import { describe, expect, it } from 'vitest';
import type { DeskStatus } from '../../../shared/model/desk';
import { deskBoardLine } from '../../../renderer/src/features/desk/board/desk-board-line';

const status = (state: DeskStatus['state']): DeskStatus => ({
  state, serverUrl: 'http://desk.test', user: state === 'signed-out' ? null : { id: 'u1', name: 'Ana', email: 'ana@desk.test', role: 'editor' },
  desk: state === 'signed-out' ? null : { id: 'news', name: 'Newsroom' }, unsyncedStories: 0, message: null,
});

describe('the shared board line', () => {
  it('is not shown while signed out: the board is this machine’s', () => {
    expect(deskBoardLine(status('signed-out'), { desk: 0, local: 3 })).toBeNull();
  });

  it('names the desk and counts desk stories and local items in words', () => {
    expect(deskBoardLine(status('connected'), { desk: 3, local: 1 })).toEqual({
      title: 'Shared board · Newsroom',
      detail: '3 desk stories on this board — their order, pins and timing are the desk’s. Moves show for everyone at once. 1 local item stays on this machine.',
      tone: 'ok',
    });
    expect(deskBoardLine(status('connected'), { desk: 1, local: 0 })?.detail).toMatch(/^1 desk story on this board/);
  });

  it('says offline moves are kept and merge later', () => {
    expect(deskBoardLine(status('offline'), { desk: 2, local: 2 })).toMatchObject({ tone: 'warn', title: 'Shared board · Newsroom (offline)' });
    expect(deskBoardLine(status('offline'), { desk: 2, local: 2 })?.detail).toContain('merge when the desk is back. 2 local items stay on this machine.');
  });
});
