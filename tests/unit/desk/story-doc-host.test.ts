import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createStoryDocs } from '../../../electron/main/services/collab/story-docs';
import type { StoryDocHost } from '../../../electron/main/services/desk/story-doc-host';

const key = { id: 'story-0001', part: 'body' };

describe('the desk holding a story document', () => {
  it('keeps the document open with no window, and a window opening an empty body is still the one to write it', async () => {
    const docs = createStoryDocs();
    const host: StoryDocHost = docs;
    const held = await host.hold(key, 'desk-sync');
    expect(docs.get(key)).toBe(held);
    // Were the desk the bootstrapping editor, no window would ever write the article file's body in.
    expect((await docs.open(key, 'window-a-0001')).bootstrap).toBe(true);
    await docs.close(key, 'window-a-0001');
    expect(docs.get(key)).toBe(held);
    held.get('root', Y.XmlText).insert(0, 'kept');
    await host.release(key, 'desk-sync');
    expect(docs.get(key)).toBeUndefined();
  });
});
