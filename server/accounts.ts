import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { deskIdSchema, type DeskSummary } from '../shared/desk/desk-protocol';
import { DESK_ROLES, roleNamed, type DeskRole } from '../shared/desk/roles';
import type { DeskDatabase } from './db/database';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './passwords';

export interface DeskUser {
  id: string;
  name: string;
  email: string;
  /** The first of `roles`: what the single role column of older servers holds. */
  role: string;
  roles: DeskRole[];
}

const roleSchema = z.string().transform((name, context) => {
  const role = roleNamed(name);
  if (!role) context.addIssue({ code: 'custom', message: `"${name}" is not a role; the roles are ${DESK_ROLES.join(', ')}.` });
  return role ?? 'reporter';
});

export const newUserSchema = z.object({
  name: z.string().trim().min(1, 'A name is required.').max(200),
  email: z.string().trim().toLowerCase().email('That is not an email address.'),
  // `role` is how accounts were made before a user could hold several; both may be given.
  role: roleSchema.optional(),
  roles: z.array(roleSchema).default([]),
  password: z.string().min(10, 'A password has at least 10 characters.').max(1024),
  desks: z.array(deskIdSchema).min(1, 'A user belongs to at least one desk.'),
}).transform((user) => ({ ...user, roles: [...new Set([...(user.role ? [user.role] : []), ...user.roles])] }))
  .refine((user) => user.roles.length > 0, { message: 'Give the user at least one role.', path: ['roles'] });
export type NewUser = z.input<typeof newUserSchema>;

/** Creates the user and the desks they join (a desk is created by its first member). */
export async function addUser(db: DeskDatabase, input: NewUser): Promise<DeskUser> {
  const user = newUserSchema.parse(input);
  const passwordHash = await hashPassword(user.password);
  const id = randomUUID();
  await db.transaction(async (query) => {
    const existing = await query('SELECT 1 FROM users WHERE email = $1', [user.email]);
    if (existing.length > 0) throw new Error(`A user with the email ${user.email} already exists.`);
    await query('INSERT INTO users (id, name, email, role, password_hash) VALUES ($1, $2, $3, $4, $5)',
      [id, user.name, user.email, user.roles[0], passwordHash]);
    for (const role of user.roles) await query('INSERT INTO user_roles (user_id, role) VALUES ($1, $2)', [id, role]);
    for (const desk of user.desks) {
      await query('INSERT INTO desks (id, name) VALUES ($1, $1) ON CONFLICT (id) DO NOTHING', [desk]);
      await query('INSERT INTO desk_members (desk_id, user_id) VALUES ($1, $2)', [desk, id]);
    }
  });
  return { id, name: user.name, email: user.email, role: user.roles[0] ?? '', roles: user.roles };
}

/**
 * A user's roles as the database holds them now. Every permission check reads them here, never
 * from a token or anything else a client sends, so a forged claim grants nothing.
 */
export async function rolesOfUser(db: DeskDatabase, userId: string): Promise<DeskRole[]> {
  const rows = await db.query<{ role: string }>('SELECT role FROM user_roles WHERE user_id = $1', [userId]);
  const held = new Set(rows.map((row) => roleNamed(row.role)));
  return DESK_ROLES.filter((role) => held.has(role));
}

/** The user for this email and password, or null; unknown emails take as long as wrong passwords. */
export async function checkLogin(db: DeskDatabase, email: string, password: string): Promise<DeskUser | null> {
  const rows = await db.query<Omit<DeskUser, 'roles'> & { password_hash: string }>(
    'SELECT id, name, email, role, password_hash FROM users WHERE email = $1', [email.trim().toLowerCase()]);
  const row = rows[0];
  if (!row) {
    await verifyPassword(password, await DUMMY_HASH_PROMISE);
    return null;
  }
  if (!(await verifyPassword(password, row.password_hash))) return null;
  return { id: row.id, name: row.name, email: row.email, role: row.role, roles: await rolesOfUser(db, row.id) };
}

export async function desksOf(db: DeskDatabase, userId: string): Promise<DeskSummary[]> {
  return db.query<DeskSummary>(
    'SELECT d.id, d.name FROM desks d JOIN desk_members m ON m.desk_id = d.id WHERE m.user_id = $1 ORDER BY d.id', [userId]);
}

export async function isMember(db: DeskDatabase, userId: string, deskId: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM desk_members WHERE user_id = $1 AND desk_id = $2', [userId, deskId]);
  return rows.length > 0;
}

export async function countUsers(db: DeskDatabase): Promise<number> {
  const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  return rows[0]?.n ?? 0;
}
