import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PublishJob } from '../../shared/model/publishing';
import { mountSmallDisk, smallDiskUnavailable, type SmallDisk } from '../support/small-disk';
import { openTestServices } from '../support/test-services';
import { httpServer } from '../unit/publishing/http-test-servers';

/**
 * Quitting with the disk full: closing never throws, derived caches that cannot be written are
 * simply rebuilt at the next open, and a state the disk refused is kept in memory, named in what
 * close() answers, and written when close() is called again after space was freed.
 */

const skipReason = smallDiskUnavailable();
if (skipReason) console.warn(`Skipped the full-disk close tests: ${skipReason}`);

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const byline = [{ name: 'Sam Reporter', role: '', avatar: null }];

describe.skipIf(skipReason !== null)('closing on a full disk', () => {
  it('closes cleanly when only the draft caches could not be written, and the drafts are all there at the next open', async () => {
    const disk: SmallDisk = mountSmallDisk();
    cleanups.push(() => disk.unmount());
    const services = await openTestServices(disk.dir);
    const created = await services.drafts.create({ section: 'News' });
    await services.drafts.save({ ...created, headline: 'Saved before the disk filled' }, 'auto');
    disk.fill();

    // The summary and search caches are still to be written (the draft list changed).
    await expect(services.close()).resolves.toEqual([]);

    disk.free();
    const reopened = await openTestServices(disk.dir);
    cleanups.push(() => reopened.close());
    expect((await reopened.drafts.get(created.id)).headline).toBe('Saved before the disk filled');
    expect((await reopened.drafts.list({})).total).toBe(1);
  });

  it('keeps a job state the disk refused, says so, and writes it when close is tried again after space was freed', async () => {
    const disk: SmallDisk = mountSmallDisk();
    cleanups.push(() => disk.unmount());
    let answer: (() => void) | null = null;
    let posted!: () => void;
    const arrived = new Promise<void>((resolve) => (posted = resolve));
    const server = await httpServer((request: IncomingMessage, response: ServerResponse) => {
      request.resume().on('end', () => {
        response.statusCode = request.method === 'POST' ? 201 : 204;
        if (request.method !== 'POST') return void response.end();
        // The site holds its answer until the test has filled the disk.
        answer = () => response.end();
        posted();
      });
    });
    cleanups.push(() => server.close());
    const serverUrl = server.url;

    const services = await openTestServices(disk.dir, { outbox: { retry: { baseMs: 20, capMs: 50 } } });
    let closed = false;
    cleanups.push(() => (closed ? undefined : services.close()));
    const target = await services.publishing.targets.save({ kind: 'ninjs', name: 'Wire desk', url: `${serverUrl}/stories`, ninjsVersion: '2.2', secret: 'token' });
    const created = await services.drafts.create({ section: 'News' });
    await services.drafts.save({ ...created, headline: 'Budget passes', dek: 'A dek', byline }, 'manual');
    const job = await services.publishing.outbox.enqueue({ articleId: created.id, targetId: target.id, headline: 'Budget passes', mode: 'publish' });

    await arrived;
    disk.fill();
    answer!();
    await services.publishing.outbox.whenIdle();
    // Sent and done, as the outbox shows; the disk still says it is being sent.
    expect(services.publishing.outbox.get(job.id)?.state).toBe('done');
    const jobFile = join(disk.dir, 'library', 'publishing', 'outbox', `${job.id}.json`);
    const onDisk = async () => PublishJob.parse(JSON.parse(await readFile(jobFile, 'utf8'))).state;
    expect(await onDisk()).toBe('running');

    const unsaved = await services.close();
    expect(unsaved).toEqual([expect.stringMatching(/^The outbox could not save the latest state of one publishing job: the disk may be full\. Free some space and try again/)]);
    expect(await onDisk()).toBe('running');

    disk.free();
    expect(await services.close()).toEqual([]);
    closed = true;
    expect(await onDisk()).toBe('done');
  });
});
