import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Electron 45's safeStorage as the fake `electron` module offers it. Like the real one, the async
 * encryptor writes the tag of the key it used in front of every ciphertext: on Linux "v11" for the
 * Secret Service (GNOME Keyring, KWallet) and "v10" for the fallback key built into Chromium, which
 * protects nothing. isAsyncEncryptionAvailable() says true either way once the app is ready (that is
 * all Electron's answers), and getSelectedStorageBackend() describes the *sync* backend, which can
 * disagree with what the async encryptor really uses. Tests set `mode` (and `syncBackend`):
 * - 'working': the Secret Service key ("v11");
 * - 'weak': the encryptor fell back to Chromium's built-in key ("v10");
 * - 'unavailable': no encryptor at all; availability is false and encrypting rejects.
 */

export type KeychainMode = 'working' | 'weak' | 'unavailable';
export type SyncBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

const TAGS: Record<Exclude<KeychainMode, 'unavailable'>, string> = { working: 'v11', weak: 'v10' };
/** One key per tag for the life of the process, so a "restart" reads back what was written. */
const KEYS: Record<string, Buffer> = { v10: randomBytes(32), v11: randomBytes(32) };

export function createFakeSafeStorage(isReady: () => boolean) {
  const notReady = (): Error => new Error('safeStorage cannot be used before the app is ready');
  const storage = {
    mode: 'working' as KeychainMode,
    syncBackend: 'gnome_libsecret' as SyncBackend,
    reset(): void {
      storage.mode = 'working';
      storage.syncBackend = 'gnome_libsecret';
    },
    isAsyncEncryptionAvailable: async (): Promise<boolean> => isReady() && storage.mode !== 'unavailable',
    getSelectedStorageBackend: (): SyncBackend => (isReady() ? storage.syncBackend : 'unknown'),
    async encryptStringAsync(plainText: string): Promise<Buffer> {
      if (!isReady()) throw notReady();
      if (storage.mode === 'unavailable') throw new Error('Error while encrypting the text provided to safeStorage.encryptStringAsync.');
      const tag = TAGS[storage.mode];
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', KEYS[tag]!, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from(tag, 'latin1'), iv, cipher.getAuthTag(), body]);
    },
    async decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
      if (!isReady()) throw notReady();
      const key = KEYS[encrypted.subarray(0, 3).toString('latin1')];
      if (!key || storage.mode === 'unavailable') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptStringAsync.');
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(3, 15));
      decipher.setAuthTag(encrypted.subarray(15, 31));
      const result = Buffer.concat([decipher.update(encrypted.subarray(31)), decipher.final()]).toString('utf8');
      // Like the real one: data under another key than the one in use now should be written again.
      return { result, shouldReEncrypt: encrypted.subarray(0, 3).toString('latin1') !== TAGS[storage.mode] };
    },
    // The deprecated sync API (isEncryptionAvailable, encryptString) is not offered: the app must not use it.
  };
  return storage;
}
