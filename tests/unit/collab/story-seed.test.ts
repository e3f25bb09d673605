import { afterEach, describe, expect, it } from 'vitest';
import { seedStoryBody } from '../../../electron/main/services/collab/story-seed';
import { captionGuidsOf, readLexicalBody } from '../../../shared/desk/lexical-yjs';
import { makeArticle } from '../drafts/helpers';
import { richEditorBody, throughEditor } from '../publishing/editor-body-fixtures';
import { storyDocsIn, tempLibrary } from './story-helpers';

// A story shared from this machine that no window has open: main writes its body (captions in
// their own documents) so the desk gets the whole article, and it is on disk like any change.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('seeding a story body from its article', () => {
  it('writes the body with its captions once, on disk, reading back as the article', async () => {
    const temp = await tempLibrary();
    cleanups.push(temp.remove);
    const article = makeArticle({ id: 'story-0001', body: throughEditor(richEditorBody()) });
    const first = storyDocsIn(temp.dir, { articleOf: async () => article });
    expect(await seedStoryBody(first.docs, article)).toBe(true);
    expect(await seedStoryBody(first.docs, article)).toBe(false);
    await first.docs.closeAll();

    const again = storyDocsIn(temp.dir);
    const doc = await again.docs.hold({ id: article.id, part: 'body' }, 'check');
    // Captions travel inside the body document (the photo nodes' JSON mirrors): none of their own.
    expect(captionGuidsOf(doc)).toEqual([]);
    expect(JSON.parse(JSON.stringify(readLexicalBody(doc, () => undefined)))).toEqual(JSON.parse(JSON.stringify(article.body)));
    await again.docs.closeAll();
  });

  it('leaves the body to an editor that is attached (its bootstrap writes it)', async () => {
    const temp = await tempLibrary();
    cleanups.push(temp.remove);
    const article = makeArticle({ id: 'story-0002', body: throughEditor(richEditorBody()) });
    const { docs } = storyDocsIn(temp.dir);
    await docs.open({ id: article.id, part: 'body' }, 'window-a-0001');
    expect(await seedStoryBody(docs, article)).toBe(false);
    await docs.closeAll();
  });
});
