// Lint rules, above all the layering of the app: which folder may import what. The build's test
// step runs `eslint`, so a forbidden import fails CI rather than relying on reviewers' memory.
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises',
  'http', 'http2', 'https', 'module', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream',
  'tls', 'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib',
];
const nodePatterns = [{ group: ['node:*'], message: 'Node modules belong to electron/main services.' }];
const builtinPaths = NODE_BUILTINS.map((name) => ({ name, message: 'Node modules belong to electron/main services.' }));
const electronPath = { name: 'electron', message: 'Only the Electron shell (electron/) may import electron.' };
const reactPaths = ['react', 'react-dom', 'react-dom/client'].map((name) => ({ name, message: 'React belongs to renderer/.' }));
const mainPatterns = [
  { group: ['**/renderer/**', 'lexical', '@lexical/*'], message: 'Main never imports the renderer.' },
  { group: ['**/preload/**'], message: 'Main and preload share code only through shared/.' },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // shared/: pure TypeScript. No DOM, no Node, no Electron, no React, no other layer.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronPath, ...reactPaths, ...builtinPaths],
        patterns: [
          ...nodePatterns,
          { group: ['lexical', '@lexical/*', 'react-*'], message: 'shared/ holds pure rules; the editor lives in renderer/.' },
          { group: ['**/electron/**', '**/renderer/**', '**/tests/**'], message: 'shared/ imports nothing from other layers.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage',
        'HTMLElement', 'DOMParser', 'fetch', 'process', 'require', 'Buffer', '__dirname'],
    },
  },
  {
    // renderer/: the page. Never Electron or Node; reaches main only through window.newsdesk.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronPath, ...builtinPaths],
        patterns: [
          ...nodePatterns,
          { group: ['**/electron/**'], message: 'The renderer talks to main only through the contract (renderer/src/api).' },
        ],
      }],
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname'],
    },
  },
  {
    // Exactly one renderer module touches window.newsdesk.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/src/api/newsdesk.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'window', property: 'newsdesk', message: 'Use renderer/src/api/newsdesk.ts.' }],
    },
  },
  {
    // electron/preload: builds window.newsdesk from the contract; only shared/ and electron.
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...reactPaths, ...builtinPaths],
        patterns: [
          ...nodePatterns,
          { group: ['lexical', '@lexical/*', '*/main/*', '**/main/**', '**/renderer/**'], message: 'The preload may import only shared/ and electron.' },
        ],
      }],
    },
  },
  {
    // electron/main: never the renderer (and never React or Lexical).
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: reactPaths, patterns: mainPatterns }],
    },
  },
  {
    // Services are plain Node modules that know nothing of IPC: domain types and errors come from
    // shared/model. Only each domain's <domain>-handlers.ts speaks the contract. (A later block
    // replaces the rule's options, so main's own patterns are repeated here.)
    files: ['electron/main/services/**/*.ts'],
    ignores: ['electron/main/services/**/*-handlers.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: reactPaths,
        patterns: [
          ...mainPatterns,
          { group: ['**/shared/ipc', '**/shared/ipc/**'], message: 'Services import no shared/ipc: take domain types and errors from shared/model; only *-handlers.ts use the contract.' },
        ],
      }],
    },
  },
);
