import { describe, expect, it } from 'vitest';
import { makeArticle, openStore, tempDir } from './helpers';

// Windows re-read their draft lists (and check the open story) when main says drafts changed, so
// every change the store makes must be told, with the ids it touched, and never lost to coalescing.

/** Collects each signal's ids; `next()` resolves at the next signal after it was asked for. */
function recorder() {
  const heard: string[][] = [];
  const waiters: (() => void)[] = [];
  return {
    heard,
    onChanged: (ids: string[]) => {
      heard.push([...ids].sort());
      for (const wake of waiters.splice(0)) wake();
    },
    next: () => new Promise<void>((resolve) => waiters.push(resolve)),
  };
}

describe('the draft store says which drafts changed', () => {
  it('signals a create, a save, a duplicate, a trash, a restore from the trash and a revision restored', async () => {
    const seen = recorder();
    const store = await openStore(await tempDir(), { onChanged: seen.onChanged, changeGapMs: 0 });

    let next = seen.next();
    const created = await store.create({ section: 'News' });
    await next;
    expect(seen.heard.at(-1)).toEqual([created.id]);

    next = seen.next();
    await store.save({ ...created, headline: 'Ferry returns' }, 'manual');
    await next;
    expect(seen.heard.at(-1)).toEqual([created.id]);

    next = seen.next();
    const copy = await store.duplicate(created.id);
    await next;
    expect(seen.heard.at(-1)).toEqual([copy.id]);

    next = seen.next();
    await store.trash(copy.id);
    await next;
    expect(seen.heard.at(-1)).toEqual([copy.id]);

    next = seen.next();
    await store.restoreFromTrash(copy.id);
    await next;
    expect(seen.heard.at(-1)).toEqual([copy.id]);

    const [revision] = await store.revisions(created.id);
    next = seen.next();
    await store.restoreRevision(created.id, revision!.revisionId);
    await next;
    expect(seen.heard.at(-1)).toEqual([created.id]);
  });

  it('coalesces a burst into one signal naming every draft, and tells a change still pending at close', async () => {
    const seen = recorder();
    // A gap far longer than the test: only the first signal and the one at close can be heard.
    const store = await openStore(await tempDir(), { onChanged: seen.onChanged, changeGapMs: 60_000 });
    const first = makeArticle();
    const second = makeArticle();
    const next = seen.next();
    await Promise.all([store.save(first, 'auto'), store.save(second, 'auto')]);
    await next;
    await store.save({ ...first, headline: 'Changed again' }, 'auto');
    expect(seen.heard).toHaveLength(1); // the rest waits out the gap
    await store.close();
    // One signal at the start of the burst, one at close for whatever was still untold: every
    // draft named, the last change included.
    expect(seen.heard).toHaveLength(2);
    expect(new Set(seen.heard.flat())).toEqual(new Set([first.id, second.id]));
    expect(seen.heard.at(-1)).toContain(first.id);
  });

  it('says nothing when drafts are only read', async () => {
    const dir = await tempDir();
    const writer = await openStore(dir);
    const article = makeArticle();
    await writer.save(article, 'manual');
    await writer.close();
    const seen = recorder();
    const reader = await openStore(dir, { onChanged: seen.onChanged, changeGapMs: 0 });
    await reader.list({});
    await reader.get(article.id);
    await reader.revisions(article.id);
    await reader.close();
    expect(seen.heard).toEqual([]);
  });
});
