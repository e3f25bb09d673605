import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchResponseSchema } from '../../shared/desk/desk-protocol';
import { bodyOf, bodyText, connectClient, login, until, type DeskClient } from './support/desk-clients';
import { freePort, runDeskCommand, startDeskProcess, type DeskProcess } from './support/desk-process';

// The one-machine desk: `npm run desk-server` with no configuration, on the embedded PGlite.
// PGlite is an npm dependency, so this runs everywhere (no system packages, nothing skipped).
let dataDir: string;
let desk: DeskProcess | undefined;
const clients: DeskClient[] = [];
// PGlite compiles PostgreSQL's WebAssembly and runs initdb on first start: tens of seconds on a
// loaded machine, so this file allows minutes.
const SLOW = 300_000;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'desk-embedded-'));
}, SLOW);
afterAll(async () => {
  for (const client of clients) client.destroy();
  await desk?.stop();
  await rm(dataDir, { recursive: true, force: true });
}, SLOW);

describe('the desk server with no configuration', () => {
  it('creates an account from the command line, serves, persists across a restart, and searches', async () => {
    const env = { DESK_DATA_DIR: join(dataDir, 'desk'), DESK_DATABASE_URL: '', DESK_REDIS_URL: '' };
    const refused = await runDeskCommand(['add-user', '--name', 'Ana', '--email', 'not-an-email', '--role', 'editor', '--desk', 'news'], env, 'long enough password\n');
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('That is not an email address.');
    const added = await runDeskCommand(['add-user', '--name', 'Ana Editor', '--email', 'ana@example.org', '--role', 'editor', '--desk', 'news'], env, 'long enough password\n');
    expect(added.output).toContain('Created Ana Editor <ana@example.org> (editor) on news.');
    expect(added.code).toBe(0);

    const port = await freePort();
    desk = await startDeskProcess(env, port);
    expect(desk.output()).toContain(`Give the desktops this address (Preferences › Desk): http://127.0.0.1:${port}`);
    expect(desk.output()).toContain('embedded PGlite');
    const { token } = await login(desk.url, 'ana@example.org', 'long enough password');
    const ana = connectClient(desk.webSocketUrl, 'news', 'embedded', token);
    clients.push(ana);
    await until(() => ana.provider.isSynced, 'synced', 60_000);
    bodyText(ana.doc).insert(0, 'Harbour strike ends after talks');
    await until(() => ana.provider.unsyncedChanges === 0, 'acknowledged', 60_000);
    await until(async () => {
      const response = await fetch(`${desk?.url}/api/desks/news/search?q=harbour`, { headers: { Authorization: `Bearer ${token}` } });
      return searchResponseSchema.parse(await response.json()).stories.length === 1;
    }, 'the story in the archive', 60_000);
    ana.destroy();

    await desk.stop();
    desk = await startDeskProcess(env, port);
    const again = connectClient(desk.webSocketUrl, 'news', 'embedded', token);
    clients.push(again);
    await until(() => bodyOf(again.doc) === 'Harbour strike ends after talks', 'the story after a restart', 60_000);
  }, SLOW);
});
