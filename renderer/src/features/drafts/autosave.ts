import type { SaveResult } from '../../../../shared/model/drafts';
import type { Result } from '../../../../shared/ipc/result';
import type { Article } from '../../../../shared/model/article';

export type SaveReason = 'auto' | 'manual';

const DEFAULT_MAX_WAIT_MS = 5000;
/**
 * After a failed save that may pass later (disk busy or full, an unexpected error), the saver tries
 * again by itself after these pauses, even if the editor stops typing; the last one repeats.
 * Failures that cannot pass by waiting (the draft was trashed elsewhere) wait for the next edit.
 */
const RETRY_DELAYS_MS = [2000, 5000, 15_000, 30_000];
const RETRYABLE = new Set(['io', 'internal']);

/** What the status bar shows. "saved" is only ever reached from a save that resolved ok. */
export type SaveState =
  | { kind: 'saved'; at: string | null }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'error'; message: string; retrying: boolean };

export interface SaverOptions {
  save: (article: Article, reason: SaveReason) => Promise<Result<SaveResult>>;
  /** The article as it is now; called only when a save starts (serializing the body is not free). */
  snapshot: () => Article;
  delayMs: number;
  /** During a long burst of typing with no pause, a save still happens at least this often. */
  maxWaitMs?: number;
  /** updatedAt of the version on disk; each save sends the one the previous save returned. */
  updatedAt: string;
  onState: (state: SaveState) => void;
  onSaved?: (result: SaveResult, reason: SaveReason) => void;
}

// The status bar puts "Not saved:" before every save error's message.
const HELD_MESSAGE = 'this story was changed in another window.';

/** Tells states apart without serializing them (emit runs on every keystroke). */
function stateKey(state: SaveState): string {
  switch (state.kind) {
    case 'saved':
      return `saved:${state.at ?? ''}`;
    case 'error':
      return `error:${state.retrying}:${state.message}`;
    default:
      return state.kind;
  }
}

/**
 * Autosave for one open article. Edits mark it dirty and (re)start a debounce timer; saves run one
 * at a time, and edits made while a save is in flight are coalesced into the next one. A failed
 * save leaves the article dirty and the error visible; the next edit (or Ctrl+S, or a flush)
 * tries again. No DOM and no React, so it is unit-tested with fake timers.
 */
export class DraftSaver {
  private dirty = false;
  private wanted = false;
  private reason: SaveReason = 'auto';
  private busy = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private waiters: ((ok: boolean) => void)[] = [];
  private lastError: string | null = null;
  private savedAt: string | null = null;
  private disposed = false;
  private held = false;
  private updatedAt: string;
  private lastEmitted = '';
  /** When the oldest change not yet sent was made (for maxWaitMs). */
  private dirtySince: number | null = null;
  /** Failed attempts since the last save that went through (picks the retry pause). */
  private failures = 0;

  constructor(private readonly options: SaverOptions) {
    this.updatedAt = options.updatedAt;
  }

  /** True while something typed is not yet known to be on disk. */
  get hasUnsavedChanges(): boolean {
    return this.dirty || this.busy;
  }

  /** The article changed: save it once typing pauses for `delayMs`. */
  markDirty(): void {
    if (this.disposed) return;
    this.dirty = true;
    const now = Date.now();
    this.dirtySince ??= now;
    const maxWait = this.options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
    const wait = Math.max(0, Math.min(this.options.delayMs, this.dirtySince + maxWait - now));
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.request('auto'), wait);
    if (!this.busy) this.emit();
  }

  /** Ctrl/Cmd+S: save now, even with no changes (the editor asked for a checkpoint revision). */
  saveNow(): Promise<boolean> {
    this.dirty = true;
    return this.request('manual');
  }

  /** Before switching articles or closing: write what is pending and wait for it. */
  flush(): Promise<boolean> {
    if (!this.dirty && !this.busy) return Promise.resolve(this.lastError === null);
    return this.request('auto');
  }

  /**
   * While held, nothing is written: the story was changed in another window, and saving this
   * window's copy would silently replace that change. Edits stay pending until the person chooses
   * (reload the other version, or release the hold to keep this one).
   */
  hold(held: boolean): void {
    this.held = held;
    this.emit();
    if (!held && this.dirty && !this.disposed) void this.request('auto');
  }

  /** Stops the timer; a save already in flight still completes. */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
  }

  private request(reason: SaveReason): Promise<boolean> {
    clearTimeout(this.timer);
    if (reason === 'manual') this.reason = 'manual';
    this.wanted = true;
    const done = new Promise<boolean>((resolve) => this.waiters.push(resolve));
    if (!this.busy) void this.run();
    return done;
  }

  private async run(): Promise<boolean> {
    this.busy = true;
    let ok = true;
    while (this.wanted && this.dirty && !this.held) {
      this.wanted = false;
      this.dirty = false;
      this.dirtySince = null;
      const reason = this.reason;
      this.reason = 'auto';
      this.emit();
      const outcome = await this.attempt(reason);
      if (!outcome.ok) {
        ok = false;
        this.dirty = true; // what failed is still unsaved; the next edit retries
        if (reason === 'manual') this.reason = 'manual';
        this.lastError = outcome.error.message;
        if (RETRYABLE.has(outcome.error.code)) this.scheduleRetry();
        break;
      }
      this.failures = 0;
      this.lastError = null;
      this.updatedAt = outcome.value.updatedAt;
      this.savedAt = outcome.value.updatedAt;
      this.options.onSaved?.(outcome.value, reason);
    }
    // Everything from here on is synchronous, so no request can slip in between.
    this.wanted = false;
    this.busy = false;
    const settled = ok && !this.dirty;
    this.emit();
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve(settled);
    return settled;
  }

  private scheduleRetry(): void {
    const delay = RETRY_DELAYS_MS[Math.min(this.failures, RETRY_DELAYS_MS.length - 1)]!;
    this.failures += 1;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.request('auto'), delay);
  }

  private async attempt(reason: SaveReason): Promise<Result<SaveResult>> {
    try {
      const article = { ...this.options.snapshot(), updatedAt: this.updatedAt };
      return await this.options.save(article, reason);
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : 'the save could not be started';
      return { ok: false, error: { code: 'internal', message } };
    }
  }

  /** Reports the state when it changed; markDirty runs per keystroke and must not re-render. */
  private emit(): void {
    const state = this.state();
    const key = stateKey(state);
    if (key === this.lastEmitted) return;
    this.lastEmitted = key;
    this.options.onState(state);
  }

  private state(): SaveState {
    if (this.lastError !== null) return { kind: 'error', message: this.lastError, retrying: this.busy };
    if (this.busy) return { kind: 'saving' };
    if (this.held && this.dirty) return { kind: 'error', message: HELD_MESSAGE, retrying: false };
    if (this.dirty) return { kind: 'pending' };
    return { kind: 'saved', at: this.savedAt };
  }
}
