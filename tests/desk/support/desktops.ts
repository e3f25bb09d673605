import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { openDeskDatabase } from '../../../server/db/database';
import { addUser, type NewUser } from '../../../server/accounts';
import type { Services } from '../../../electron/main/services/compose';
import type { DeskEventName, DeskEvents } from '../../../shared/model/desk';
import { openTestServices } from '../../support/test-services';
import { startPostgres, type RealService } from '../services/real-services';
import { freePort, startDeskProcess, type DeskProcess } from './desk-process';
import { PASSWORD, PEOPLE } from './desk-fixture';

/**
 * The desktop's side of the desk tests: a real desk server as its own process on a real PostgreSQL
 * (so a test can stop it, `kill -9` it and start it again on the same port and database), and app
 * instances, each its own main services on its own data folder, signed in to it.
 */
export const TOKEN_SECRET = 'desk-desktops-test-secret-0123456789abcdef';

export interface DeskUnderTest {
  url: string;
  /** The server's PostgreSQL, for a test that changes the desk behind the desktops' backs. */
  databaseUrl: string;
  process(): DeskProcess;
  /** Stops the server (SIGTERM, or SIGKILL with `hard`). */
  stop(hard?: boolean): Promise<void>;
  /** Starts it again on the same port and database. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * `moreRoles`: roles some of PEOPLE hold beside their own (e.g. a photo editor who also publishes);
 * `morePeople`: accounts beside PEOPLE (say, one on two desks), with PASSWORD unless given.
 */
export async function startDeskUnderTest(
  moreRoles: Partial<Record<keyof typeof PEOPLE, string[]>> = {},
  morePeople: Omit<NewUser, 'password'>[] = [],
): Promise<DeskUnderTest> {
  const postgres: RealService = await startPostgres();
  const scratch = await mkdtemp(join(tmpdir(), 'desk-desktops-'));
  const db = await openDeskDatabase({ url: postgres.url, dataDir: scratch });
  for (const [who, person] of Object.entries(PEOPLE)) {
    await addUser(db, { ...person, roles: moreRoles[who as keyof typeof PEOPLE] ?? [], desks: [...person.desks], password: PASSWORD });
  }
  for (const person of morePeople) await addUser(db, { ...person, password: PASSWORD });
  await db.close();
  const port = await freePort();
  const env = { DESK_DATABASE_URL: postgres.url, DESK_TOKEN_SECRET: TOKEN_SECRET, DESK_DATA_DIR: scratch };
  let running: DeskProcess | null = await startDeskProcess(env, port);
  return {
    url: running.url,
    databaseUrl: postgres.url,
    process: () => {
      if (!running) throw new Error('The desk server is stopped.');
      return running;
    },
    async stop(hard = false) {
      await (hard ? running?.kill9() : running?.stop());
      running = null;
    },
    async restart() {
      running = await startDeskProcess(env, port);
    },
    async close() {
      await running?.stop();
      await postgres.stop();
      await rm(scratch, { recursive: true, force: true });
    },
  };
}

export interface Desktop {
  services: Services;
  dir: string;
  /** Desk events main sent to the windows, in order. */
  events: { event: DeskEventName; payload: DeskEvents[DeskEventName] }[];
  close(): Promise<void>;
}

export async function openDesktop(dir?: string, overrides: Parameters<typeof openTestServices>[1] = {}): Promise<Desktop> {
  const dataDir = dir ?? (await mkdtemp(join(tmpdir(), 'desk-desktop-')));
  const events: Desktop['events'] = [];
  const services = await openTestServices(dataDir, {
    onDeskEvent: (event, payload) => void events.push({ event, payload }),
    ...overrides,
  });
  return { services, dir: dataDir, events, close: async () => void (await services.close()) };
}

/**
 * An editor attached to a story the way a window is: its own Y.Doc, started from main's state, whose
 * every change goes to main through story-docs `apply` with the window's session as origin, and which
 * takes main's changes from others.
 */
export interface WindowEditor {
  doc: Y.Doc;
  detach(): void;
}

export async function attachWindow(services: Services, id: string, session: string): Promise<WindowEditor> {
  const key = { id, part: 'body' };
  const opened = await services.storyDocs.open(key, session);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(opened.state, 'base64'), 'main');
  const main = services.storyDocs.get(key);
  if (!main) throw new Error('main holds no document for the story');
  const fromMain = (update: Uint8Array, origin: unknown): void => {
    if (origin !== session) Y.applyUpdate(doc, update, 'main');
  };
  main.on('update', fromMain);
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'main') void services.storyDocs.apply(key, update, session);
  });
  return {
    doc,
    detach() {
      main.off('update', fromMain);
      void services.storyDocs.close(key, session);
    },
  };
}

export const bodyOf = (doc: Y.Doc): string => doc.get('root', Y.XmlText).toString();
export const metaOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('meta');

export async function signIn(desktop: Desktop, url: string, who: keyof typeof PEOPLE, password = PASSWORD): Promise<void> {
  await desktop.services.desk.signIn({ serverUrl: url, email: PEOPLE[who].email, password });
}
