import { describe, expect, it } from 'vitest';
import type { OutboxView } from '../../../shared/ipc/publishing-contract';
import type { Result } from '../../../shared/ipc/result';
import { startOutboxFeed, type OutboxFeedSources } from '../../../renderer/src/features/publishing/outbox-feed';

// A window keeps its outbox current from main's 'outbox:changed' and re-reads when it may have
// missed one (focus, visible again). Main is played here by a list that changes and a read that
// answers when the test says so, so the order of answers is the test's to choose.

const viewWith = (count: number): OutboxView => ({ jobs: [], online: count % 2 === 0, unreachable: Array.from({ length: count }, (_, i) => `t-target${i}`) });

function fakeMain() {
  let version = 0;
  const reads: { resolve: () => void; version: number }[] = [];
  const changed = new Set<() => void>();
  const resync = new Set<() => void>();
  let manual = false;
  const sources: OutboxFeedSources = {
    read: () =>
      new Promise<Result<OutboxView>>((resolve) => {
        // The answer holds the outbox as it is when main handles the read.
        const value = viewWith(version);
        const answer = () => resolve({ ok: true, value });
        if (manual) reads.push({ resolve: answer, version });
        else answer();
      }),
    onChanged: (listener) => {
      changed.add(listener);
      return () => changed.delete(listener);
    },
    onResync: (listener) => {
      resync.add(listener);
      return () => resync.delete(listener);
    },
  };
  return {
    sources,
    reads,
    holdAnswers: () => {
      manual = true;
    },
    /** The outbox changes in main; `tell` false plays an event the window missed. */
    change: (tell = true) => {
      version += 1;
      if (tell) for (const listener of changed) listener();
    },
    focus: () => {
      for (const listener of resync) listener();
    },
    listeners: () => changed.size + resync.size,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the outbox feed of a window', () => {
  it('reads at the start and again each time main says the outbox changed, with no timer', async () => {
    const main = fakeMain();
    const shown: number[] = [];
    startOutboxFeed(main.sources, { view: (view) => shown.push(view.unreachable.length), error: () => undefined });
    await settle();
    expect(shown).toEqual([0]);
    main.change();
    await settle();
    expect(shown).toEqual([0, 1]);
  });

  it('a window that missed the event converges when it gains focus', async () => {
    const main = fakeMain();
    const shown: number[] = [];
    startOutboxFeed(main.sources, { view: (view) => shown.push(view.unreachable.length), error: () => undefined });
    await settle();
    main.change(false);
    main.change(false);
    await settle();
    expect(shown.at(-1)).toBe(0);
    main.focus();
    await settle();
    expect(shown.at(-1)).toBe(2);
  });

  it('events during a read cost one more read, and the newest state is what stays on screen', async () => {
    const main = fakeMain();
    main.holdAnswers();
    const shown: number[] = [];
    startOutboxFeed(main.sources, { view: (view) => shown.push(view.unreachable.length), error: () => undefined });
    expect(main.reads).toHaveLength(1);
    for (let i = 0; i < 5; i += 1) main.change();
    expect(main.reads).toHaveLength(1);
    main.reads[0]?.resolve();
    await settle();
    expect(main.reads).toHaveLength(2);
    main.reads[1]?.resolve();
    await settle();
    expect(main.reads).toHaveLength(2);
    expect(shown).toEqual([0, 5]);
  });

  it('an action’s answer older than a read already shown is dropped', async () => {
    const main = fakeMain();
    const shown: number[] = [];
    const feed = startOutboxFeed(main.sources, { view: (view) => shown.push(view.unreachable.length), error: () => undefined });
    const ticket = feed.ticket();
    main.change();
    await settle();
    feed.offer(viewWith(0), ticket);
    expect(shown).toEqual([0, 1]);
    feed.offer(viewWith(3), feed.ticket());
    expect(shown).toEqual([0, 1, 3]);
  });

  it('a failed read shows why and keeps the last view; the next event reads again', async () => {
    const main = fakeMain();
    let fail = false;
    const read = main.sources.read;
    main.sources.read = () => (fail ? Promise.resolve({ ok: false, error: { code: 'internal', message: 'Main is busy.' } }) : read());
    const shown: number[] = [];
    const errors: string[] = [];
    startOutboxFeed(main.sources, { view: (view) => shown.push(view.unreachable.length), error: (message) => errors.push(message) });
    await settle();
    fail = true;
    main.change();
    await settle();
    expect(errors).toEqual(['Main is busy.']);
    fail = false;
    main.change();
    await settle();
    expect(shown).toEqual([0, 2]);
  });

  it('stops listening when stopped, and shows nothing that answers afterwards', async () => {
    const main = fakeMain();
    main.holdAnswers();
    const shown: number[] = [];
    const feed = startOutboxFeed(main.sources, { view: (view) => shown.push(view.unreachable.length), error: () => undefined });
    feed.stop();
    main.reads[0]?.resolve();
    await settle();
    expect(shown).toEqual([]);
    expect(main.listeners()).toBe(0);
  });
});
