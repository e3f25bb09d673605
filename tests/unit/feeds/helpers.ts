import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../electron/main/ipc/dispatcher';
import type { Services } from '../../../electron/main/services/compose';
import type { Channel, ParsedRequestOf, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { AppError } from '../../../shared/ipc/result';
import type { PhotoUse } from '../../../shared/model/photo-use';
import { memorySettingsStore, openTestServices } from '../../support/test-services';

/**
 * The feed channels below the window: the real services on a temp data folder behind the same
 * dispatcher as ipcMain. Settings live in a map that survives restart(), like the settings file.
 */
export interface Desk {
  dataDir: string;
  services: Services;
  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  /** The error a call fails with; throws if it succeeds. */
  failure<C extends Channel>(channel: C, request: RequestOf<C>): Promise<AppError>;
  /** Closes the services and opens them again on the same folder and settings. */
  restart(): Promise<void>;
}

const caller = { url: 'app://newsdesk/index.html', isMainFrame: true };
const open: Services[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const services of open.splice(0)) await services.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-feeds-'));
  dirs.push(dir);
  return dir;
}

export async function openDesk(dataDir?: string): Promise<Desk> {
  const dir = dataDir ?? (await tempDir());
  // Settings outlive a restart, as electron-store's file does.
  const settingsStore = memorySettingsStore();
  const start = async (): Promise<{ services: Services; dispatch: Dispatch }> => {
    const services = await openTestServices(dir, { settingsStore: settingsStore });
    open.push(services);
    return { services, dispatch: createDispatcher(services.handlers, { trustedOrigins: ['app://newsdesk'] }) };
  };
  let current = await start();
  const desk: Desk = {
    dataDir: dir,
    get services() {
      return current.services;
    },
    async call(channel, request) {
      const result = await current.dispatch(channel, request, caller);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
      return result.value as ResponseOf<typeof channel>;
    },
    async failure(channel, request) {
      const result = await current.dispatch(channel, request, caller);
      if (result.ok) throw new Error(`${channel} succeeded but was expected to fail`);
      return result.error;
    },
    async restart() {
      await current.services.close();
      open.splice(open.indexOf(current.services), 1);
      current = await start();
    },
  };
  return desk;
}

/**
 * Waits until the clock has moved on, so items created one after the other have distinct times
 * and "newest first" has one right answer. No assertion depends on how long this takes.
 */
export async function nextMillisecond(): Promise<void> {
  const start = Date.now();
  while (Date.now() === start) await new Promise((resolve) => setTimeout(resolve, 1));
}

/** A credited photo use; the photo id need not exist in the library for the board. */
export function posterUse(digit = 'a', credit = 'Jane Doe/Agency'): PhotoUse {
  return { photoId: digit.repeat(64), caption: 'A caption', credit, creditEdited: false, altText: 'Alt' };
}

/** An article created through the channels, then saved with the given fields. */
export async function makeArticle(desk: Desk, fields: { headline: string; status?: 'draft' | 'ready' | 'approved'; leadPhoto?: PhotoUse | null }): Promise<string> {
  await nextMillisecond();
  const article = await desk.call('drafts:create', {});
  await desk.call('drafts:save', { article: { ...article, status: 'draft', leadPhoto: null, ...fields }, reason: 'manual' });
  return article.id;
}

/** A video created through the channels, then saved with the given fields. */
export async function makeVideo(desk: Desk, fields: Partial<ParsedRequestOf<'videos:save'>['video']>): Promise<string> {
  await nextMillisecond();
  const video = await desk.call('videos:create', {});
  await desk.call('videos:save', { video: { ...video, ...fields } });
  return video.id;
}

/** Keys of a feed in order, pinned ones starred, as headlines would be read off the board. */
export function feedOrder(board: ResponseOf<'board:move'>, feedId: string): string[] {
  return (board.feeds[feedId] ?? []).map((entry) => `${entry.pinned ? '*' : ''}${entry.key}`);
}
