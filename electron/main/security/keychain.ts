import type { SafeStorage } from 'electron';
import type { SecretBox } from '../services/publishing/secret-box';

/**
 * safeStorage as the publishing secrets' box. On Linux without a keyring (no libsecret or KWallet)
 * Electron falls back to "basic_text": a key built into Chromium, which is obfuscation, not
 * protection. Newsdesk then reports encryption as unavailable, so a password is refused with a
 * message instead of being stored under a key anyone can read.
 */
export function keychainSecretBox(
  safeStorage: Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'>,
  platform: NodeJS.Platform,
): SecretBox {
  return {
    async isAsyncEncryptionAvailable() {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) return false;
      return platform !== 'linux' || !['basic_text', 'unknown'].includes(safeStorage.getSelectedStorageBackend());
    },
    encryptStringAsync: (plainText) => safeStorage.encryptStringAsync(plainText),
    decryptStringAsync: async (encrypted) => {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(encrypted);
      return { result, shouldReEncrypt };
    },
  };
}
