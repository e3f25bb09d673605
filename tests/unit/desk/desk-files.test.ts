import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../electron/main/services/compose';
import { openTestServices } from '../../support/test-services';
import { createTestSecretBox } from '../../fakes/secret-box';
import { SESSION_EXPIRED } from '../../../electron/main/services/desk/desk-service';

let dir = '';
let services: Services | null = null;

afterEach(async () => {
  await services?.close();
  services = null;
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the desk files in the library', () => {
  it('an unreadable session or shared-story file is set aside with its reason, and the app opens signed out', async () => {
    dir = await mkdtemp(join(tmpdir(), 'desk-files-'));
    await mkdir(join(dir, 'library', 'desk'), { recursive: true });
    await writeFile(join(dir, 'library', 'desk', 'session.json'), '{"format": 1, "serverUrl": ');
    await writeFile(join(dir, 'library', 'desk', 'shared.json'), JSON.stringify({ format: 1, stories: [{ articleId: 'NOT AN ID' }] }));
    services = await openTestServices(dir);
    expect(services.desk.status()).toMatchObject({ state: 'signed-out', serverUrl: null, unsyncedStories: 0 });
    const quarantined = await readdir(join(dir, 'library', 'quarantine'));
    expect(quarantined.some((name) => name.endsWith('session.json'))).toBe(true);
    expect(quarantined.some((name) => name.endsWith('shared.json'))).toBe(true);
  });

  it('a token the keychain can no longer decrypt asks for a new sign-in, keeping the address', async () => {
    dir = await mkdtemp(join(tmpdir(), 'desk-files-'));
    await mkdir(join(dir, 'library', 'desk'), { recursive: true });
    const user = { id: 'u', name: 'Ana', email: 'ana@example.org', role: 'editor' };
    const signedIn = { token: Buffer.from('sealed by another keychain').toString('base64'), expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user, desk: { id: 'news', name: 'News' } };
    await writeFile(join(dir, 'library', 'desk', 'session.json'), JSON.stringify({ format: 1, serverUrl: 'http://127.0.0.1:9', signedIn }));
    services = await openTestServices(dir, { secretBox: createTestSecretBox() });
    expect(services.desk.status()).toMatchObject({ state: 'signed-out', serverUrl: 'http://127.0.0.1:9' });
    expect(services.desk.status().message).toMatch(/could not be read from the keychain/);
  });

  it('a session written before desks could be chosen (no desks field) loads, its one desk being the user’s desks', async () => {
    dir = await mkdtemp(join(tmpdir(), 'desk-files-'));
    await mkdir(join(dir, 'library', 'desk'), { recursive: true });
    const sealed = (await createTestSecretBox().encryptStringAsync('header.payload.signature')).toString('base64');
    const user = { id: 'u', name: 'Ana', email: 'ana@example.org', role: 'editor' };
    const signedIn = { token: sealed, expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user, desk: { id: 'news', name: 'News' } };
    await writeFile(join(dir, 'library', 'desk', 'session.json'), JSON.stringify({ format: 1, serverUrl: 'http://127.0.0.1:9', signedIn }));
    services = await openTestServices(dir, { secretBox: createTestSecretBox() });
    expect(services.desk.status().state).not.toBe('signed-out');
    expect(services.desk.status()).toMatchObject({ desk: { id: 'news', name: 'News' }, desks: [{ id: 'news', name: 'News' }], message: null });
    expect(services.desk.session()).toMatchObject({ token: 'header.payload.signature', desk: { id: 'news' }, desks: [{ id: 'news', name: 'News' }] });
  });

  it('choosing a desk while signed out is refused with a sentence', async () => {
    dir = await mkdtemp(join(tmpdir(), 'desk-files-'));
    services = await openTestServices(dir);
    await expect(services.desk.chooseDesk('sport')).rejects.toThrow(/not connected to a desk: sign in under Preferences › Desk/);
  });

  it('sharing, listing and searching without a desk session are refused with a sentence', async () => {
    dir = await mkdtemp(join(tmpdir(), 'desk-files-'));
    services = await openTestServices(dir);
    const article = await services.drafts.create({});
    await expect(services.desk.share(article.id)).rejects.toThrow(/not connected to a desk: sign in under Preferences › Desk/);
    await expect(services.desk.stories()).rejects.toThrow(/not connected to a desk/);
    await expect(services.desk.search('harbour')).rejects.toThrow(/not connected to a desk/);
  });

  it('a session the disk refuses to keep is reported in a sentence and leaves the app signed out', async () => {
    dir = await mkdtemp(join(tmpdir(), 'desk-files-'));
    const answer = {
      token: 'header.payload.signature', expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      user: { id: 'u', name: 'Ana', email: 'ana@example.org', role: 'editor' }, desks: [{ id: 'news', name: 'News' }],
    };
    // The desk's answer is not what is under test here (a local server gives it): the library refusing the session is.
    const deskAnswers = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(answer));
    });
    await new Promise<void>((resolve) => deskAnswers.listen(0, '127.0.0.1', resolve));
    try {
      services = await openTestServices(dir);
      // A folder where the session file goes: the rename over it fails, as a broken disk would.
      await mkdir(join(dir, 'library', 'desk', 'session.json', 'in-the-way'), { recursive: true });
      const serverUrl = `http://127.0.0.1:${(deskAnswers.address() as AddressInfo).port}`;
      await expect(services.desk.signIn({ serverUrl, email: 'ana@example.org', password: 'secret' }))
        .rejects.toThrow(/The desk session could not be saved in the library .*, so Newsdesk did not sign in\./);
      expect(services.desk.status()).toMatchObject({ state: 'signed-out', user: null });
    } finally {
      deskAnswers.closeAllConnections();
      await new Promise((resolve) => deskAnswers.close(resolve));
    }
  });

  it('a library open read-only elsewhere is not written when its stored session has expired', async () => {
    dir = await mkdtemp(join(tmpdir(), 'desk-files-'));
    services = await openTestServices(dir);
    const sealed = (await createTestSecretBox().encryptStringAsync('header.payload.signature')).toString('base64');
    const user = { id: 'u', name: 'Ana', email: 'ana@example.org', role: 'editor' };
    const file = JSON.stringify({ format: 1, serverUrl: 'http://127.0.0.1:9', signedIn: { token: sealed, expiresAt: new Date(Date.now() - 1000).toISOString(), user, desk: { id: 'news', name: 'News' } } });
    await writeFile(join(dir, 'library', 'desk', 'session.json'), file);
    // The first services hold the library's lock: these open it read-only.
    const second = await openTestServices(dir);
    try {
      expect(second.access.readOnly).not.toBeNull();
      expect(second.desk.status()).toMatchObject({ state: 'signed-out', message: SESSION_EXPIRED });
      await second.desk.close();
      expect(await readFile(join(dir, 'library', 'desk', 'session.json'), 'utf8')).toBe(file);
    } finally {
      await second.close();
    }
  });
});

