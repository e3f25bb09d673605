import type { IncomingMessage } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/main/ipc/dispatcher';
import type { Services } from '../../../electron/main/services/compose';
import type { Channel, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { AppError } from '../../../shared/ipc/result';
import { memorySettingsStore, openTestServices } from '../../support/test-services';
import { httpServer, type LocalServer } from './http-test-servers';

/**
 * The publishing channels through the same dispatcher as ipcMain, over the real services on a temp
 * folder, sending to a ninjs endpoint on loopback: the queue, the check's refusals, the board's
 * delivery state, target secrets and exports, end to end below the window.
 */

const TOKEN = 'token-that-must-not-leak';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Received {
  method: string;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
  body: string;
}

/** A ninjs endpoint that takes stories with the right bearer token and refuses others. */
async function endpoint(): Promise<{ server: LocalServer; received: Received[] }> {
  const received: Received[] = [];
  const server = await httpServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const authorization = request.headers.authorization;
      received.push({ method: request.method ?? '', authorization, idempotencyKey: request.headers['idempotency-key'] as string | undefined, body: Buffer.concat(chunks).toString('utf8') });
      response.statusCode = authorization === `Bearer ${TOKEN}` ? (request.method === 'POST' ? 201 : 204) : 401;
      response.end();
    });
  });
  cleanups.push(() => server.close());
  return { server, received };
}

interface Desk {
  services: Services;
  dataDir: string;
  /** What the save dialog answers next, and the names it was opened with. */
  savePath: { next: string | null; suggested: string[] };
  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  failure<C extends Channel>(channel: C, request: RequestOf<C>): Promise<AppError>;
}

