import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/main/ipc/dispatcher';
import { LARGE_FILE_BYTES } from '../../../electron/main/services/drafts/article-worker';
import { memorySettingsStore, openTestServices } from '../../support/test-services';
import { bodyOf, makeArticle, openStore, tempDir } from './helpers';

/** A story of about `bytes` bytes: paragraphs of numbered words, "firstword" at the very start. */
function bigStory(bytes: number, id?: string) {
  const paragraph = Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ');
  const count = Math.ceil(bytes / (paragraph.length + 150));
  return makeArticle({ ...(id ? { id } : {}), headline: 'The long one', body: bodyOf('firstword opens it', ...Array.from({ length: count }, () => paragraph)) });
}

async function writeDraft(dir: string, article: ReturnType<typeof bigStory>): Promise<string> {
  await mkdir(join(dir, 'drafts'), { recursive: true });
  const path = join(dir, 'drafts', `${article.id}.json`);
  await writeFile(path, JSON.stringify(article));
  return path;
}

describe('draft store: large stories', () => {
  it('lists, finds and opens a story above the worker threshold, read on a worker thread', async () => {
    const dir = await tempDir();
    const story = bigStory(3 * LARGE_FILE_BYTES);
    await writeDraft(dir, story);
    const store = await openStore(dir);
    const [summary] = (await store.list({})).items;
    expect(summary).toMatchObject({ id: story.id, headline: 'The long one' });
    expect(summary!.wordCount).toBeGreaterThan(30_000);
    expect(await store.get(story.id)).toEqual(story);
    expect((await store.list({ text: 'firstword' })).total).toBe(1);
    expect(store.quarantined()).toEqual([]);
  });

  it('keeps a story over the limit listed and findable, refuses to open it with a message, and leaves its file as it was', async () => {
    const dir = await tempDir();
    const story = bigStory(3 * LARGE_FILE_BYTES);
    const path = await writeDraft(dir, story);
    const before = await readFile(path);
    const store = await openStore(dir, { storyMaxBytes: () => 2 * 1024 * 1024 });
    expect((await store.list({})).items.map((s) => s.id)).toEqual([story.id]);
    expect((await store.list({ text: 'firstword' })).total).toBe(1);
    await expect(store.get(story.id)).rejects.toThrow(/This story is 3\.\d MB, more than the 2\.0 MB a story may hold, so Newsdesk does not open it; the file is kept as it is/);
    await store.close();
    expect((await readFile(path)).equals(before)).toBe(true);
    expect(store.quarantined()).toEqual([]);
  });

  it('refuses to save a story over the limit with a message, keeping the last saved version', async () => {
    const dir = await tempDir();
    const settingsStore = memorySettingsStore();
    const services = await openTestServices(dir, { settingsStore });
    try {
      const dispatch = createDispatcher(services.handlers, { trustedOrigins: ['app://newsdesk'] });
      const call = (channel: 'drafts:save' | 'settings:update', request: unknown) => dispatch(channel, request, { url: 'app://newsdesk/index.html', isMainFrame: true });
      expect((await call('settings:update', { limits: { storyMaxBytes: 256 * 1024 } })).ok).toBe(true);
      const article = await services.drafts.create({});
      await services.drafts.save({ ...article, headline: 'Kept' }, 'manual');
      const file = join(dir, 'library', 'drafts', `${article.id}.json`);
      const saved = await readFile(file, 'utf8');
      const big = { ...bigStory(400 * 1024, article.id), createdAt: article.createdAt };
      const result = await call('drafts:save', { article: big, reason: 'auto' });
      expect(result).toEqual({
        ok: false,
        error: { code: 'invalid-request', message: expect.stringMatching(/^the story is 0\.4 MB, over the 0\.3 MB limit\. Split it up\.$/) },
      });
      expect(await readFile(file, 'utf8')).toBe(saved);
    } finally {
      await services.close();
    }
  });
});
