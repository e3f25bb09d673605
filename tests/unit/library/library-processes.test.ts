import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '../../../shared/model/article';
import type { PublishJob } from '../../../shared/model/publishing';
import { httpServer } from '../publishing/http-test-servers';
import { must, startLibraryProcess, type LibraryProcess } from './library-process';

/**
 * Two real Newsdesk processes on one library, as two desks on a synced or network folder are: the
 * second opens it read-only, says who holds it, and refuses every change that used to overwrite
 * the first one's work; a holder killed with SIGKILL does not lock the library for ever.
 */

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function dataFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-two-desks-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function start(dataDir: string): Promise<LibraryProcess> {
  const desk = await startLibraryProcess(dataDir);
  cleanups.push(() => desk.kill());
  return desk;
}

/** A ninjs endpoint that counts requests and answers none while the test runs (a slow site). */
async function silentEndpoint(): Promise<{ url: string; received: () => number }> {
  let received = 0;
  const held: ServerResponse[] = [];
  const server = await httpServer((request: IncomingMessage, response) => {
    received += 1;
    request.resume();
    held.push(response);
  });
  cleanups.push(() => server.close());
  return { url: server.url, received: () => received };
}

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let tries = 0; tries < 400; tries += 1) {
    if (await condition()) return;
    await new Promise((wait) => setTimeout(wait, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}

const byline = [{ name: 'Sam Reporter', role: '', avatar: null }];

describe('two processes on one library', () => {
  it('opens the second read-only, names the first, and refuses the changes that used to be lost', { timeout: 60_000 }, async () => {
    const dataDir = await dataFolder();
    const first = await start(dataDir);
    expect(first.readOnly).toBeNull();

    // The first desk: a story, a target, a job being sent, and an import under way.
    const created = await must<Article>(first.call('drafts:create', { section: 'News' }));
    const story = { ...created, headline: 'Budget passes', dek: 'A late vote', byline };
    await must(first.call('drafts:save', { article: story, reason: 'manual' }));
    const site = await silentEndpoint();
    const target = await must<{ id: string }>(first.call('targets:save', { kind: 'ninjs', name: 'Wire', url: `${site.url}/stories`, ninjsVersion: '2.2', secret: 'token-1' }));
    const check = await must<{ warnings: { code: string }[] }>(first.call('publish:check', { articleId: story.id, targetId: target.id, mode: 'publish' }));
    const job = await must<PublishJob>(first.call('publish:queue', { articleId: story.id, targetId: target.id, mode: 'publish', acknowledged: check.warnings.map((w) => w.code) }));
    await until(() => site.received() === 1, 'the first desk to send its job');
    const media = join(dataDir, 'library', 'media');
    await writeFile(join(media, 'incoming', 'import-under-way.part'), 'bytes of a picture being imported');
    const importedOriginal = join(media, 'originals', `${'ab'.repeat(32)}.jpg`);
    await writeFile(importedOriginal, 'an original whose record is being written');

    const second = await start(dataDir);
    // Soft: each lost-data scenario below is reported on its own, even when an earlier one fails.
    expect.soft(second.readOnly?.reason).toMatch(new RegExp(`^Open on ${hostname()} since .+: opened read-only\\.`));
    expect.soft(second.readOnly?.heldBy).toMatchObject({ host: hostname(), pid: first.pid });

    // Everything can be read there.
    expect(await must<{ items: { id: string }[] }>(second.call('drafts:list', {}))).toMatchObject({ items: [{ id: story.id }] });
    expect(await must<{ jobs: { id: string }[] }>(second.call('outbox:list', {}))).toMatchObject({ jobs: [{ id: job.id }] });

    // Every change is refused with who holds the library, and nothing reaches the disk.
    const stale = { ...story, headline: 'An older headline' };
    const attempts: [string, unknown][] = [
      ['board:place', { item: { kind: 'article', id: story.id }, feedId: 'news-feed' }],
      ['targets:save', { kind: 'ninjs', name: 'Second wire', url: `${site.url}/other`, ninjsVersion: '2.2' }],
      ['drafts:save', { article: stale, reason: 'auto' }],
      ['drafts:create', { section: 'News' }],
      ['media:beginImport', { names: ['harbour.jpg'] }],
      ['publish:queue', { articleId: story.id, targetId: target.id, mode: 'publish', acknowledged: check.warnings.map((w) => w.code) }],
      ['outbox:retryNow', {}],
      ['settings:update', { sections: ['News', 'Sport'] }],
    ];
    for (const [channel, request] of attempts) {
      const result = await second.call(channel, request);
      expect.soft(result, channel).toMatchObject({ ok: false, error: { code: 'conflict' } });
      if (!result.ok) expect.soft(result.error.message, channel).toMatch(/^Open on .+: opened read-only\..*Nothing was changed\.$/);
    }

    // The first desk's import under way was left alone, and its job was neither resumed nor sent again.
    expect.soft(await readdir(join(media, 'incoming'))).toContain('import-under-way.part');
    expect.soft(existsSync(importedOriginal)).toBe(true);
    const jobFile = JSON.parse(await readFile(join(dataDir, 'library', 'publishing', 'outbox', `${job.id}.json`), 'utf8')) as PublishJob;
    expect.soft(JSON.stringify(jobFile.log)).not.toMatch(/resuming/);
    await second.close();
    expect.soft(site.received()).toBe(1);

    // The first desk still writes, and its story is as it saved it.
    expect.soft(await must<Article>(first.call('drafts:get', { id: story.id }))).toMatchObject({ headline: 'Budget passes' });
    expect(await must<{ items: unknown[] }>(first.call('board:place', { item: { kind: 'article', id: story.id }, feedId: 'news-feed' }))).toBeTruthy();
    await first.close();
    expect(existsSync(join(dataDir, 'library', 'newsdesk.lock'))).toBe(false);
  });

  it('takes the library over from a holder killed with SIGKILL', { timeout: 60_000 }, async () => {
    const dataDir = await dataFolder();
    const first = await start(dataDir);
    expect(first.readOnly).toBeNull();
    await first.kill();
    // The dead holder's lock is still there; its pid is what frees it.
    expect(JSON.parse(await readFile(join(dataDir, 'library', 'newsdesk.lock'), 'utf8'))).toMatchObject({ pid: first.pid, host: hostname() });

    const next = await start(dataDir);
    expect(next.readOnly).toBeNull();
    await must(next.call('drafts:create', { section: 'News' }));
    await next.close();
  });

  it('opens a library this account cannot write read-only, and one whose media folder it cannot write', { timeout: 60_000 }, async (context) => {
    if (process.platform === 'win32' || typeof process.getuid !== 'function') return context.skip('file modes and setpriv are POSIX');
    if (process.getuid() !== 0 && !existsSync('/usr/bin/setpriv')) return context.skip('needs root to run a process as another user');
    const dataDir = await dataFolder();
    const home = await mkdtemp(join(tmpdir(), 'newsdesk-nobody-home-'));
    cleanups.push(() => rm(home, { recursive: true, force: true }));
    // Made by the owner: a story and the usual folders.
    const owner = await start(dataDir);
    const created = await must<Article>(owner.call('drafts:create', { section: 'News' }));
    await must(owner.call('drafts:save', { article: { ...created, headline: 'Read me' }, reason: 'manual' }));
    await owner.close();
    await mkdir(join(dataDir, 'library', 'media', 'incoming', 'left-over'), { recursive: true });
    // And a lock left by a writer that crashed before the library became read-only.
    const deadPid = (await import('node:child_process')).spawnSync('true').pid;
    const crashedAt = new Date().toISOString();
    await writeFile(join(dataDir, 'library', 'newsdesk.lock'), JSON.stringify({ app: 'Newsdesk', pid: deadPid, host: hostname(), startedAt: crashedAt, heartbeatAt: crashedAt, token: 'crashed' }));
    const run = (args: string[]) => import('node:child_process').then(({ execFileSync }) => execFileSync(args[0]!, args.slice(1)));
    const nobody = { uid: 65534, gid: 65534, home };
    await run(['chown', '-R', '65534:65534', home]);
    await run(['chmod', '755', dataDir]);
    await run(['chmod', '-R', 'a+rX,a-w', join(dataDir, 'library')]);

    const reader = await startLibraryProcess(dataDir, { asUser: nobody, memorySettings: true });
    cleanups.push(() => reader.kill());
    expect(reader.readOnly?.reason).toMatch(/^The library folder .+ cannot be written \(EACCES\): opened read-only\./);
    expect(await must<{ items: { headline: string }[] }>(reader.call('drafts:list', {}))).toMatchObject({ items: [{ headline: 'Read me' }] });
    const refused = await reader.call('drafts:create', { section: 'News' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'io' } });
    await reader.close();

    // Only media/ read-only: the library opens read-only and names that folder.
    await run(['chmod', '-R', 'u+w', join(dataDir, 'library')]);
    await rm(join(dataDir, 'library', 'newsdesk.lock'));
    await run(['chown', '-R', '65534:65534', join(dataDir, 'library')]);
    await run(['chmod', '-R', 'a-w', join(dataDir, 'library', 'media')]);
    const second = await startLibraryProcess(dataDir, { asUser: nobody, memorySettings: true });
    cleanups.push(() => second.kill());
    expect(second.readOnly?.reason).toMatch(/^The folder media in the library .+ cannot be written \(EACCES\): opened read-only\./);
    expect(existsSync(join(dataDir, 'library', 'newsdesk.lock'))).toBe(false);
    await second.close();
    await run(['chmod', '-R', 'u+w', dataDir]);

    // A read-only copy holding only drafts/ (the other folders never made): opens and reads as empty elsewhere.
    const partial = await dataFolder();
    await mkdir(join(partial, 'library'), { recursive: true });
    await run(['cp', '-r', join(dataDir, 'library', 'drafts'), join(partial, 'library', 'drafts')]);
    await run(['chmod', '755', partial]);
    await run(['chmod', '-R', 'a+rX,a-w', join(partial, 'library')]);
    const third = await startLibraryProcess(partial, { asUser: nobody, memorySettings: true });
    cleanups.push(() => third.kill());
    expect(third.readOnly?.reason).toMatch(/cannot be written \(EACCES\): opened read-only\./);
    expect(await must<{ items: { headline: string }[] }>(third.call('drafts:list', {}))).toMatchObject({ items: [{ headline: 'Read me' }] });
    expect(await must<{ items: unknown[] }>(third.call('media:list', {}))).toMatchObject({ items: [] });
    await third.close();
    await run(['chmod', '-R', 'u+w', partial]);
  });
});
