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
  ['electron/main/services/drafts/x.ts', "import { UserFacingError } from '../../../../shared/ipc/result';\nexport const e = UserFacingError;"],
  ['electron/main/services/media/metadata/x.ts', "import type { Channel } from '../../../../../shared/ipc/contract';\nexport type C = Channel;"],
  ['electron/main/services/compose.ts', "import { contract } from '../../../shared/ipc/contract';\nexport const c = contract;"],
  // The services' own block must keep main's rules too.
  ['electron/main/services/drafts/x.ts', "import { x } from '../../../../renderer/src/x';\nexport const y = x;"],
  ['electron/main/x.ts', "import { x } from '../../server/desk-server';\nexport const y = x;"],
  ['shared/rules/x.ts', "import { x } from '../../server/desk-server';\nexport const y = x;"],
  ['server/x.ts', "import { app } from 'electron';\nexport const a = app;"],
  ['server/x.ts', "import { x } from '../electron/main/services/x';\nexport const y = x;"],
  ['server/x.ts', "import { x } from '../renderer/src/x';\nexport const y = x;"],
  ['server/x.ts', "import { createEditor } from 'lexical';\nexport const c = createEditor;"],
];

// The renderer's own layers (app root > features > editor > ui, api), one case per rule.
const rendererForbidden: [rule: string, file: string, code: string][] = [
  ['ui/ imports no feature', 'renderer/src/ui/components/x.tsx', "import { FeedsDesk } from '../../features/feeds';\nexport const f = FeedsDesk;"],
  ['ui/ imports no editor', 'renderer/src/ui/x.ts', "import { editorTheme } from '../editor/theme';\nexport const t = editorTheme;"],
  ['api/ imports no feature', 'renderer/src/api/x.ts', "import { PhotoGrid } from '../features/photos/PhotoGrid';\nexport const g = PhotoGrid;"],
  ['api/ imports no editor', 'renderer/src/api/x.ts', "import { ARTICLE_NODES } from '../editor/nodes';\nexport const n = ARTICLE_NODES;"],
  ['editor/ imports no feature', 'renderer/src/editor/nodes/x.tsx', "import { PhotoPickerDialog } from '../../features/photos';\nexport const p = PhotoPickerDialog;"],
  ['a feature imports no private file of another', 'renderer/src/features/drafts/x.ts', "import { PhotoGrid } from '../photos/PhotoGrid';\nexport const g = PhotoGrid;"],
  ['… nor re-exports one', 'renderer/src/features/drafts/x.ts', "export { PhotoGrid } from '../photos/PhotoGrid';"],
  ['… nor reaches one through features/', 'renderer/src/features/drafts/x.ts', "import { PhotoGrid } from '../../features/photos/PhotoGrid';\nexport const g = PhotoGrid;"],
  ['… nor from a subfolder', 'renderer/src/features/drafts/parts/x.ts', "import { PhotoGrid } from '../../photos/PhotoGrid';\nexport const g = PhotoGrid;"],
  ['the app root uses a feature only through its entry', 'renderer/src/Shell.tsx', "import { PhotoGrid } from './features/photos/PhotoGrid';\nexport const g = PhotoGrid;"],
  ['a feature imports no App', 'renderer/src/features/desktop/x.ts', "import { App } from '../../App';\nexport const a = App;"],
  ['the editor imports no Shell', 'renderer/src/editor/x.ts', "import { Shell } from '../Shell';\nexport const s = Shell;"],
  ['ui/ imports no WindowRoot', 'renderer/src/ui/x.ts', "import { WindowRoot } from '../WindowRoot';\nexport const w = WindowRoot;"],
  ['a feature imports nothing of the shell/ frame', 'renderer/src/features/photos/x.ts', "import { DESKS } from '../../shell/desks';\nexport const d = DESKS;"],
  ['shell/ uses a feature only through its entry', 'renderer/src/shell/x.ts', "import { PhotoGrid } from '../features/photos/PhotoGrid';\nexport const g = PhotoGrid;"],
  ['api/ imports no ArticleWindow', 'renderer/src/api/x.ts', "import { ArticleWindow } from '../ArticleWindow';\nexport const w = ArticleWindow;"],
  ['the renderer imports no sharp', 'renderer/src/features/photos/x.ts', "import sharp from 'sharp';\nexport const s = sharp;"],
  ['the renderer imports no conf', 'renderer/src/api/x.ts', "import Conf from 'conf';\nexport const c = Conf;"],
  ['shared/ imports no exifr', 'shared/rules/x.ts', "import exifr from 'exifr';\nexport const e = exifr;"],
  ['shared/ imports no @img/*', 'shared/model/x.ts', "import wasm from '@img/sharp-wasm32';\nexport const w = wasm;"],
  ['the preload imports no electron-store', 'electron/preload/x.ts', "import Store from 'electron-store';\nexport const s = Store;"],
];

