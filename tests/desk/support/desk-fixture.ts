import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addUser } from '../../../server/accounts';
import { startDeskServer, type DeskServerOptions, type RunningDeskServer } from '../../../server/desk-server';
import { login } from './desk-clients';

/** Two editors on the news desk and one on sport, each with a signed-in token. */
export const PEOPLE = {
  ana: { name: 'Ana Editor', email: 'ana@example.org', role: 'editor', desks: ['news'] },
  bo: { name: 'Bo Photo', email: 'bo@example.org', role: 'photo', desks: ['news'] },
  cy: { name: 'Cy Sport', email: 'cy@example.org', role: 'editor', desks: ['sport'] },
} as const;
export const PASSWORD = 'correct horse battery staple';

export interface DeskFixture {
  server: RunningDeskServer;
  tokens: Record<keyof typeof PEOPLE, string>;
  dataDir: string;
  stop(): Promise<void>;
}

export async function addPeople(server: RunningDeskServer): Promise<void> {
  for (const person of Object.values(PEOPLE)) await addUser(server.db, { ...person, desks: [...person.desks], password: PASSWORD });
}

export async function signIn(url: string): Promise<DeskFixture['tokens']> {
  return {
    ana: (await login(url, PEOPLE.ana.email, PASSWORD)).token,
    bo: (await login(url, PEOPLE.bo.email, PASSWORD)).token,
    cy: (await login(url, PEOPLE.cy.email, PASSWORD)).token,
  };
}

/** A desk server in this process (embedded PGlite unless a database URL is given), on a free port. */
export async function startDeskFixture(options: Partial<DeskServerOptions> = {}, withPeople = true): Promise<DeskFixture> {
  const dataDir = await mkdtemp(join(tmpdir(), 'desk-test-'));
  const server = await startDeskServer({ port: 0, host: '127.0.0.1', dataDir: join(dataDir, 'db'), storeDebounceMs: 200, ...options });
  if (withPeople) await addPeople(server);
  const tokens = withPeople ? await signIn(server.url) : { ana: '', bo: '', cy: '' };
  return {
    server, tokens, dataDir,
    async stop() {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
