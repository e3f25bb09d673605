import type { SafeStorage } from 'electron';
import { UserFacingError } from '../../../shared/model/errors';
import type { SecretBox } from '../services/publishing/targets/secret-box';
import { NO_KEYCHAIN_MESSAGE } from '../services/publishing/targets/targets-store';
import { messageOf } from '../../../shared/model/errors';

/**
 * safeStorage as the publishing secrets' box, through the asynchronous API only (the sync one is
 * deprecated in Electron 45 and gone in 46), and judged by what that API really does.
 *
 * On Linux the async encryptor takes the best key provider that works: the Secret Portal, the
 * Secret Service (GNOME Keyring, KWallet), and otherwise a fallback key built into Chromium, which
 * is obfuscation, not protection. Its own availability signal cannot tell them apart:
 * isAsyncEncryptionAvailable() resolves true as soon as the encryptor exists, whichever key it
 * has. getSelectedStorageBackend() cannot either: it describes the *sync* backend, which picks its
 * key by other rules (the desktop's name), so it may say "gnome_libsecret" while the encryptor fell
 * back, or "basic_text" while the Secret Service works.
 *
 * What the encryptor used is written on every ciphertext: Chromium puts the key provider's tag in
 * front, and "v10" on Linux is the built-in key (os_crypt's PosixKeyProvider; the Secret Service's
 * is "v11"). So the check encrypts a probe through the very call that stores
 * secrets, and every secret's own ciphertext is checked again before it is handed out for
 * storage: the check and the storage cannot disagree. On macOS and Windows "v10" is the Keychain
 * or DPAPI key, so the tag is not read there.
 */

/** The tag of Chromium's built-in key on Linux (PBKDF2 of a constant password). */
const BUILT_IN_KEY_TAG = 'v10';
const PROBE = 'newsdesk keychain probe';

type AsyncSafeStorage = Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync'>;

export function keychainSecretBox(safeStorage: AsyncSafeStorage, platform: NodeJS.Platform): SecretBox {
  const weak = (encrypted: Buffer): boolean => platform === 'linux' && encrypted.subarray(0, 3).toString('latin1') === BUILT_IN_KEY_TAG;
  return {
    async isAsyncEncryptionAvailable() {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) return false;
      try {
        return !weak(await safeStorage.encryptStringAsync(PROBE));
      } catch {
        return false;
      }
    },
    async encryptStringAsync(plainText) {
      let encrypted: Buffer;
      try {
        encrypted = await safeStorage.encryptStringAsync(plainText);
      } catch (error) {
        const detail = messageOf(error);
        throw new UserFacingError('io', `The system keychain did not encrypt the password (${detail}), so Newsdesk did not store it.`);
      }
      // The encryptor can change keys between the check and this call (the keyring locked, the
      // Secret Service gone): a secret under the built-in key is never stored.
      if (weak(encrypted)) throw new UserFacingError('invalid-request', NO_KEYCHAIN_MESSAGE);
      return encrypted;
    },
    decryptStringAsync: async (encrypted) => {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(encrypted);
      return { result, shouldReEncrypt };
    },
  };
}
