import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering lives in eslint.config.js; these cases prove each forbidden edge really fails lint
// (and that the allowed ones pass), so a loosened rule is caught here.
const eslint = new ESLint();

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId?.startsWith('no-restricted'))
    .map((m) => `${m.ruleId}: ${m.message}`);
}

const forbidden: [string, string][] = [
  ['shared/rules/x.ts', "import { readFile } from 'node:fs/promises';\nexport const f = readFile;"],
  ['shared/rules/x.ts', "import fs from 'fs';\nexport const f = fs;"],
  ['shared/rules/x.ts', "import { app } from 'electron';\nexport const a = app;"],
  ['shared/rules/x.ts', "import React from 'react';\nexport const r = React;"],
  ['shared/rules/x.ts', 'export const title = () => document.title;'],
  ['shared/rules/x.ts', "import { x } from '../../renderer/src/x';\nexport const y = x;"],
  ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;"],
  ['renderer/src/x.ts', "import { join } from 'node:path';\nexport const j = join;"],
  ['renderer/src/x.ts', "import { x } from '../../electron/main/x';\nexport const y = x;"],
  ['renderer/src/features/x.ts', 'export const b = window.newsdesk;'],
  ['electron/preload/x.ts', "import { x } from '../main/services/x';\nexport const y = x;"],
  ['electron/preload/x.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;"],
  ['electron/main/x.ts', "import { x } from '../../renderer/src/x';\nexport const y = x;"],
  ['electron/main/x.ts', "import { x } from '../../server/desk-server';\nexport const y = x;"],
  ['shared/rules/x.ts', "import { x } from '../../server/desk-server';\nexport const y = x;"],
  ['server/x.ts', "import { app } from 'electron';\nexport const a = app;"],
  ['server/x.ts', "import { x } from '../electron/main/services/x';\nexport const y = x;"],
  ['server/x.ts', "import { x } from '../renderer/src/x';\nexport const y = x;"],
  ['server/x.ts', "import { createEditor } from 'lexical';\nexport const c = createEditor;"],
];

const allowed: [string, string][] = [
  ['shared/rules/x.ts', "import { z } from 'zod';\nexport const s = z.string();"],
  ['renderer/src/x.ts', "import { slugify } from '../../shared/rules/slug';\nexport const s = slugify;"],
  ['renderer/src/api/newsdesk.ts', 'export const b = window.newsdesk;'],
  ['electron/preload/x.ts', "import { contextBridge } from 'electron';\nimport { buildBridge } from '../../shared/ipc/bridge';\nexport const c = [contextBridge, buildBridge];"],
  ['electron/main/x.ts', "import { join } from 'node:path';\nimport { app } from 'electron';\nexport const j = [join, app];"],
  ['server/x.ts', "import { join } from 'node:path';\nimport * as Y from 'yjs';\nimport { storyDocumentName } from '../shared/desk/desk-protocol';\nexport const j = [join, Y, storyDocumentName];"],
];

describe('layering lint rule', () => {
  it.each(forbidden)('refuses the import in %s: %s', async (file, code) => {
    expect(await layeringErrors(file, code)).not.toEqual([]);
  });
  it.each(allowed)('allows %s: %s', async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([]);
  });
});
