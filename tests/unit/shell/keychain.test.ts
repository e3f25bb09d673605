import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keychainSecretBox } from '../../../electron/main/security/keychain';
import { NO_KEYCHAIN_MESSAGE, openTargetsStore, type TargetsStore } from '../../../electron/main/services/publishing/targets/targets-store';
import { app, resetFakeElectron, safeStorage } from '../../fakes/electron';

// The keychain box over the fake safeStorage, which behaves as Electron 45's: the async encryptor
// marks each ciphertext with the key it used ("v11" Secret Service, "v10" Chromium's built-in key on
// Linux), isAsyncEncryptionAvailable() is true whichever key that is, and getSelectedStorageBackend()
// describes the sync backend, which may disagree. Each case goes through the targets store, so what
// is checked is what a person sees: the password stored, or refused with the message.

let dir: string;
let stores: TargetsStore[] = [];

async function storeWith(platform: NodeJS.Platform = 'linux'): Promise<TargetsStore> {
  const targets = await openTargetsStore(dir, keychainSecretBox(safeStorage as never, platform));
  stores.push(targets);
  return targets;
}
const site = { kind: 'wordpress', name: 'Site', siteUrl: 'https://news.example.com', user: 'editor', secret: 'app password' } as const;
const stored = async (): Promise<string> => readFile(join(dir, 'publishing', 'secrets.json'), 'utf8').catch(() => '');

beforeEach(async () => {
  resetFakeElectron();
  await app.simulateReady();
  dir = await mkdtemp(join(tmpdir(), 'newsdesk-keychain-'));
});
afterEach(async () => {
  await Promise.all(stores.map((targets) => targets.close()));
  stores = [];
  await rm(dir, { recursive: true, force: true });
});

describe('keychain on Linux', () => {
  it('stores a password under the Secret Service key, and reads it back', async () => {
    safeStorage.mode = 'working';
    const targets = await storeWith();
    const saved = await targets.save(site);
    expect(saved.hasSecret).toBe(true);
    expect(await targets.secretOf(saved.id)).toBe('app password');
    expect(await stored()).toContain('"secrets"');
    expect(await stored()).not.toContain('app password');
  });

  it('refuses a password the encryptor would keep under Chromium’s built-in key, even though the sync backend names a keyring', async () => {
    safeStorage.mode = 'weak';
    safeStorage.syncBackend = 'gnome_libsecret';
    const targets = await storeWith();
    await expect(targets.save(site)).rejects.toThrow(NO_KEYCHAIN_MESSAGE);
    expect(await stored()).not.toMatch(/"t-/);
  });

  it('uses a working Secret Service even when the sync backend says basic_text', async () => {
    safeStorage.mode = 'working';
    safeStorage.syncBackend = 'basic_text';
    const targets = await storeWith();
    expect((await targets.save(site)).hasSecret).toBe(true);
  });

  it('refuses the password with the message when there is no encryption at all', async () => {
    safeStorage.mode = 'unavailable';
    const targets = await storeWith();
    await expect(targets.save(site)).rejects.toThrow(NO_KEYCHAIN_MESSAGE);
  });

  it('never stores under the built-in key, even if the encryptor fell back after the check', async () => {
    safeStorage.mode = 'working';
    const box = keychainSecretBox(safeStorage as never, 'linux');
    expect(await box.isAsyncEncryptionAvailable()).toBe(true);
    safeStorage.mode = 'weak';
    await expect(box.encryptStringAsync('app password')).rejects.toThrow(NO_KEYCHAIN_MESSAGE);
  });
});

describe('keychain on macOS and Windows', () => {
  it('trusts the system key ("v10" there is the Keychain or DPAPI key)', async () => {
    safeStorage.mode = 'weak';
    for (const platform of ['darwin', 'win32'] as const) {
      expect(await keychainSecretBox(safeStorage as never, platform).isAsyncEncryptionAvailable(), platform).toBe(true);
    }
  });

  it('says it is unavailable, and storing fails with a readable reason, when safeStorage cannot encrypt', async () => {
    safeStorage.mode = 'unavailable';
    const box = keychainSecretBox(safeStorage as never, 'darwin');
    expect(await box.isAsyncEncryptionAvailable()).toBe(false);
    await expect(box.encryptStringAsync('x')).rejects.toThrow(/system keychain did not encrypt the password/);
  });
});