async function openDesk(): Promise<Desk> {
  const dataDir = await mkdtemp(join(tmpdir(), 'newsdesk-publishing-'));
  const savePath = { next: null as string | null, suggested: [] as string[] };
  const services = await openTestServices(dataDir, {
    settingsStore: memorySettingsStore(),
    chooseSavePath: async (name) => {
      savePath.suggested.push(name);
      return savePath.next;
    },
    outbox: { retry: { baseMs: 20, capMs: 50 } },
  });
  cleanups.push(async () => {
    await services.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  const dispatch = createDispatcher(services.handlers, { trustedOrigins: ['app://newsdesk'] });
  const caller = { url: 'app://newsdesk/index.html', isMainFrame: true };
  return {
    services,
    dataDir,
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

async function ninjsTarget(desk: Desk, url: string): Promise<string> {
  const target = await desk.call('targets:save', { kind: 'ninjs', name: 'Wire desk', url: `${url}/stories`, ninjsVersion: '2.2', secret: TOKEN });
  return target.id;
}

/** An article with the given fields, saved through the channels. */
async function article(desk: Desk, fields: Record<string, unknown>): Promise<string> {
  const created = await desk.call('drafts:create', { section: 'News' });
  await desk.call('drafts:save', { article: { ...created, ...fields }, reason: 'manual' });
  return created.id;
}

const byline = [{ name: 'Sam Reporter', role: '', avatar: null }];

describe('publishing channels', () => {
  it('refuses to queue while anything blocks, naming each finding, and queues nothing', async () => {
    const desk = await openDesk();
    const { server } = await endpoint();
    const targetId = await ninjsTarget(desk, server.url);
    const articleId = await article(desk, { headline: '', dek: 'A dek', byline: [] });

    const check = await desk.call('publish:check', { articleId, targetId, mode: 'publish' });
    expect(check.blocking.map((issue) => issue.code)).toEqual(expect.arrayContaining(['headline-missing', 'byline-missing']));
    expect(check.plan.targetKind).toBe('ninjs');

    const refused = await desk.failure('publish:queue', { articleId, targetId, mode: 'publish', acknowledged: check.warnings.map((issue) => issue.code) });
    expect(refused.code).toBe('invalid-request');
    expect(refused.message).toMatch(/things stop this story from being published: .*The story has no headline\..*The story has no byline/);
    expect((await desk.call('outbox:list', {})).jobs).toEqual([]);
  });

  it('refuses an unacknowledged warning, then queues, publishes once and marks the card published', async () => {
    const desk = await openDesk();
    const { server, received } = await endpoint();
    const targetId = await ninjsTarget(desk, server.url);
    const articleId = await article(desk, { headline: 'Budget passes', dek: '', byline });
    await desk.call('board:place', { item: { kind: 'article', id: articleId }, feedId: 'news-feed' });

    const check = await desk.call('publish:check', { articleId, targetId, mode: 'publish' });
    expect(check.blocking).toEqual([]);
    expect(check.warnings.map((issue) => issue.code)).toContain('dek-missing');
    const refused = await desk.failure('publish:queue', { articleId, targetId, mode: 'publish', acknowledged: [] });
    expect(refused.message).toMatch(/^Confirm (this warning|these \d+ warnings) before publishing: .*no dek/);
    expect((await desk.call('outbox:list', {})).jobs).toEqual([]);

    const job = await desk.call('publish:queue', { articleId, targetId, mode: 'publish', acknowledged: check.warnings.map((issue) => issue.code) });
    expect(job).toMatchObject({ articleId, targetId, headline: 'Budget passes', mode: 'publish' });

    await desk.services.publishing.outbox.whenIdle();
    const view = await desk.call('outbox:list', {});
    expect(view).toMatchObject({ online: true, jobs: [{ id: job.id, state: 'done' }] });
    const posts = received.filter((request) => request.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.idempotencyKey).toBe(job.clientKey);
    expect(JSON.parse(posts[0]!.body)).toMatchObject({ headlines: [{ role: 'main', value: 'Budget passes' }] });
    const placement = desk.services.feeds.get().placements[`article:${articleId}`];
    expect(placement).toMatchObject({ delivery: 'published', publishedAt: expect.any(String) });

    // The token went to the endpoint, and nowhere the renderer or the outbox files can see it.
    expect(JSON.stringify(await desk.call('targets:list', {}))).not.toContain(TOKEN);
    expect(JSON.stringify(view)).not.toContain(TOKEN);
    expect(await readFile(join(desk.dataDir, 'library', 'publishing', 'outbox', `${job.id}.json`), 'utf8')).not.toContain(TOKEN);

    expect((await desk.call('outbox:clearFinished', {})).jobs).toEqual([]);

    // A WordPress target without its application password is refused before anything is queued.
    const site = await desk.call('targets:save', { kind: 'wordpress', name: 'The Daily', siteUrl: 'https://daily.example.com', user: 'editor' });
    const wpCheck = await desk.call('publish:check', { articleId, targetId: site.id, mode: 'publish' });
    const noPassword = await desk.failure('publish:queue', { articleId, targetId: site.id, mode: 'publish', acknowledged: wpCheck.warnings.map((issue) => issue.code) });
    expect(noPassword.message).toBe('“The Daily” has no application password stored; add it in Settings before publishing.');
    expect((await desk.call('outbox:list', {})).jobs).toEqual([]);
  });

  it('tests a target with its stored token or the form’s; a job that cannot get through keeps the card queued and the target in use', async () => {
    const desk = await openDesk();
    const { server } = await endpoint();
    const targetId = await ninjsTarget(desk, server.url);
    expect(await desk.call('targets:test', { id: targetId })).toMatchObject({ ok: true });
    const form = { id: targetId, kind: 'ninjs' as const, name: 'Wire desk', url: `${server.url}/stories`, ninjsVersion: '2.2' as const };
    expect(await desk.call('targets:test', { input: form })).toMatchObject({ ok: true });
    const wrong = await desk.call('targets:test', { input: { ...form, secret: 'wrong' } });
    expect(wrong).toMatchObject({ ok: false, message: expect.stringMatching(/refused the token/) });

    // A job that cannot get through (nothing listens any more) stays in the outbox, waiting.
    const articleId = await article(desk, { headline: 'Storm', dek: 'Wind', byline, tags: ['weather'] });
    await server.close();
    const check = await desk.call('publish:check', { articleId, targetId, mode: 'publish' });
    await desk.call('board:place', { item: { kind: 'article', id: articleId }, feedId: 'news-feed' });
    const job = await desk.call('publish:queue', { articleId, targetId, mode: 'publish', acknowledged: check.warnings.map((issue) => issue.code) });
    const delivery = () => desk.services.feeds.get().placements[`article:${articleId}`]?.delivery;
    expect(delivery()).toBe('queued');
    expect((await desk.failure('targets:remove', { id: targetId })).message).toMatch(/still has 1 job in the outbox/);
    expect(await desk.call('outbox:cancel', { id: job.id })).toMatchObject({ state: 'cancelled' });
    expect(delivery()).toBe('none');
    expect(await desk.call('targets:remove', { id: targetId })).toBeNull();
    expect(await desk.call('targets:list', {})).toEqual([]);
  });

  it('exports clean HTML and ninjs to the path the save dialog gives, and nothing when it is closed', async () => {
    const desk = await openDesk();
    const articleId = await article(desk, { headline: 'Budget passes', slug: 'budget-passes', dek: 'Vote', byline });
    const dir = await mkdtemp(join(tmpdir(), 'newsdesk-export-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    desk.savePath.next = join(dir, 'story.html');
    expect(await desk.call('export:html', { articleId })).toEqual({ path: join(dir, 'story.html') });
    const page = await readFile(join(dir, 'story.html'), 'utf8');
    expect(page).toContain('Budget passes');
    desk.savePath.next = join(dir, 'story.ninjs.json');
    expect(await desk.call('export:ninjs', { articleId, version: '3.1' })).toEqual({ path: join(dir, 'story.ninjs.json') });
    expect(await readFile(join(dir, 'story.ninjs.json'), 'utf8')).toContain('Budget passes');
    desk.savePath.next = null;
    expect(await desk.call('export:html', { articleId })).toBeNull();
    expect(desk.savePath.suggested).toEqual(['budget-passes.html', 'budget-passes.ninjs.json', 'budget-passes.html']);
  });
});
