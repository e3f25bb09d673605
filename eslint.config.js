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
  { group: ['**/server/**'], message: 'Main reaches the desk server over the network, never by import.' },
];
// Native image and settings libraries load only in main: in the page or the preload they would
// either fail to load (sandbox) or pull Node into a layer that must not have it.
const MAIN_ONLY_MESSAGE = 'sharp, exifr, electron-store and conf run only in electron/main.';
const mainOnlyPaths = ['sharp', 'exifr', 'electron-store', 'conf'].map((name) => ({ name, message: MAIN_ONLY_MESSAGE }));
const mainOnlyPattern = { group: ['@img/*', 'sharp/*', 'exifr/*', 'electron-store/*', 'conf/*'], message: MAIN_ONLY_MESSAGE };

/**
 * The renderer's own layers, from the top: the app root (main.tsx, WindowRoot, Shell, App,
 * ArticleWindow and shell/, the window's frame), features/, editor/, then ui/ and api/. Imports only go down. A feature reaches
 * another feature only through its public entry (features/<name>/index.ts). ESLint replaces, not
 * merges, a rule's options when a later block matches the same file, so every block below restates
 * the renderer-wide restrictions through rendererImports().
 */
function rendererImports(patterns) {
  return ['error', {
    paths: [electronPath, ...builtinPaths, ...mainOnlyPaths],
    patterns: [
      ...nodePatterns,
      mainOnlyPattern,
      { group: ['**/electron/**'], message: 'The renderer talks to main only through the contract (renderer/src/api).' },
      ...patterns,
    ],
  }];
}
const noAppRoot = {
  regex: '(^|/)((main|App|Shell|WindowRoot|ArticleWindow)(\\.tsx?)?$|shell/)',
  caseSensitive: true,
  message: 'Nothing imports the app root (main, WindowRoot, Shell, App, ArticleWindow, shell/): it sits on top.',
};
const noFeatures = { regex: '(^|/)features(/|$)', message: 'features/ sit above this folder: import nothing from them.' };
const noEditor = { regex: '(^|/)editor(/|$)', message: 'editor/ sits above ui/ and api/: they import nothing from it.' };
const ENTRY_MESSAGE = 'A feature is reached only through its public entry, features/<name>/index.ts (import "…/features/<name>").';
const NOT_ENTRY = '(?!index(\\.tsx?)?$).+';
/** "…/features/<name>/<anything but index>", from wherever the import starts. */
const pastFeatureEntry = { regex: `(^|/)features/[^/]+/${NOT_ENTRY}`, message: ENTRY_MESSAGE };
/** From a file `depth` folders inside features/<name>/, "../" that many times is features/ itself. */
function pastSiblingEntry(depth) {
  return { regex: `^(\\.\\./){${depth}}[^./][^/]*/${NOT_ENTRY}`, message: ENTRY_MESSAGE };
}
const rendererLayers = [
  { files: ['renderer/src/*.{ts,tsx}', 'renderer/src/shell/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': rendererImports([pastFeatureEntry]) } },
  { files: ['renderer/src/{ui,api}/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': rendererImports([noFeatures, noEditor, noAppRoot]) } },
  { files: ['renderer/src/editor/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': rendererImports([noFeatures, noAppRoot]) } },
  // One block per nesting depth inside a feature, as the relative path to a sibling feature differs.
  ...[1, 2, 3].map((depth) => ({
    files: [`renderer/src/features/*/${'*/'.repeat(depth - 1)}*.{ts,tsx}`],
    rules: { 'no-restricted-imports': rendererImports([pastSiblingEntry(depth), pastFeatureEntry, noAppRoot]) },
  })),
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
        paths: [electronPath, ...reactPaths, ...builtinPaths, ...mainOnlyPaths],
        patterns: [
          ...nodePatterns,
          mainOnlyPattern,
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
      'no-restricted-imports': rendererImports([]),
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname'],
    },
  },
  ...rendererLayers,
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
        paths: [...reactPaths, ...builtinPaths, ...mainOnlyPaths],
        patterns: [
          ...nodePatterns,
          mainOnlyPattern,
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
