import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, checkLogin, rolesOfUser } from '../../server/accounts';
import { openDeskDatabase } from '../../server/db/database';
import { SCHEMA_STATEMENTS } from '../../server/db/schema';
import { hashPassword } from '../../server/passwords';
import { runDeskCommand } from './support/desk-process';

// Roles on an existing desk: accounts made when a user had one role keep it (a photo desk's
// "photo" becomes the photo editor), and add-user takes several. Embedded PGlite, nothing skipped.
const SLOW = 240_000;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'desk-roles-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('desk roles in the database', () => {
  it('copies each existing single role once, and a removed role stays removed', async () => {
    const dir = join(dataDir, 'old-desk');
    // The desk as the server before several roles made it: users with one role column.
    const old = await PGlite.create(dir);
    for (const statement of SCHEMA_STATEMENTS.slice(0, 4)) await old.query(statement);
    const hash = await hashPassword('correct horse battery');
    await old.query(`INSERT INTO users (id, name, email, role, password_hash) VALUES
      ('u1', 'Bo Photo', 'bo@example.org', 'photo', $1), ('u2', 'Ana Editor', 'ana@example.org', 'editor', $1)`, [hash]);
    await old.close();

    const upgraded = await openDeskDatabase({ dataDir: dir });
    expect(await rolesOfUser(upgraded, 'u1')).toEqual(['photo-editor']);
    expect(await rolesOfUser(upgraded, 'u2')).toEqual(['editor']);
    expect((await checkLogin(upgraded, 'bo@example.org', 'correct horse battery'))?.roles).toEqual(['photo-editor']);
    await upgraded.query("DELETE FROM user_roles WHERE user_id = 'u2'");
    await upgraded.query("INSERT INTO user_roles (user_id, role) VALUES ('u2', 'publisher')");
    await upgraded.close();

    const again = await openDeskDatabase({ dataDir: dir });
    expect(await rolesOfUser(again, 'u2')).toEqual(['publisher']);
    await again.close();
  }, SLOW);

  it('refuses an account without a role or with one that does not exist, storing nothing', async () => {
    const db = await openDeskDatabase({ dataDir: join(dataDir, 'refusals') });
    const base = { name: 'Rae', email: 'rae@example.org', password: 'long enough password', desks: ['news'] };
    await expect(addUser(db, { ...base, roles: [] })).rejects.toThrow('Give the user at least one role.');
    await expect(addUser(db, { ...base, roles: ['reporter', 'chief'] })).rejects.toThrow(/chief.{0,3} is not a role; the roles are reporter, editor, photo-editor, publisher, admin\./);
    expect(await db.query('SELECT 1 FROM users')).toHaveLength(0);
    await db.close();
  }, SLOW);

  it('takes --role more than once on the command line', async () => {
    const env = { DESK_DATA_DIR: join(dataDir, 'cli'), DESK_DATABASE_URL: '', DESK_REDIS_URL: '' };
    const added = await runDeskCommand(['add-user', '--name', 'Pat Both', '--email', 'pat@example.org', '--role', 'reporter', '--role', 'publisher', '--desk', 'news'], env, 'long enough password\n');
    expect(added.output).toContain('Created Pat Both <pat@example.org> (reporter, publisher) on news.');
    expect(added.code).toBe(0);
    const refused = await runDeskCommand(['add-user', '--name', 'Max', '--email', 'max@example.org', '--role', 'chief', '--desk', 'news'], env, 'long enough password\n');
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('"chief" is not a role');
  }, SLOW);
});
