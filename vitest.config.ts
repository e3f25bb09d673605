import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// Unit and crash tests run in Node. `electron` resolves to a fake: the real package only holds the
// path to a binary (and would try to download it), and the shell's logic is tested against the fake.
export default defineConfig({
  resolve: { alias: { electron: resolve('tests/fakes/electron.ts') } },
  test: {
    include: [
      'tests/unit/**/*.test.ts',
      'tests/unit/**/*.test.tsx',
      'tests/crash/**/*.test.ts',
      // Against a real WordPress started by tests/wordpress/ (skipped with a reason where it is not installed).
      'tests/integration/**/*.test.ts',
      'tests/faults/**/*.test.ts',
      // Proof that the app is locked down: Electronegativity, webPreferences and CSP, IPC fuzz, hostile input.
      'tests/security/**/*.test.ts',
      // The desk server against real PostgreSQL and Redis (skipped with a reason where they are missing).
      'tests/desk/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
