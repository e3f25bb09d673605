import type { IncomingMessage } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/main/ipc/dispatcher';
import type { Services } from '../../../electron/main/services/compose';
import type { Channel, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { AppError } from '../../../shared/ipc/result';
import type { VideoItem } from '../../../shared/model/video';
import { memorySettingsStore, openTestServices } from '../../support/test-services';
import { httpServer } from './http-test-servers';

/**
 * A video item through the publishing channels, over the real services on a temp folder: the
 * check of the post it makes, the job in the outbox, the video's card on the board, the ninjs it
 * sends, and its exports.
 */

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Desk {
  services: Services;
  savePath: { next: string | null };
  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  failure<C extends Channel>(channel: C, request: RequestOf<C>): Promise<AppError>;
}

async function openDesk(): Promise<Desk> {
  const dataDir = await mkdtemp(join(tmpdir(), 'newsdesk-video-out-'));
  const savePath = { next: null as string | null };
  const services = await openTestServices(dataDir, { settingsStore: memorySettingsStore(), chooseSavePath: async () => savePath.next, outbox: { retry: { baseMs: 20, capMs: 50 } } });
  cleanups.push(async () => {
    await services.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  const dispatch = createDispatcher(services.handlers, { trustedOrigins: ['app://newsdesk'] });
  const caller = { url: 'app://newsdesk/index.html', isMainFrame: true };
  return {
    services,
    savePath,
    async call(channel, request) {
      const result = await dispatch(channel, request, caller);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
      return result.value as ResponseOf<typeof channel>;
    },
    async failure(channel, request) {
      const result = await dispatch(channel, request, caller);
      if (result.ok) throw new Error(`${channel} succeeded but was expected to fail`);
      return result.error;
    },
  };
}

/** A ninjs endpoint on loopback that takes every story and keeps what it received. */
async function endpoint(): Promise<{ url: string; bodies: string[] }> {
  const bodies: string[] = [];
  const server = await httpServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString('utf8'));
      response.statusCode = 201;
      response.end();
    });
  });
  cleanups.push(() => server.close());
  return { url: `${server.url}/stories`, bodies };
}

const PLAYER: VideoItem['source'] = { kind: 'embed', src: 'https://www.youtube.com/embed/dQw4w9WgXcQ', title: 'Flood', width: 560, height: 315 };

async function video(desk: Desk, fields: Partial<VideoItem>): Promise<VideoItem> {
  const created = await desk.call('videos:create', {});
  return desk.call('videos:save', { video: { ...created, headline: 'Flood waters reach the old town', blurb: 'The river rose two metres.', source: PLAYER, ...fields } });
}

describe('a video item through the publishing channels', () => {
  it('refuses a poster without a credit, like an uncredited photo, and queues nothing', async () => {
    const desk = await openDesk();
    const { url } = await endpoint();
    const target = await desk.call('targets:save', { kind: 'ninjs', name: 'Wire desk', url, ninjsVersion: '3.1' });
    const poster = { photoId: 'a'.repeat(64), caption: 'The old town', credit: '', creditEdited: true, altText: 'Water at the doors' };
    const item = await video(desk, { poster });

    const check = await desk.call('publish:check', { articleId: item.id, itemKind: 'video', targetId: target.id, mode: 'publish' });
    expect(check.blocking.map((issue) => issue.code)).toContain('photo-missing-credit@lead-0');
    // Nothing a video has no field for is asked.
    expect(check.blocking.map((issue) => issue.code)).not.toContain('byline-missing');
    const refused = await desk.failure('publish:queue', { articleId: item.id, itemKind: 'video', targetId: target.id, mode: 'publish', acknowledged: check.warnings.map((w) => w.code) });
    expect(refused.code).toBe('invalid-request');
    expect(refused.message).toMatch(/has no credit/);
    expect((await desk.call('outbox:list', {})).jobs).toEqual([]);
  });

  it('queues the video as a video job, sends it as ninjs type video, and moves the video’s card on the board', async () => {
    const desk = await openDesk();
    const { url, bodies } = await endpoint();
    const target = await desk.call('targets:save', { kind: 'ninjs', name: 'Wire desk', url, ninjsVersion: '3.1' });
    const item = await video(desk, { durationSeconds: 95 });
    await desk.call('board:place', { item: { kind: 'video', id: item.id }, feedId: 'video' });

    const check = await desk.call('publish:check', { articleId: item.id, itemKind: 'video', targetId: target.id, mode: 'publish' });
    expect(check.blocking).toEqual([]);
    expect(check.warnings.map((w) => w.code)).toEqual(['video-poster-missing']);
    const job = await desk.call('publish:queue', { articleId: item.id, itemKind: 'video', targetId: target.id, mode: 'publish', acknowledged: ['video-poster-missing'] });
    expect(job).toMatchObject({ articleId: item.id, itemKind: 'video', headline: 'Flood waters reach the old town' });

    await desk.services.publishing.outbox.whenIdle();
    expect((await desk.call('outbox:list', {})).jobs).toMatchObject([{ id: job.id, state: 'done', itemKind: 'video' }]);
    expect(bodies).toHaveLength(1);
    const sent = JSON.parse(bodies[0]!) as Record<string, unknown>;
    expect(sent).toMatchObject({
      uri: `urn:newsdesk:video:${item.id}`,
      type: 'video',
      headlines: [{ role: 'main', value: 'Flood waters reach the old town' }],
      renditions: [{ name: 'player', href: 'https://www.youtube.com/embed/dQw4w9WgXcQ', contentType: 'text/html', width: 560, height: 315, duration: 95 }],
    });
    expect(desk.services.feeds.get().placements[`video:${item.id}`]).toMatchObject({ delivery: 'published', publishedAt: expect.any(String) });
  });

  it('exports a video as HTML with the embed placeholder and as ninjs of type video', async () => {
    const desk = await openDesk();
    const item = await video(desk, {});
    const dir = await mkdtemp(join(tmpdir(), 'newsdesk-video-export-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    desk.savePath.next = join(dir, 'video.html');
    expect(await desk.call('export:html', { articleId: item.id, itemKind: 'video' })).toEqual({ path: join(dir, 'video.html') });
    const page = await readFile(join(dir, 'video.html'), 'utf8');
    expect(page).toContain('<p>The river rose two metres.</p>');
    expect(page).toContain('<figure class="embed embed-youtube"><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">YouTube: Flood</a></figure>');
    desk.savePath.next = join(dir, 'video.ninjs.json');
    expect(await desk.call('export:ninjs', { articleId: item.id, itemKind: 'video', version: '2.2' })).toEqual({ path: join(dir, 'video.ninjs.json') });
    expect(JSON.parse(await readFile(join(dir, 'video.ninjs.json'), 'utf8'))).toMatchObject({ type: 'video', renditions: [{ name: 'player', contenttype: 'text/html' }] });
  });
});
