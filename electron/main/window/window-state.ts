import type { BrowserWindow, Rectangle } from 'electron';
import { z } from 'zod';

/**
 * Remembers each window's size, position and maximized state between launches: the main window
 * under 'main', an article's own window under 'article:<id>'. The saved state is only trusted if it
 * parses and if the window would land somewhere the user can grab it: a monitor that was unplugged
 * since (or a resolution change) must not leave the window off-screen.
 */
export const MAIN_WINDOW_KEY = 'main';
/** Where versions before per-window state kept the main window's. */
const LEGACY_MAIN_WINDOW_KEY = 'mainWindow';
/** The order article windows were last used in, so the oldest states can be forgotten. */
const ARTICLE_KEYS_KEY = 'articleWindows';
/** Article windows whose state is kept; older ones open at the default place again. */
export const MAX_ARTICLE_WINDOW_STATES = 30;

export function articleWindowKey(articleId: string): string {
  return `article:${articleId}`;
}

const Bounds = z.object({
  x: z.number().int().min(-100_000).max(100_000),
  y: z.number().int().min(-100_000).max(100_000),
  width: z.number().int().min(100).max(100_000),
  height: z.number().int().min(100).max(100_000),
});

export const SavedWindowState = z.object({ bounds: Bounds, isMaximized: z.boolean() });
export type SavedWindowState = z.infer<typeof SavedWindowState>;

/** The part of electron-store (a conf store) this module uses; easy to fake in tests. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete?(key: string): void;
}

export interface DisplayLike {
  workArea: Rectangle;
}

export interface InitialWindowPlacement {
  /** Absent when the window should be centred by the OS on the primary display. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximize: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 832 } as const;
export const MIN_SIZE = { width: 720, height: 480 } as const;

/** How much of the window's top edge (where the title bar is) must be on a display to count. */
const GRAB_WIDTH = 100;
const GRAB_HEIGHT = 24;

/**
 * One stored value, or undefined: electron-store re-reads its file on every get and throws once the
 * file turned unreadable (a sync tool, a hand edit), and a window must still open at the default place.
 */
function readKey(store: KeyValueStore, key: string): unknown {
  try {
    return store.get(key);
  } catch {
    return undefined;
  }
}

/** Stores one value; a store that cannot be written only costs the remembered place, never the app. */
function writeKey(store: KeyValueStore, key: string, value: unknown): void {
  try {
    store.set(key, value);
  } catch {
    // Nothing to do: the window opens at the default place next time.
  }
}

export function loadWindowState(store: KeyValueStore, key: string = MAIN_WINDOW_KEY): SavedWindowState | null {
  const parsed = SavedWindowState.safeParse(readKey(store, key));
  if (parsed.success) return parsed.data;
  if (key !== MAIN_WINDOW_KEY) return null;
  const legacy = SavedWindowState.safeParse(readKey(store, LEGACY_MAIN_WINDOW_KEY));
  return legacy.success ? legacy.data : null;
}

/**
 * Notes that an article window's state is in use; beyond MAX_ARTICLE_WINDOW_STATES the least
 * recently used article's state is deleted, so the file does not grow with every article ever opened.
 */
export function touchArticleWindowKey(store: KeyValueStore, key: string): void {
  const saved = z.array(z.string()).safeParse(readKey(store, ARTICLE_KEYS_KEY));
  const keys = (saved.success ? saved.data : []).filter((other) => other !== key);
  keys.push(key);
  const dropped = keys.splice(0, Math.max(0, keys.length - MAX_ARTICLE_WINDOW_STATES));
  try {
    for (const old of dropped) store.delete?.(old);
  } catch {
    // As in writeKey: a state that cannot be forgotten is only a few bytes too many.
  }
  writeKey(store, ARTICLE_KEYS_KEY, keys);
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** True if the window's title bar strip is at least partly on one display's work area. */
export function isGrabbable(bounds: Rectangle, displays: readonly DisplayLike[]): boolean {
  const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: Math.min(GRAB_HEIGHT, bounds.height) };
  return displays.some(({ workArea }) => {
    const common = overlap(titleBar, workArea);
    return common.width >= Math.min(GRAB_WIDTH, bounds.width) && common.height >= titleBar.height;
  });
}

function clampSize(size: { width: number; height: number }, area: Rectangle): { width: number; height: number } {
  return {
    width: Math.max(Math.min(size.width, area.width), Math.min(MIN_SIZE.width, area.width)),
    height: Math.max(Math.min(size.height, area.height), Math.min(MIN_SIZE.height, area.height)),
  };
}

/**
 * Where the window opens: the saved bounds if still reachable; otherwise the saved size (or the
 * default) on the primary display, centred by the OS. Sizes never exceed the work area they open on.
 */
export function initialPlacement(
  saved: SavedWindowState | null,
  displays: readonly DisplayLike[],
  primary: DisplayLike,
  defaultSize: { width: number; height: number } = DEFAULT_SIZE,
): InitialWindowPlacement {
  const maximize = saved?.isMaximized ?? false;
  if (saved && isGrabbable(saved.bounds, displays)) {
    const home = displays.find(({ workArea }) => {
      const common = overlap(saved.bounds, workArea);
      return common.width > 0 && common.height > 0;
    });
    const size = clampSize(saved.bounds, (home ?? primary).workArea);
    return { x: saved.bounds.x, y: saved.bounds.y, ...size, maximize };
  }
  return { ...clampSize(saved?.bounds ?? defaultSize, primary.workArea), maximize };
}

type TrackedWindow = Pick<
  BrowserWindow,
  'on' | 'removeListener' | 'getNormalBounds' | 'isMaximized' | 'isMinimized' | 'isFullScreen' | 'isDestroyed'
>;

/**
 * Saves the window's state as it changes (debounced: electron-store writes synchronously) and once
 * more when it closes. Normal bounds are saved, so un-maximizing after a restart returns to them.
 * Returns a function that stops tracking.
 */
export function trackWindowState(
  win: TrackedWindow,
  store: KeyValueStore,
  { key = MAIN_WINDOW_KEY, debounceMs = 400 }: { key?: string; debounceMs?: number } = {},
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    clearTimeout(timer);
    timer = undefined;
    // Minimized and full-screen geometry is not what the user wants back next time.
    if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
    const { x, y, width, height } = win.getNormalBounds();
    const bounds = { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) };
    const state: SavedWindowState = { bounds, isMaximized: win.isMaximized() };
    writeKey(store, key, state);
  };
  const saveSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, debounceMs);
  };
  const changes = ['resize', 'move', 'maximize', 'unmaximize'] as const;
  for (const name of changes) win.on(name as 'resize', saveSoon);
  win.on('close', save);
  return () => {
    clearTimeout(timer);
    for (const name of changes) win.removeListener(name as 'resize', saveSoon);
    win.removeListener('close', save);
  };
}
