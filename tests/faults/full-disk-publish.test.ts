import type { IncomingMessage } from 'node:http';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/main/ipc/dispatcher';
import type { Services } from '../../electron/main/services/compose';
import type { Channel, RequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { mountSmallDisk, smallDiskUnavailable, type SmallDisk } from '../support/small-disk';
import { openOutboxStore } from '../../electron/main/services/publishing/outbox/outbox-store';
import { changed, newJob } from '../../electron/main/services/publishing/outbox/outbox-jobs';
import { openTestServices } from '../support/test-services';
import { httpServer, type LocalServer } from '../unit/publishing/http-test-servers';

/**
 * A publish job the editor was told was refused, because the disk was full, must never be sent:
 * not when space comes back, not at the next start. On a real 3 MB tmpfs, through the channels.
 */

const skipReason = smallDiskUnavailable();
if (skipReason) console.warn(`Skipped the full-disk publishing test: ${skipReason}`);

const TOKEN = 'wire-desk-token';
const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function wireEndpoint(): Promise<{ server: LocalServer; posts: string[] }> {
  const posts: string[] = [];
  const server = await httpServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'POST') posts.push(Buffer.concat(chunks).toString('utf8'));
      response.statusCode = request.method === 'POST' ? 201 : 204;
      response.end();
    });
  });
  cleanups.push(() => server.close());
  return { server, posts };
}

function channels(services: Services) {
  const dispatch = createDispatcher(services.handlers, { trustedOrigins: ['app://newsdesk'] });
  const caller = { url: 'app://newsdesk/index.html', isMainFrame: true };
  return <C extends Channel>(channel: C, request: RequestOf<C>) => dispatch(channel, request, caller) as Promise<Result<ResponseOf<C>>>;
}

async function value<T>(result: Promise<Result<T>>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(`${settled.error.code}: ${settled.error.message}`);
  return settled.value;
}

describe.skipIf(skipReason !== null)('a publish job refused on a full disk', () => {
  it('is not stored, not sent when space comes back, and not sent at the next start', async () => {
    const disk: SmallDisk = mountSmallDisk();
    cleanups.push(() => disk.unmount());
    const { server, posts } = await wireEndpoint();
    const open = () => openTestServices(disk.dir, { outbox: { retry: { baseMs: 20, capMs: 50 } } });

    let services = await open();
    let call = channels(services);
    const target = await value(call('targets:save', { kind: 'ninjs', name: 'Wire desk', url: `${server.url}/stories`, ninjsVersion: '2.2', secret: TOKEN }));
    const created = await value(call('drafts:create', { section: 'News' }));
    const byline = [{ name: 'Sam Reporter', role: '', avatar: null }];
    await value(call('drafts:save', { article: { ...created, headline: 'Embargoed budget', dek: 'A dek', byline }, reason: 'manual' }));
    const check = await value(call('publish:check', { articleId: created.id, targetId: target.id, mode: 'publish' }));

    disk.fill();
    const refused = await call('publish:queue', { articleId: created.id, targetId: target.id, mode: 'publish', acknowledged: check.warnings.map((issue) => issue.code) });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'io', message: 'The job could not be stored in the outbox, so nothing was sent. The disk is full: free some space and try again.' },
    });
    expect((await value(call('outbox:list', {}))).jobs).toEqual([]);

    disk.free();
    await services.close();
    expect(await readdir(join(disk.dir, 'library', 'publishing', 'outbox'))).toEqual([]);

    services = await open();
    cleanups.push(() => services.close());
    call = channels(services);
    await services.publishing.outbox.whenIdle();
    expect((await value(call('outbox:list', {}))).jobs).toEqual([]);
    expect(posts).toEqual([]);

    // The disk works again: the same story queued now goes out, once.
    const queued = await value(call('publish:queue', { articleId: created.id, targetId: target.id, mode: 'publish', acknowledged: check.warnings.map((issue) => issue.code) }));
    await services.publishing.outbox.whenIdle();
    expect(services.publishing.outbox.get(queued.id)?.state).toBe('done');
    expect(posts).toHaveLength(1);
  });

  it('in the store: a refused state is dropped, an earlier state kept for later is written once there is space', async () => {
    const disk: SmallDisk = mountSmallDisk();
    cleanups.push(() => disk.unmount());
    const dir = join(disk.dir, 'outbox');
    const store = await openOutboxStore(dir, join(disk.dir, 'quarantine'));
    const at = Date.parse('2026-03-01T09:00:00.000Z');
    const first = newJob({ articleId: 'article-0001', targetId: 't-target01', headline: 'One', mode: 'publish' }, at);
    await store.save(first);

    disk.fill();
    // Sent and done (already acted on): kept and retried.
    await expect(store.keep(changed(first, { state: 'done' }, at + 1))).rejects.toMatchObject({ code: 'ENOSPC' });
    // Not acted on yet: refused, so dropped.
    await expect(store.save(changed(first, { state: 'running' }, at + 2))).rejects.toMatchObject({ code: 'ENOSPC' });
    const second = newJob({ articleId: 'article-0002', targetId: 't-target01', headline: 'Two', mode: 'publish' }, at + 3);
    await expect(store.save(second)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(store.unwritten()).toBe(1);

    disk.free();
    expect(await store.flush()).toBe(0);
    expect(await readdir(dir)).toEqual([`${first.id}.json`]);
    const reopened = await openOutboxStore(dir, join(disk.dir, 'quarantine'));
    expect(reopened.loaded.map((job) => [job.id, job.state])).toEqual([[first.id, 'done']]);
  });
});
