import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addReply, addThread, commentAnchorsOf, readThreads, setResolved } from '../../../shared/desk/comments';
import { writeLexicalBody } from '../../../shared/desk/lexical-yjs';
import { attachWindow } from '../../desk/support/desktops';
import { openTestServices } from '../../support/test-services';
import { bodyWithMark } from '../desk/comment-fixtures';

// Comments on a story that lives on this machine only (no desk): they are in main's story
// document, which is kept on disk, so they are all there after the app restarts.

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('comments on a local story', () => {
  it('are kept across a restart of the app, with their replies and resolved state', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'newsdesk-story-comments-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const services = await openTestServices(dataDir);
    const article = await services.drafts.create({ section: 'News' });
    const window = await attachWindow(services, article.id, 'window-comments-1');
    // The window writes the body (as the first editor of a story does), then comments on it.
    writeLexicalBody(window.doc, bodyWithMark('local-thread'));
    addThread(window.doc, 'local-thread', 'the bridge reopens Monday', { author: 'Ana', text: 'Check the date' }, commentAnchorsOf(window.doc));
    addReply(window.doc, 'local-thread', { author: 'Ana', text: 'Checked: Monday.' }, commentAnchorsOf(window.doc));
    setResolved(window.doc, 'local-thread', true, 'Ana', commentAnchorsOf(window.doc));
    const key = { id: article.id, part: 'body' };
    // The window's changes are in main's document once its updates are applied (acknowledged).
    const until = async (check: () => boolean) => {
      for (let tries = 0; !check(); tries += 1) {
        if (tries > 400) throw new Error('main never had the comments');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    };
    await until(() => readThreads(services.storyDocs.get(key)!)[0]?.resolved === true);
    window.detach();
    expect(await services.close()).toEqual([]);

    const again = await openTestServices(dataDir);
    cleanups.push(() => again.close());
    const opened = await again.storyDocs.open(key, 'window-comments-2');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Buffer.from(opened.state, 'base64'));
    expect(commentAnchorsOf(copy)).toEqual(new Set(['local-thread']));
    expect(readThreads(copy)).toEqual([
      expect.objectContaining({ id: 'local-thread', resolved: true, resolvedBy: 'Ana', comments: [expect.objectContaining({ text: 'Check the date' }), expect.objectContaining({ text: 'Checked: Monday.' })] }),
    ]);
  });
});
