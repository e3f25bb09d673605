import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { STORY_META_MAP } from '../../../shared/desk/desk-protocol';
import type { StoryDocKey } from '../../../electron/main/services/collab/story-docs';
import { makeArticle } from '../drafts/helpers';
import { storyDocsIn, tempLibrary } from './story-helpers';

// An editor that reconnects (Lexical's provider closes its session and opens a new one) right after
// a new article was made: main lets go of the story document and loads it again at once. The new
// copy must be the one the editor knew, with every change main had taken — never a second seed of
// the metadata from the article file, which is concurrent with what the editor typed meanwhile and
// replaces it (a headline typed right after "New article" came back empty, and was saved so).

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const fromBase64 = (state: string): Uint8Array => new Uint8Array(Buffer.from(state, 'base64'));
const clientsOf = (update: Uint8Array): number[] => [...Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update)).keys()].sort();

/** A new article's story: opened, headline typed, the session closed and a new one opened at once. */
async function reconnectRightAfterCreate(key: StoryDocKey) {
  const temp = await tempLibrary();
  cleanups.push(temp.remove);
  // The article file as drafts:create wrote it: no headline yet.
  const created = makeArticle({ id: key.id, headline: '' });
  const { docs } = storyDocsIn(temp.dir, { articleOf: async () => created });
  cleanups.push(() => docs.closeAll());

  const first = await docs.open(key, 'session-a-0001');
  const editor = new Y.Doc();
  Y.applyUpdate(editor, fromBase64(first.state));
  const before = Y.encodeStateVector(editor);
  editor.getMap<unknown>(STORY_META_MAP).set('headline', 'Night ferry cancelled');
  const typed = Y.encodeStateAsUpdate(editor, before);

  // The provider's disconnect: what was typed goes with the close, then the new session opens.
  const sent = docs.apply(key, typed, 'session-a-0001').then(() => 'applied', (error: unknown) => String(error));
  const closed = docs.close(key, 'session-a-0001');
  const second = await docs.open(key, 'session-b-0002');
  Y.applyUpdate(editor, fromBase64(second.state));
  // What main lacks is handed over again, as IpcStoryProvider does after every open.
  const missing = Y.encodeStateAsUpdate(editor, Y.encodeStateVectorFromUpdate(fromBase64(second.state)));
  await docs.apply(key, missing, 'session-b-0002');
  await closed;
  return { first: fromBase64(first.state), second: fromBase64(second.state), editor, sent: await sent, main: docs.get(key)! };
}

describe('a story document opened again while its previous session closes', () => {
  it('is loaded with what main held before (the same seed), not seeded again from the article file', async () => {
    const { first, second, editor } = await reconnectRightAfterCreate({ id: 'story-reopen-0001', part: 'body' });
    const seededBy = clientsOf(first);
    expect(seededBy).toHaveLength(1);
    // Main's first seed and at most the editor's change: no second writer of the metadata.
    const known = new Set([...seededBy, editor.clientID]);
    expect(clientsOf(second).filter((client) => !known.has(client))).toEqual([]);
    expect(clientsOf(second)).toContain(seededBy[0]);
  });

  it('waits for the closing copy to reach the disk when nothing was being sent (no second seed either)', async () => {
    const temp = await tempLibrary();
    cleanups.push(temp.remove);
    const key = { id: 'story-reopen-0002', part: 'body' };
    const { docs } = storyDocsIn(temp.dir, { articleOf: async () => makeArticle({ id: key.id, headline: '' }) });
    cleanups.push(() => docs.closeAll());
    // The seed of the first load is still on its way to the disk when the session closes.
    const first = fromBase64((await docs.open(key, 'session-a-0001')).state);
    const closed = docs.close(key, 'session-a-0001');
    const second = fromBase64((await docs.open(key, 'session-b-0002')).state);
    await closed;
    expect(clientsOf(second)).toEqual(clientsOf(first));
  });

  it('keeps the headline typed before the reconnect, in main and in the editor, whoever wins a tie', async () => {
    // A second seed would win over the typed headline for about half of the documents' client ids.
    for (let round = 0; round < 8; round += 1) {
      const { editor, main, sent } = await reconnectRightAfterCreate({ id: `story-reopen-${String(round + 10).padStart(4, '0')}`, part: 'body' });
      expect(editor.getMap(STORY_META_MAP).get('headline')).toBe('Night ferry cancelled');
      expect(main.getMap(STORY_META_MAP).get('headline')).toBe('Night ferry cancelled');
      // The change sent with the close is taken, not refused as "closed".
      expect(sent).toBe('applied');
    }
  });
});
