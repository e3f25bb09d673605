import { z } from 'zod';

/**
 * The jobs on a desk. A user may hold several (a small paper's editor often publishes too); each
 * grants only its own moves: no role implies another, so an admin who also approves stories is
 * given the editor role as well. The desk server is the authority: it reads a user's roles from
 * its database on every check, never from what a client claims.
 */
export const DESK_ROLES = ['reporter', 'editor', 'photo-editor', 'publisher', 'admin'] as const;
export const DeskRole = z.enum(DESK_ROLES);
export type DeskRole = z.infer<typeof DeskRole>;

export const ROLE_LABELS: Record<DeskRole, string> = {
  reporter: 'reporter',
  editor: 'editor',
  'photo-editor': 'photo editor',
  publisher: 'publisher',
  admin: 'admin',
};

/** Names older desks stored in their single role column, and the role each now means. */
const LEGACY_ROLE_NAMES: Readonly<Record<string, DeskRole>> = { photo: 'photo-editor' };

/** The role a stored or typed name stands for, or null for a name that is no role. */
export function roleNamed(name: string): DeskRole | null {
  const trimmed = name.trim().toLowerCase();
  const legacy = LEGACY_ROLE_NAMES[trimmed];
  if (legacy) return legacy;
  const parsed = DeskRole.safeParse(trimmed);
  return parsed.success ? parsed.data : null;
}

/**
 * Anyone who holds roles: a signed-in user as the desk describes them (`roles`), or an account
 * from before several roles existed (its single `role`).
 */
export interface RoleHolder {
  roles?: readonly string[] | undefined;
  role?: string | undefined;
}

/** The roles of a holder, legacy names translated, unknown names dropped, each once. */
export function rolesOf(user: RoleHolder | null | undefined): DeskRole[] {
  if (!user) return [];
  const names = [...(user.roles ?? []), ...(user.role === undefined ? [] : [user.role])];
  const roles = new Set<DeskRole>();
  for (const name of names) {
    const role = roleNamed(name);
    if (role) roles.add(role);
  }
  return DESK_ROLES.filter((role) => roles.has(role));
}

export function hasRole(user: RoleHolder | null | undefined, role: DeskRole): boolean {
  return rolesOf(user).includes(role);
}
