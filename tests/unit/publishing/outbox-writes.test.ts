import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as atomicWrite from '../../../electron/main/services/fs/atomic-write';
import { openOutbox, type Outbox } from '../../../electron/main/services/publishing/outbox/outbox';
import { PublishJob } from '../../../shared/model/publishing';

/**
 * What one published job costs the disk. Each job state the outbox writes is a durable write (the
 * bytes and the folder flushed), the slowest step of publishing to a fast site, so only the states
 * the outbox acts on get one: queued, sending, and the outcome. What an attempt says along the way
 * (its log lines, its progress) goes to disk with the next of those.
 */

vi.mock('../../../electron/main/services/fs/atomic-write', async (importOriginal) => {
  const original = await importOriginal<typeof atomicWrite>();
  return { ...original, writeFileAtomic: vi.fn(original.writeFileAtomic) };
});

const dirs: string[] = [];
const outboxes: Outbox[] = [];
afterEach(async () => {
  for (const outbox of outboxes.splice(0)) await outbox.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  vi.mocked(atomicWrite.writeFileAtomic).mockClear();
});

describe('the outbox’s writes of one job', () => {
  it('are three (queued, sending, published), however many lines the attempt logs; the lines are in the last', async () => {
    const lib = await mkdtemp(join(tmpdir(), 'newsdesk-outbox-writes-'));
    dirs.push(lib);
    const dir = join(lib, 'publishing', 'outbox');
    const outbox = await openOutbox({
      dir,
      publisher: async (context) => {
        // As a publisher does: a line after each request, while the requests go on.
        for (const step of ['Uploaded “Quay” (media 5).', 'Created post 7 (publish).', 'Byline: Ana Reporter.']) {
          context.log('info', step);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        return { kind: 'done', remote: { postId: 7, link: 'https://site.example/?p=7' } };
      },
    });
    outboxes.push(outbox);
    const { id } = await outbox.enqueue({ articleId: 'article-0001', targetId: 't-target01', headline: 'Story 1', mode: 'publish' });
    await outbox.whenIdle();

    const jobFile = join(dir, `${id}.json`);
    const writes = vi.mocked(atomicWrite.writeFileAtomic).mock.calls.filter(([path]) => path === jobFile);
    // Queued and done are durable (folder flushed); a power cut may take "sending" back to queued.
    expect(writes.map(([, text, options]) => [PublishJob.parse(JSON.parse(String(text))).state, options?.flushFolder ?? true])).toEqual([
      ['queued', true],
      ['running', false],
      ['done', true],
    ]);
    const onDisk = PublishJob.parse(JSON.parse(await readFile(jobFile, 'utf8')));
    expect(onDisk.log.map((line) => line.message)).toEqual([
      'Queued for publishing.',
      'Sending.',
      'Uploaded “Quay” (media 5).',
      'Created post 7 (publish).',
      'Byline: Ana Reporter.',
      'Published: https://site.example/?p=7.',
    ]);
  });
});
