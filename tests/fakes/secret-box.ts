import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretBox } from '../../electron/main/services/publishing/targets/secret-box';

/**
 * Stands in for Electron's safeStorage where there is no Electron (unit tests, the browser harness,
 * benchmarks): AES-256-GCM with a key held in memory for the life of the process, so secrets on disk
 * are as unreadable as the real thing makes them, and the same box reads them back after a "restart".
 */
const PROCESS_KEY = randomBytes(32);

/** `key` stands for a keychain that outlives the process (a child killed and started again reads its secrets back). */
export function createTestSecretBox(options: { available?: boolean; key?: Buffer } = {}): SecretBox {
  const available = options.available ?? true;
  const key = options.key ?? PROCESS_KEY;
  return {
    isAsyncEncryptionAvailable: async () => available,
    async encryptStringAsync(plainText) {
      if (!available) throw new Error('Encryption is not available');
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    async decryptStringAsync(encrypted) {
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      const result = Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
      return { result, shouldReEncrypt: false };
    },
  };
}
