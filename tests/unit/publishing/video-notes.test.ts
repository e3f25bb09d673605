import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCorrectionsStore } from '../../../electron/main/services/corrections/corrections-log';
import { openVideoStore } from '../../../electron/main/services/feeds/video-store';
import { createHttpClient } from '../../../electron/main/services/publishing/http/http-client';
import type { Outbox } from '../../../electron/main/services/publishing/outbox/outbox';
import type { RemoteRecords } from '../../../electron/main/services/publishing/remote/remote-records';
import { createStoryLifeHandlers } from '../../../electron/main/services/publishing/story-life-handlers';
import type { Article } from '../../../shared/model/article';
import { UserFacingError } from '../../../shared/model/errors';
import { EMPTY_BOARD } from '../../../shared/model/placement';
import { DEFAULT_SETTINGS } from '../../../shared/model/settings';

// A note on a video item: kept in the video and logged, or neither. The video store is the real
// one; where it must fail, its save is refused the way the store refuses a write (a full disk).

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function setUp(saveFails: boolean) {
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-video-notes-'));
  dirs.push(dir);
  const quarantineDir = join(dir, 'quarantine');
  const writable = await openVideoStore(dir, { quarantineDir });
  const video = await writable.save({ ...(await writable.create()), headline: 'Flood in the old town' });
  await writable.close();
  const store = await openVideoStore(dir, { quarantineDir });
  const videos = {
    get: (id: string) => store.get(id),
    find: (id: string) => store.find(id),
    save: saveFails ? () => Promise.reject(new UserFacingError('io', 'The video could not be saved. The disk is full.')) : (item: Parameters<typeof store.save>[0]) => store.save(item),
  };
  const corrections = openCorrectionsStore(dir, { clock: { timeZone: 'UTC' } });
  const records: RemoteRecords = { get: async () => null, put: async () => {} };
  const handlers = createStoryLifeHandlers({
    drafts: { get: async () => Promise.reject(new Error('not an article')) as Promise<Article>, save: async () => Promise.reject(new Error('not an article')) },
    videos,
    targets: { get: () => undefined, list: () => [] },
    media: { getMany: async () => [] },
    board: { get: () => EMPTY_BOARD },
    settings: { get: () => DEFAULT_SETTINGS },
    records,
    clocks: createHttpClient().clocks,
    outbox: { list: () => [], enqueue: async () => Promise.reject(new Error('nothing to push')) } as unknown as Outbox,
    corrections,
    deskClock: { timeZone: 'UTC' },
    now: () => new Date('2026-12-07T10:00:00Z'),
  });
  return { handlers, videos, video, corrections, close: () => store.close() };
}

describe('a correction on a video item', () => {
  it('is kept in the video in the house format and logged under its id; not live anywhere, nothing is pushed', async () => {
    const { handlers, videos, video, corrections, close } = await setUp(false);
    const result = await handlers['corrections:add']({ articleId: video.id, itemKind: 'video', kind: 'correction', text: '  The flood was on Tuesday,\n not Monday. ' });
    expect(result).toMatchObject({ jobs: [], notPushed: [], entry: { kind: 'correction', line: 'Correction, 7 Dec 2026: The flood was on Tuesday, not Monday.' } });
    expect(videos.get(video.id).notes).toEqual([{ kind: 'correction', at: '2026-12-07T10:00:00.000Z', label: 'Correction, 7 Dec 2026:', text: 'The flood was on Tuesday, not Monday.' }]);
    expect(await corrections.list(video.id)).toHaveLength(1);
    await close();
  });

  it('that the video store refuses is taken out of the log again, and the refusal is said', async () => {
    const { handlers, videos, video, corrections, close } = await setUp(true);
    await expect(handlers['corrections:add']({ articleId: video.id, itemKind: 'video', kind: 'update', text: 'The water is going down.' })).rejects.toThrow('The video could not be saved. The disk is full.');
    expect(await corrections.list(video.id)).toEqual([]);
    expect(videos.get(video.id).notes).toBeUndefined();
    await close();
  });
});
