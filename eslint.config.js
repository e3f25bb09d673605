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
          { group: ['**/electron/**', '**/renderer/**', '**/tests/**', '**/server/**'], message: 'shared/ imports nothing from other layers.' },
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
      'no-restricted-imports': ['error', {
        paths: reactPaths,
        patterns: [
          { group: ['**/renderer/**', 'lexical', '@lexical/*'], message: 'Main never imports the renderer.' },
          { group: ['**/preload/**'], message: 'Main and preload share code only through shared/.' },
          { group: ['**/server/**'], message: 'Main reaches the desk server over the network, never by import.' },
        ],
      }],
    },
  },
  {
    // server/: the desk server, a Node program of its own. It shares only shared/ with the app.
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronPath, ...reactPaths],
        patterns: [
          { group: ['lexical', '@lexical/*', 'react-*'], message: 'The desk server holds Yjs documents, not editors.' },
          { group: ['**/electron/**', '**/renderer/**', '**/tests/**'], message: 'server/ imports only shared/ from the app.' },
        ],
      }],
    },
  },
);
