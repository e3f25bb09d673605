import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { followArticles, type ArticleFollower } from '../../../electron/main/services/collab/article-follower';
import { writeLexicalBody } from '../../../shared/desk/lexical-yjs';
import { bodyOf, makeArticle, openStore, tempDir } from '../drafts/helpers';
import { richEditorBody, throughEditor } from '../publishing/editor-body-fixtures';
import { storyDocsIn } from './story-helpers';

// When the desk changes a story no window shows, main writes the article file from the story
// document (metadata and body), so the draft list, search, revisions and exports follow it.

async function setUp(delayMs = 10_000) {
  const dir = await tempDir();
  const drafts = await openStore(dir);
  const article = makeArticle({ headline: 'Harbour closed', body: bodyOf('Boats stay in.') });
  await drafts.save(article, 'manual');
  const errors: string[] = [];
  const late: { follower?: ArticleFollower } = {};
  const { docs } = storyDocsIn(dir, { articleOf: (id) => drafts.get(id), onUpdate: (key, _update, from) => late.follower?.changed(key, from) });
  const follower = followArticles({ docs, drafts, delayMs, onError: (_id, message) => errors.push(message) });
  late.follower = follower;
  return { dir, drafts, article, docs, follower, errors, key: { id: article.id, part: 'body' } };
}

/** A change as the desk connection applies it to main's document. */
function fromDesk(doc: Y.Doc, change: (remote: Y.Doc) => void): void {
  const remote = new Y.Doc();
  Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
  remote.on('update', (update: Uint8Array) => Y.applyUpdate(doc, update, 'desk'));
  change(remote);
}

describe('the article file follows its story document', () => {
  it('takes metadata and body from a desk change while no window shows the story', async () => {
    const { drafts, article, docs, follower, key, errors } = await setUp();
    const doc = await docs.hold(key, 'desk');
    const body = throughEditor(richEditorBody());
    fromDesk(doc, (remote) => {
      remote.getMap('meta').set('headline', 'Harbour reopens');
      remote.getMap('meta').set('tags', ['port', 'weather']);
      writeLexicalBody(remote, body);
    });
    await follower.flush();
    const saved = await drafts.get(article.id);
    expect(saved.headline).toBe('Harbour reopens');
    expect(saved.tags).toEqual(['port', 'weather']);
    expect(JSON.stringify(saved.body)).toContain('Water rose ');
    expect(saved.body.root.children).toHaveLength(body.root.children.length);
    expect(errors).toEqual([]);
    const listed = await drafts.list({ limit: 10, text: 'reopens' });
    expect(listed.items.map((item) => item.id)).toEqual([article.id]);
  });

  it('keeps the article body while the document holds only metadata', async () => {
    const { drafts, article, docs, follower, key } = await setUp();
    const doc = await docs.hold(key, 'desk');
    fromDesk(doc, (remote) => remote.getMap('meta').set('dek', 'Storm passes'));
    await follower.flush();
    const saved = await drafts.get(article.id);
    expect(saved.dek).toBe('Storm passes');
    expect(saved.body).toEqual(article.body);
  });

  it('leaves the file to the autosave of the editor while a window shows the story', async () => {
    const { drafts, article, docs, follower, key } = await setUp();
    await docs.open(key, 'window-a-0001');
    const doc = docs.get(key)!;
    fromDesk(doc, (remote) => remote.getMap('meta').set('headline', 'Harbour reopens'));
    await follower.flush();
    expect((await drafts.get(article.id)).headline).toBe('Harbour closed');
  });

  it('ignores the changes of a window (its autosave writes them)', async () => {
    const { drafts, article, follower, key } = await setUp();
    const before = (await drafts.get(article.id)).updatedAt;
    follower.changed(key, 'window-a-0001');
    await follower.flush();
    expect((await drafts.get(article.id)).updatedAt).toBe(before);
  });

  it('keeps one bad field from the desk out of the file and takes the others', async () => {
    const { drafts, article, docs, follower, key } = await setUp();
    const doc = await docs.hold(key, 'desk');
    fromDesk(doc, (remote) => {
      remote.getMap('meta').set('status', 'shipped-to-mars');
      remote.getMap('meta').set('section', 'Weather');
    });
    await follower.flush();
    const saved = await drafts.get(article.id);
    expect(saved.status).toBe(article.status);
    expect(saved.section).toBe('Weather');
  });

  it('writes a burst of desk changes once, after the quiet time', async () => {
    const { drafts, article, docs, follower, key } = await setUp(30);
    const doc = await docs.hold(key, 'desk');
    let saves = 0;
    const save = drafts.save.bind(drafts);
    drafts.save = async (next, reason) => {
      saves += 1;
      return save(next, reason);
    };
    for (const word of ['Harbour', 'Harbour re', 'Harbour reopens']) fromDesk(doc, (remote) => remote.getMap('meta').set('headline', word));
    await new Promise((done) => setTimeout(done, 200));
    await follower.flush();
    expect(saves).toBe(1);
    expect((await drafts.get(article.id)).headline).toBe('Harbour reopens');
  });
});