const rendererAllowed: [rule: string, file: string, code: string][] = [
  ['a feature uses another through its entry', 'renderer/src/features/drafts/x.ts', "import { PhotoPickerDialog } from '../photos';\nexport const p = PhotoPickerDialog;"],
  ['… named index', 'renderer/src/features/videos/x.ts', "import { PhotoPickerDialog } from '../photos/index';\nexport const p = PhotoPickerDialog;"],
  ['a feature uses its own files, the editor, ui/ and api/', 'renderer/src/features/drafts/x.ts', "import { DraftList } from './DraftList';\nimport { ArticleEditor } from '../../editor/ArticleEditor';\nimport { Icon } from '../../ui/components/Icon';\nimport { call } from '../../api/newsdesk';\nexport const all = [DraftList, ArticleEditor, Icon, call];"],
  ['the editor uses ui/ and api/', 'renderer/src/editor/nodes/x.tsx', "import { Icon } from '../../ui/components/Icon';\nimport { call } from '../../api/newsdesk';\nexport const all = [Icon, call];"],
  ['ui/ uses shared/ and api/', 'renderer/src/ui/photos/x.ts', "import { photoThumbnailPath } from '../../../../shared/model/photo';\nimport { call } from '../../api/newsdesk';\nexport const all = [photoThumbnailPath, call];"],
  ['the app root uses features and the other root files', 'renderer/src/WindowRoot.tsx', "import { Shell } from './Shell';\nimport { ReadOnlyBanner } from './features/library';\nexport const all = [Shell, ReadOnlyBanner];"],
  ['shell/ uses features through their entries', 'renderer/src/shell/x.ts', "import { countPhotos } from '../features/photos';\nexport const c = countPhotos;"],
  ['main.tsx uses WindowRoot', 'renderer/src/main.tsx', "import { WindowRoot } from './WindowRoot';\nexport const w = WindowRoot;"],
  ['main uses sharp, exifr, electron-store and conf', 'electron/main/services/media/x.ts', "import sharp from 'sharp';\nimport exifr from 'exifr';\nimport Store from 'electron-store';\nimport Conf from 'conf';\nexport const all = [sharp, exifr, Store, Conf];"],
];

const allowed: [string, string][] = [
  ['shared/rules/x.ts', "import { z } from 'zod';\nexport const s = z.string();"],
  ['renderer/src/x.ts', "import { slugify } from '../../shared/rules/slug';\nexport const s = slugify;"],
  ['renderer/src/api/newsdesk.ts', 'export const b = window.newsdesk;'],
  ['electron/preload/x.ts', "import { contextBridge } from 'electron';\nimport { buildBridge } from '../../shared/ipc/bridge';\nexport const c = [contextBridge, buildBridge];"],
  ['electron/main/x.ts', "import { join } from 'node:path';\nimport { app } from 'electron';\nexport const j = [join, app];"],
  ['electron/main/services/drafts/x.ts', "import { UserFacingError } from '../../../../shared/model/errors';\nexport const e = UserFacingError;"],
  ['electron/main/services/drafts/drafts-handlers.ts', "import type { draftsChannels } from '../../../../shared/ipc/drafts-contract';\nexport type D = typeof draftsChannels;"],
  ['electron/main/ipc/x.ts', "import { contract } from '../../../shared/ipc/contract';\nexport const c = contract;"],
  ['server/x.ts', "import { join } from 'node:path';\nimport * as Y from 'yjs';\nimport { storyDocumentName } from '../shared/desk/desk-protocol';\nexport const j = [join, Y, storyDocumentName];"],
];

describe('layering lint rule', () => {
  it.each(forbidden)('refuses the import in %s: %s', async (file, code) => {
    expect(await layeringErrors(file, code)).not.toEqual([]);
  });
  it.each(allowed)('allows %s: %s', async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([]);
  });
  it.each(rendererForbidden)('fails lint: %s (%s)', async (_rule, file, code) => {
    expect(await layeringErrors(file, code)).not.toEqual([]);
  });
  it.each(rendererAllowed)('passes lint: %s (%s)', async (_rule, file, code) => {
    expect(await layeringErrors(file, code)).toEqual([]);
  });
});
