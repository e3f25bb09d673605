import { describe, expect, it } from 'vitest';
import { hasRole, roleNamed, rolesOf } from '../../../shared/desk/roles';

describe('desk roles', () => {
  it('reads several roles and the single role of older accounts', () => {
    expect(hasRole({ roles: ['reporter', 'publisher'] }, 'publisher')).toBe(true);
    expect(hasRole({ roles: ['reporter'] }, 'editor')).toBe(false);
    expect(hasRole({ role: 'editor' }, 'editor')).toBe(true);
    // Older desks called the photo editor "photo".
    expect(hasRole({ role: 'photo' }, 'photo-editor')).toBe(true);
  });

  it('grants nothing for unknown names, no holder, or a role another one does not imply', () => {
    expect(hasRole(null, 'reporter')).toBe(false);
    expect(hasRole({ roles: ['chief'] }, 'editor')).toBe(false);
    expect(hasRole({ roles: ['admin'] }, 'publisher')).toBe(false);
    expect(roleNamed(' Editor ')).toBe('editor');
    expect(roleNamed('superuser')).toBeNull();
    expect(rolesOf({ roles: ['publisher', 'editor', 'editor'], role: 'photo' })).toEqual(['editor', 'photo-editor', 'publisher']);
  });
});
