import { describe, expect, it } from 'vitest';
import { keychainSecretBox } from '../../../electron/main/security/keychain';

type Backend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

function fakeSafeStorage(available: boolean, backend: Backend) {
  return {
    isAsyncEncryptionAvailable: async () => available,
    encryptStringAsync: async (text: string) => Buffer.from(`enc:${text}`),
    decryptStringAsync: async (data: Buffer) => ({ result: data.toString().slice(4), shouldReEncrypt: false }),
    getSelectedStorageBackend: (): Backend => backend,
  };
}

describe('keychainSecretBox', () => {
  it('refuses to count Linux\'s built-in fallback key as a keychain', async () => {
    expect(await keychainSecretBox(fakeSafeStorage(true, 'basic_text'), 'linux').isAsyncEncryptionAvailable()).toBe(false);
    expect(await keychainSecretBox(fakeSafeStorage(true, 'gnome_libsecret'), 'linux').isAsyncEncryptionAvailable()).toBe(true);
  });

  it('trusts the OS keychain on macOS and Windows, and nothing when safeStorage says it is unavailable', async () => {
    expect(await keychainSecretBox(fakeSafeStorage(true, 'unknown'), 'darwin').isAsyncEncryptionAvailable()).toBe(true);
    expect(await keychainSecretBox(fakeSafeStorage(false, 'gnome_libsecret'), 'linux').isAsyncEncryptionAvailable()).toBe(false);
  });

  it('encrypts and decrypts through safeStorage', async () => {
    const box = keychainSecretBox(fakeSafeStorage(true, 'kwallet6'), 'linux');
    expect((await box.decryptStringAsync(await box.encryptStringAsync('app password'))).result).toBe('app password');
  });
});
