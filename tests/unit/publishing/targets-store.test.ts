import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NO_KEYCHAIN_MESSAGE, openTargetsStore } from '../../../electron/main/services/publishing/targets/targets-store';
import { createTestSecretBox } from '../../fakes/secret-box';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function libraryDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-targets-'));
  dirs.push(dir);
  return dir;
}

/** Every file under `dir` (the whole library), as text: a secret must be in none of them. */
async function everyFileText(dir: string): Promise<string> {
  const names = await readdir(dir, { recursive: true });
  const texts: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    if ((await stat(path)).isFile()) texts.push(await readFile(path, 'utf8'));
  }
  return texts.join('\n');
}

const PASSWORD = 'abcd EFGH 1234 ijkl MNOP 5678';
const site = { kind: 'wordpress' as const, name: 'The Daily', siteUrl: 'https://daily.example.com', user: 'editor' };

describe('publish targets on disk', () => {
  it('keeps the password encrypted in its own file, never in the clear, and reads it back after a reopen', async () => {
    const dir = await libraryDir();
    const box = createTestSecretBox();
    const store = await openTargetsStore(dir, box);
    const saved = await store.save({ ...site, secret: PASSWORD });
    expect(saved).toEqual({ ...site, id: expect.stringMatching(/^t-[a-z0-9]+$/), hasSecret: true });
    expect(JSON.stringify(store.list())).not.toContain(PASSWORD);
    expect(JSON.stringify(store.get(saved.id))).not.toContain(PASSWORD);

    const onDisk = await everyFileText(dir);
    expect(onDisk).not.toContain(PASSWORD);
    expect(onDisk).not.toContain(Buffer.from(PASSWORD).toString('base64'));
    const secrets = JSON.parse(await readFile(join(dir, 'publishing', 'secrets.json'), 'utf8')) as { secrets: Record<string, string> };
    const ciphertext = Buffer.from(secrets.secrets[saved.id]!, 'base64');
    expect(ciphertext.length).toBeGreaterThan(PASSWORD.length);
    expect((await box.decryptStringAsync(ciphertext)).result).toBe(PASSWORD);
    const targets = await readFile(join(dir, 'publishing', 'targets.json'), 'utf8');
    expect(targets).toContain('daily.example.com');
    expect(targets).not.toContain('secret');

    await store.close();
    const reopened = await openTargetsStore(dir, box);
    expect(reopened.list()).toEqual([saved]);
    expect(await reopened.secretOf(saved.id)).toBe(PASSWORD);
    expect(reopened.quarantined()).toEqual([]);
  });

  it('keeps the secret when the form sends none, replaces it when typed, and removes it on null', async () => {
    const store = await openTargetsStore(await libraryDir(), createTestSecretBox());
    const { id } = await store.save({ ...site, secret: PASSWORD });
    expect(await store.save({ ...site, id, name: 'Renamed' })).toMatchObject({ name: 'Renamed', hasSecret: true });
    expect(await store.save({ ...site, id, secret: '   ' })).toMatchObject({ hasSecret: true });
    expect(await store.secretOf(id)).toBe(PASSWORD);
    await store.save({ ...site, id, secret: 'new password' });
    expect(await store.secretOf(id)).toBe('new password');
    expect(await store.save({ ...site, id, secret: null })).toMatchObject({ hasSecret: false });
    expect(await store.secretOf(id)).toBeNull();
  });

  it('refuses a typed secret when the OS has no keychain, and stores nothing in the clear', async () => {
    const dir = await libraryDir();
    const store = await openTargetsStore(dir, createTestSecretBox({ available: false }));
    await expect(store.save({ ...site, secret: PASSWORD })).rejects.toMatchObject({ message: NO_KEYCHAIN_MESSAGE });
    expect(store.list()).toEqual([]);
    expect(await everyFileText(dir)).not.toContain(PASSWORD);
    // A target without a secret can still be saved (the password may be typed once a keychain exists).
    expect(await store.save(site)).toMatchObject({ hasSecret: false });
  });

  it('removes a target with its secret, and refuses unknown ids', async () => {
    const dir = await libraryDir();
    const store = await openTargetsStore(dir, createTestSecretBox());
    const feed = await store.save({ kind: 'ninjs', name: 'Wire', url: 'https://wire.example.com/in', ninjsVersion: '2.2', secret: 'token-123' });
    const wp = await store.save({ ...site, secret: PASSWORD });
    expect(store.list().map((target) => target.id)).toEqual([feed.id, wp.id]);
    await store.remove(feed.id);
    expect(store.list().map((target) => target.id)).toEqual([wp.id]);
    expect(await store.secretOf(feed.id)).toBeNull();
    const secrets = JSON.parse(await readFile(join(dir, 'publishing', 'secrets.json'), 'utf8')) as { secrets: Record<string, string> };
    expect(Object.keys(secrets.secrets)).toEqual([wp.id]);
    await expect(store.remove(feed.id)).rejects.toMatchObject({ code: 'not-found' });
    await expect(store.save({ ...site, id: 't-doesnotexist' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('moves unreadable files to the quarantine with the reason and starts without them', async () => {
    const dir = await libraryDir();
    const store = await openTargetsStore(dir, createTestSecretBox());
    await store.save({ ...site, secret: PASSWORD });
    await writeFile(join(dir, 'publishing', 'targets.json'), '{"format":1,"targets":[{"kind":"wordpress"');
    await writeFile(join(dir, 'publishing', 'secrets.json'), '{"format":1,"secrets":{"t-zzzzzzzz":"not base64!"}}');
    const reopened = await openTargetsStore(dir, createTestSecretBox());
    expect(reopened.list()).toEqual([]);
    const quarantined = reopened.quarantined();
    expect(quarantined.map((entry) => entry.file).sort()).toEqual([join('publishing', 'secrets.json'), join('publishing', 'targets.json')]);
    expect(quarantined.find((entry) => entry.file.endsWith('targets.json'))?.reason).toMatch(/not valid JSON/);
    expect(await readdir(join(dir, 'quarantine'))).toHaveLength(4); // each file and its reason
  });

  it('says clearly when a stored secret cannot be decrypted', async () => {
    const dir = await libraryDir();
    const store = await openTargetsStore(dir, createTestSecretBox());
    const { id } = await store.save({ ...site, secret: PASSWORD });
    const brokenBox = { ...createTestSecretBox(), decryptStringAsync: async () => Promise.reject(new Error('bad key')) };
    const reopened = await openTargetsStore(dir, brokenBox);
    await expect(reopened.secretOf(id)).rejects.toThrow(/could not be decrypted.*enter it again/);
  });
});
