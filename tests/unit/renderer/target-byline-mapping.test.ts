import { describe, expect, it } from 'vitest';
import { bylineUsersText, draftOf, fieldErrors, inputOf, parseBylineUsers } from '../../../renderer/src/features/publishing/target-form';

describe('the byline mapping typed in the target editor', () => {
  it('reads “name = user” lines, skipping blank ones and trimming both sides', () => {
    expect(parseBylineUsers('  Lucy Pakhnyuk = lucy \n\n Ivan Petrenko=ivan@example.com\r\n')).toEqual([
      { name: 'Lucy Pakhnyuk', user: 'lucy' },
      { name: 'Ivan Petrenko', user: 'ivan@example.com' },
    ]);
  });

  it('names the line that lacks a user or a name, next to the field', () => {
    const draft = { ...draftOf(null, 'wordpress'), name: 'Daily', url: 'https://daily.example.com', user: 'desk', secret: 'abcd efgh' };
    expect(fieldErrors({ ...draft, bylineUsers: 'Lucy Pakhnyuk = lucy\nIvan Petrenko' }).bylineUsers).toBe('Line 2: Give the site user after “=”');
    expect(fieldErrors({ ...draft, bylineUsers: '= lucy' }).bylineUsers).toBe('Line 1: Give the byline name before “=”');
    expect(fieldErrors({ ...draft, bylineUsers: 'Lucy Pakhnyuk = lucy' }).bylineUsers).toBeUndefined();
  });

  it('goes to the contract for WordPress and Ghost, and comes back as typed', () => {
    const ghost = { ...draftOf(null, 'ghost'), name: 'Ghost', url: 'https://ghost.example.com', bylineUsers: 'Lucy Pakhnyuk = lucy@example.com' };
    const input = inputOf(ghost);
    expect(input.kind === 'ghost' && input.bylineUsers).toEqual([{ name: 'Lucy Pakhnyuk', user: 'lucy@example.com' }]);
    const stored = { id: 't-ghost0001', kind: 'ghost' as const, name: 'Ghost', siteUrl: 'https://ghost.example.com', hasSecret: true, bylineUsers: [{ name: 'Lucy Pakhnyuk', user: 'lucy@example.com' }] };
    expect(draftOf(stored).bylineUsers).toBe('Lucy Pakhnyuk = lucy@example.com');
    expect(bylineUsersText(undefined)).toBe('');
    // ninjs has no site users: nothing is sent.
    expect(inputOf({ ...ghost, kind: 'ninjs' })).not.toHaveProperty('bylineUsers');
  });
});
