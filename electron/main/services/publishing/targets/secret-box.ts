/**
 * Encrypts publishing secrets (application passwords, bearer tokens) at rest. In the app this is
 * Electron's safeStorage, which keeps the key in the OS keychain (Keychain, DPAPI, libsecret); the
 * method names are safeStorage's own so it can be passed in as it is.
 */
export interface SecretBox {
  /** False when the OS offers no keychain: secrets are then refused rather than stored in the clear. */
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
}
