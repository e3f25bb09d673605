import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SaveResult } from '../../../shared/model/drafts';
import type { Result } from '../../../shared/ipc/result';
import { EMPTY_BODY, type Article } from '../../../shared/model/article';
import { DraftSaver, type SaveReason, type SaveState } from '../../../renderer/src/features/drafts/autosave';
import { saveLabel } from '../../../renderer/src/features/drafts/StatusBar';

// A story changed in another window must not be silently replaced by this window's copy: the
// editor holds its saves until the person chooses to reload the other version or keep this one.

const T0 = '2025-01-01T00:00:00.000Z';
const story: Article = {
  schemaVersion: 3, id: 'abcdefgh1', slug: '', slugEdited: false, headline: 'Mine', dek: '', body: EMPTY_BODY,
  byline: [], leadPhoto: null, section: 'News', tags: [], status: 'draft', createdAt: T0, updatedAt: T0,
};

describe('DraftSaver.hold', () => {
  let states: SaveState[];
  let sent: SaveReason[];
  let saver: DraftSaver;
  beforeEach(() => {
    vi.useFakeTimers();
    states = [];
    sent = [];
    const save = async (_article: Article, reason: SaveReason): Promise<Result<SaveResult>> => {
      sent.push(reason);
      return { ok: true, value: { updatedAt: '2025-01-01T00:00:05.000Z', revisionId: null } };
    };
    saver = new DraftSaver({ save, snapshot: () => story, delayMs: 800, updatedAt: T0, onState: (s) => states.push(s) });
  });
  afterEach(() => {
    saver.dispose();
    vi.useRealTimers();
  });

  it('writes nothing while held, says why, keeps the edits unsaved, and saves them once released', async () => {
    saver.hold(true);
    saver.markDirty();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await saver.saveNow()).toBe(false);
    expect(await saver.flush()).toBe(false);
    expect(sent).toEqual([]);
    expect(saver.hasUnsavedChanges).toBe(true);
    expect(states.at(-1)).toEqual({ kind: 'error', message: 'this story was changed in another window.', retrying: false });
    // Said once: the status bar puts "Not saved:" before the message.
    expect(saveLabel(states.at(-1)!)).toBe('Not saved: this story was changed in another window.');

    saver.hold(false);
    await vi.runAllTimersAsync();
    expect(sent).toHaveLength(1);
    expect(saver.hasUnsavedChanges).toBe(false);
    expect(states.at(-1)).toEqual({ kind: 'saved', at: '2025-01-01T00:00:05.000Z' });
  });
});
