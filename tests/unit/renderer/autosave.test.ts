import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SaveResult } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import { EMPTY_BODY, type Article } from '../../../shared/model/article';
import { DraftSaver, type SaveReason, type SaveState } from '../../../renderer/src/features/drafts/autosave';

const T0 = '2025-01-01T00:00:00.000Z';

function article(headline: string): Article {
  return {
    schemaVersion: 3, id: 'abcdefgh1', slug: '', slugEdited: false, headline, dek: '', body: EMPTY_BODY,
    byline: [], leadPhoto: null, section: 'News', tags: [], status: 'draft', createdAt: T0, updatedAt: T0,
  };
}

/** A save whose completion the test controls, recording what was sent. */
function controlledSave() {
  const calls: { article: Article; reason: SaveReason; resolve: (r: Result<SaveResult>) => void }[] = [];
  const save = (a: Article, reason: SaveReason) =>
    new Promise<Result<SaveResult>>((resolve) => calls.push({ article: a, reason, resolve }));
  const okAt = (n: number): Result<SaveResult> => ({ ok: true, value: { updatedAt: `2025-01-01T00:00:0${n}.000Z`, revisionId: null } });
  return { calls, save, okAt };
}

describe('DraftSaver', () => {
  let current: Article;
  let states: SaveState[];
  beforeEach(() => {
    vi.useFakeTimers();
    current = article('one');
    states = [];
  });
  afterEach(() => vi.useRealTimers());

  const make = (save: (a: Article, r: SaveReason) => Promise<Result<SaveResult>>) =>
    new DraftSaver({ save, snapshot: () => current, delayMs: 800, updatedAt: T0, onState: (s) => states.push(s) });

  it('saves once typing pauses, and reports saved only after the save resolved ok', async () => {
    const { calls, save, okAt } = controlledSave();
    const saver = make(save);
    saver.markDirty();
    await vi.advanceTimersByTimeAsync(500);
    saver.markDirty();
    await vi.advanceTimersByTimeAsync(799);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(1);
    expect(states.at(-1)).toEqual({ kind: 'saving' });
    calls[0]!.resolve(okAt(1));
    await vi.runAllTimersAsync();
    expect(states.at(-1)).toEqual({ kind: 'saved', at: '2025-01-01T00:00:01.000Z' });
    expect(states.filter((s) => s.kind === 'pending')).toHaveLength(1); // not one per keystroke
  });

  it('still saves during a long burst of typing with no pause', async () => {
    const { calls, save } = controlledSave();
    const saver = make(save);
    for (let t = 0; t < 4800; t += 400) {
      saver.markDirty();
      await vi.advanceTimersByTimeAsync(400);
    }
    expect(calls).toHaveLength(0);
    saver.markDirty();
    await vi.advanceTimersByTimeAsync(400);
    expect(calls).toHaveLength(1); // within 5 s of the first unsaved keystroke
  });

  it('never has two saves in flight and coalesces edits made meanwhile into one save', async () => {
    const { calls, save, okAt } = controlledSave();
    const saver = make(save);
    saver.markDirty();
    await vi.advanceTimersByTimeAsync(800);
    current = article('two');
    saver.markDirty();
    await vi.advanceTimersByTimeAsync(800);
    current = article('three');
    saver.markDirty();
    const flushed = saver.flush();
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toHaveLength(1);
    calls[0]!.resolve(okAt(1));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.article.headline).toBe('three');
    // Each save sends the updatedAt the previous one returned.
    expect(calls[1]!.article.updatedAt).toBe('2025-01-01T00:00:01.000Z');
    calls[1]!.resolve(okAt(2));
    await expect(flushed).resolves.toBe(true);
    expect(saver.hasUnsavedChanges).toBe(false);
  });

  it('keeps the error visible and retries on the next edit', async () => {
    const { calls, save, okAt } = controlledSave();
    const saver = make(save);
    saver.markDirty();
    await vi.advanceTimersByTimeAsync(800);
    calls[0]!.resolve({ ok: false, error: { code: 'io', message: 'The disk is full.' } });
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toEqual({ kind: 'error', message: 'The disk is full.', retrying: false });
    expect(saver.hasUnsavedChanges).toBe(true);
    saver.markDirty();
    expect(states.at(-1)).toMatchObject({ kind: 'error' }); // still shown while waiting to retry
    await vi.advanceTimersByTimeAsync(800);
    expect(calls).toHaveLength(2);
    expect(states.at(-1)).toEqual({ kind: 'error', message: 'The disk is full.', retrying: true });
    calls[1]!.resolve(okAt(3));
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toEqual({ kind: 'saved', at: '2025-01-01T00:00:03.000Z' });
  });

  it('tries a failed save again by itself, with growing pauses, until it goes through', async () => {
    const { calls, save, okAt } = controlledSave();
    const saver = make(save);
    saver.markDirty();
    await vi.advanceTimersByTimeAsync(800);
    calls[0]!.resolve({ ok: false, error: { code: 'io', message: 'The disk is busy.' } });
    await vi.advanceTimersByTimeAsync(1999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2); // no edit needed
    calls[1]!.resolve({ ok: false, error: { code: 'io', message: 'The disk is busy.' } });
    await vi.advanceTimersByTimeAsync(4999);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(3);
    calls[2]!.resolve(okAt(4));
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toEqual({ kind: 'saved', at: '2025-01-01T00:00:04.000Z' });
    expect(saver.hasUnsavedChanges).toBe(false);
  });

  it('does not retry by itself a save refused for good (the draft was trashed elsewhere)', async () => {
    const { calls, save } = controlledSave();
    const saver = make(save);
    saver.markDirty();
    await vi.advanceTimersByTimeAsync(800);
    calls[0]!.resolve({ ok: false, error: { code: 'conflict', message: 'The draft is in the trash.' } });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
    expect(saver.hasUnsavedChanges).toBe(true);
  });

  it('Ctrl+S saves at once with reason manual; flush with nothing pending resolves at once', async () => {
    const { calls, save, okAt } = controlledSave();
    const saver = make(save);
    await expect(saver.flush()).resolves.toBe(true);
    expect(calls).toHaveLength(0);
    saver.markDirty();
    const saved = saver.saveNow();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.reason).toBe('manual');
    calls[0]!.resolve(okAt(4));
    await expect(saved).resolves.toBe(true);
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1); // the debounce timer was cancelled by the manual save
  });

  it('a thrown save is a failed save, not an unhandled rejection', async () => {
    const saver = make(() => Promise.reject(new Error('IPC closed')));
    saver.markDirty();
    await expect(saver.flush()).resolves.toBe(false);
    expect(states.at(-1)).toEqual({ kind: 'error', message: 'IPC closed', retrying: false });
  });
});
