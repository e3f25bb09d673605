import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createDispatcher } from '../../../electron/main/ipc/dispatcher';
import { createFileVersions } from '../../../electron/main/services/collab/file-versions';
import { createStoryDocs } from '../../../electron/main/services/collab/story-docs';
import { seedStoryBody } from '../../../electron/main/services/collab/story-seed';
import type { Services } from '../../../electron/main/services/compose';
import { openDraftStore } from '../../../electron/main/services/drafts/draft-store';
import { readLexicalBody } from '../../../shared/desk/lexical-yjs';
import type { Article, LexicalDocument } from '../../../shared/model/article';
import { openTestServices } from '../../support/test-services';

// An article file written by something other than the story's editors while the app was closed
// (a script, a synced library folder): after the restart, the first window must open the file's
// version, not the document's older text that its autosave would then write back over the file.

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const textBody = (value: string): LexicalDocument => ({
  root: {
    type: 'root', version: 1, format: '', indent: 0, direction: 'ltr',
    children: [{ type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '', children: [
      { type: 'text', version: 1, text: value, format: 0, detail: 0, mode: 'normal', style: '' },
    ] }],
  },
}) as unknown as LexicalDocument;

const plainTextOf = (doc: Y.Doc): string => JSON.stringify(readLexicalBody(doc, () => undefined)).match(/"text":"([^"]*)"/)?.[1] ?? '';

function caller(services: Services) {
  const dispatch = createDispatcher(services.handlers, { trustedOrigins: ['app://newsdesk'] });
  return async (channel: string, request: unknown): Promise<unknown> => {
    const result = (await dispatch(channel as never, request as never, { url: 'app://newsdesk/index.html', isMainFrame: true, senderId: 7 })) as { ok: boolean; value?: unknown; error?: { message: string } };
    if (!result.ok) throw new Error(result.error?.message);
    return result.value;
  };
}

/** What a window opening the story is given, as plain text. */
async function openedText(services: Services, id: string, session: string): Promise<string> {
  const opened = (await caller(services)('story:open', { id, part: 'body', session })) as { state: string };
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Buffer.from(opened.state, 'base64'));
  return plainTextOf(replica);
}

/** A library with one story whose window saved "Boats are back." (document and file matched), then the app closed. */
async function closedLibraryWithSavedStory(): Promise<{ dataDir: string; id: string; recordPath: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'newsdesk-file-versions-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const services = await openTestServices(dataDir);
  const created = await services.drafts.create({ section: 'News' });
  const article: Article = { ...created, headline: 'Harbour reopens', body: textBody('Boats are back.') };
  await seedStoryBody(services.storyDocs, article);
  expect(await openedText(services, created.id, 'window-a-0001')).toBe('Boats are back.');
  await caller(services)('drafts:save', { article, reason: 'manual' });
  await caller(services)('story:close', { id: created.id, part: 'body', session: 'window-a-0001' });
  expect(await services.close()).toEqual([]);
  return { dataDir, id: created.id, recordPath: join(dataDir, 'library', 'shared-docs', created.id, 'file-version.json') };
}

/** Another program writes the article file while Newsdesk is closed; the file's versions before and after. */
async function writeOutside(dataDir: string, id: string, text: string): Promise<{ before: string; after: string }> {
  const drafts = await openDraftStore(join(dataDir, 'library'));
  try {
    const current = await drafts.get(id);
    const saved = await drafts.save({ ...current, body: textBody(text) }, 'manual');
    return { before: current.updatedAt, after: saved.updatedAt };
  } finally {
    await drafts.close();
  }
}

async function reopen(dataDir: string): Promise<Services> {
  const services = await openTestServices(dataDir);
  cleanups.push(() => services.close());
  return services;
}

describe('the file version a story document last matched, across a restart', () => {
  it('is recorded on disk when a window saves, and a file changed while the app was closed is put into the document', async () => {
    const { dataDir, id, recordPath } = await closedLibraryWithSavedStory();
    const outside = await writeOutside(dataDir, id, 'Changed by the wire script.');
    expect(outside.after).not.toBe(outside.before);

    const services = await reopen(dataDir);
    expect(await openedText(services, id, 'window-b-0001')).toBe('Changed by the wire script.');
    // The record now names the outside version, which the document holds.
    expect(JSON.parse(await readFile(recordPath, 'utf8'))).toEqual({ updatedAt: outside.after });
  });

  it('leaves the document as it is when the file did not move on (keystrokes not yet saved to the file are kept)', async () => {
    const { dataDir, id } = await closedLibraryWithSavedStory();
    const services = await reopen(dataDir);
    const key = { id, part: 'body' };
    // A window types after its last save: main acknowledges the change (on disk in the document), no save follows.
    const opened = (await caller(services)('story:open', { ...key, session: 'window-x-0001' })) as { state: string };
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Buffer.from(opened.state, 'base64'));
    let update: Uint8Array = new Uint8Array();
    replica.once('update', (bytes: Uint8Array) => (update = bytes));
    replica.getMap('meta').set('dek', 'typed after the save');
    await caller(services)('story:update', { ...key, session: 'window-x-0001', update: Buffer.from(update).toString('base64') });
    await services.close();

    const again = await reopen(dataDir);
    expect(await openedText(again, id, 'window-c-0001')).toBe('Boats are back.');
    expect(again.storyDocs.get(key)?.getMap('meta').get('dek')).toBe('typed after the save');
  });

  it('an unreadable record is said in the log and the document trusted, never a crash; the next save records anew', async () => {
    const { dataDir, id, recordPath } = await closedLibraryWithSavedStory();
    await writeFile(recordPath, '{"updatedAt": 12');
    await writeOutside(dataDir, id, 'Changed by the wire script.');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    const services = await reopen(dataDir);
    expect(await openedText(services, id, 'window-d-0001')).toBe('Boats are back.');
    expect(warn.mock.calls.flat().join(' ')).toMatch(/file version of story .* is not readable/);
    const saved = (await caller(services)('drafts:save', { article: await services.drafts.get(id), reason: 'auto' })) as { updatedAt: string };
    expect(JSON.parse(await readFile(recordPath, 'utf8'))).toEqual({ updatedAt: saved.updatedAt });
  });

  it('a window’s save cut short by a crash after the file was written, before its version was recorded, leaves the document trusted', async () => {
    const { dataDir, id, recordPath } = await closedLibraryWithSavedStory();
    const libraryDir = join(dataDir, 'library');
    const docs = createStoryDocs({ libraryDir });
    const versions = createFileVersions({ getArticle: () => Promise.reject(new Error('not read here')), docs, isShared: () => false, libraryDir });
    await versions.beforeSave(id);
    // The save's article file lands (its text stands for the document's, typed on since); the app dies before matched().
    await writeOutside(dataDir, id, 'The document’s text as saved.');
    await docs.closeAll();

    const services = await reopen(dataDir);
    expect(await openedText(services, id, 'window-e-0001')).toBe('Boats are back.');
    expect(existsSync(recordPath)).toBe(false);
  });
});
