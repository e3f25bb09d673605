import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openOutbox, type Outbox } from '../../../electron/main/services/publishing/outbox/outbox';
import { createHttpClient, httpRequest } from '../../../electron/main/services/publishing/http/http-client';
import { createJobPublisher } from '../../../electron/main/services/publishing/job-publisher';
import { networkError } from '../../../electron/main/services/publishing/http/http-errors';
import { PublishError } from '../../../electron/main/services/publishing/http/publish-error';
import { CREDENTIALS_REMOVED } from '../../../electron/main/services/publishing/targets/stored-target-credentials';
import { openTargetsStore } from '../../../electron/main/services/publishing/targets/targets-store';
import { TargetInput } from '../../../shared/model/publishing';
import { createTestSecretBox } from '../../fakes/secret-box';
import { attempt, newJob } from '../../integration/wordpress-publish-helpers';
import { httpServer, type LocalServer } from './http-test-servers';

/* Credentials typed into a target's address: refused, never stored, never sent, never logged. */

const dirs: string[] = [];
const servers: LocalServer[] = [];
const outboxes: Outbox[] = [];
afterEach(async () => {
  for (const outbox of outboxes.splice(0)) await outbox.close();
  for (const server of servers.splice(0)) await server.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function libraryDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-target-credentials-'));
  dirs.push(dir);
  return dir;
}

const messageOf = (input: unknown): string => {
  const parsed = TargetInput.safeParse(input);
  return parsed.success ? '' : parsed.error.issues.map((issue) => issue.message).join(' ');
};

describe('an address with credentials in it', () => {
  it('is refused for a WordPress site, saying where the password goes', () => {
    const input = { kind: 'wordpress', name: 'Daily', siteUrl: 'https://editor:hunter2@daily.example.com', user: 'editor' };
    expect(messageOf(input)).toContain('Remove the user name and password from the address');
    expect(messageOf(input)).toContain('“Application password”');
    // On this computer too, where plain http is allowed: the password is the first thing said.
    expect(messageOf({ ...input, siteUrl: 'http://editor:hunter2@127.0.0.1:8080' })).toMatch(/^Remove the user name and password/);
    expect(messageOf({ ...input, siteUrl: 'https://daily.example.com' })).toBe('');
  });

  it('is refused for a ninjs endpoint with a token in its query, saying it goes in “Bearer token”', () => {
    const input = { kind: 'ninjs', name: 'Wire', url: 'https://wire.example/in?api_key=SECRET&feed=news', ninjsVersion: '3.1' };
    expect(messageOf(input)).toContain('Remove “api_key=…” from the address and enter it in “Bearer token”');
    expect(messageOf({ ...input, url: 'https://wire.example/in?access_token=x' })).toContain('access_token');
    expect(messageOf({ ...input, url: 'https://wire.example/in?feed=news&page=2' })).toBe('');
  });

  it('is refused by the store too, and nothing is written', async () => {
    const dir = await libraryDir();
    const store = await openTargetsStore(dir, createTestSecretBox());
    await expect(store.save({ kind: 'wordpress', name: 'Daily', siteUrl: 'https://editor:hunter2@daily.example.com', user: 'editor' })).rejects.toThrow(
      /Remove the user name and password/,
    );
    expect(store.list()).toEqual([]);
  });

  it('is never requested: the client refuses it as a permanent error before anything is sent', async () => {
    let received = 0;
    const server = await httpServer((_req, res) => {
      received += 1;
      res.end('{}');
    });
    servers.push(server);
    const error = await httpRequest({ method: 'GET', url: server.url.replace('http://', 'http://editor:hunter2@') }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PublishError);
    expect((error as PublishError).kind).toBe('rejected');
    expect((error as PublishError).retryable).toBe(false);
    expect((error as PublishError).message).not.toContain('hunter2');
    expect(received).toBe(0);
  });

  it('fetch refusing a request it cannot build is permanent, not "offline"', () => {
    const refused = new TypeError('Request cannot be constructed from a URL that includes credentials: https://a:b@x.example/');
    expect(networkError(refused, 'x.example', 'waiting').kind).toBe('rejected');
    const down = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    expect(networkError(down, 'x.example', 'connecting').kind).toBe('offline');
  });
});

describe('targets.json', () => {
  it('is written readable by its owner only, like secrets.json', async () => {
    const dir = await libraryDir();
    const store = await openTargetsStore(dir, createTestSecretBox());
    await store.save({ kind: 'wordpress', name: 'Daily', siteUrl: 'https://daily.example.com', user: 'editor', secret: 'abcd efgh ijkl mnop qrst uvwx' });
    expect((await stat(join(dir, 'publishing', 'targets.json'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'publishing', 'secrets.json'))).mode & 0o777).toBe(0o600);
  });

  it('holding credentials in an address from before: they are cut out on opening, the target asks for its password again', async () => {
    const dir = await libraryDir();
    const box = createTestSecretBox();
    const first = await openTargetsStore(dir, box);
    const daily = await first.save({ kind: 'wordpress', name: 'Daily', siteUrl: 'https://daily.example.com', user: 'editor', secret: 'abcd efgh ijkl mnop qrst uvwx' });
    const plain = await first.save({ kind: 'wordpress', name: 'Weekly', siteUrl: 'https://weekly.example.com', user: 'editor', secret: 'wxyz efgh ijkl mnop qrst uvwx' });
    await first.close();
    // As an older Newsdesk (or a hand edit) left it: clear passwords in addresses, readable by all.
    const path = join(dir, 'publishing', 'targets.json');
    const file = JSON.parse(await readFile(path, 'utf8')) as { targets: Record<string, unknown>[] };
    file.targets[0]!.siteUrl = 'https://editor:hunter2@daily.example.com/news';
    file.targets.push({ id: 't-wire000001', kind: 'ninjs', name: 'Wire', url: 'https://wire.example/in?api_key=SECRET&feed=news', ninjsVersion: '3.1' });
    await writeFile(path, JSON.stringify(file), { mode: 0o644 });

    const store = await openTargetsStore(dir, box);
    const listed = store.list();
    expect(JSON.stringify(listed)).not.toMatch(/hunter2|SECRET/);
    expect(store.get(daily.id)).toMatchObject({ siteUrl: 'https://daily.example.com/news', hasSecret: false, attention: CREDENTIALS_REMOVED });
    expect(store.get('t-wire000001')).toMatchObject({ url: 'https://wire.example/in?feed=news', attention: CREDENTIALS_REMOVED });
    expect(store.get(plain.id)).toEqual({ ...plain });
    expect(await store.secretOf(plain.id)).toBe('wxyz efgh ijkl mnop qrst uvwx');
    await store.close();
    const onDisk = await readFile(path, 'utf8');
    expect(onDisk).not.toMatch(/hunter2|SECRET/);
    expect((await stat(path)).mode & 0o777).toBe(0o600);

    // Entering the password again clears the flag.
    const fixed = await store.save({ kind: 'wordpress', id: daily.id, name: 'Daily', siteUrl: 'https://daily.example.com/news', user: 'editor', secret: 'new1 efgh ijkl mnop qrst uvwx' });
    expect(fixed).toEqual({ kind: 'wordpress', id: daily.id, name: 'Daily', siteUrl: 'https://daily.example.com/news', user: 'editor', hasSecret: true });
  });
});

describe('a target cleaned on opening', () => {
  it('is not published to until its token is entered again', async () => {
    const dir = await libraryDir();
    let received = 0;
    const server = await httpServer((_req, res) => {
      received += 1;
      res.end('{}');
    });
    servers.push(server);
    await mkdir(join(dir, 'publishing'), { recursive: true });
    const wire = { id: 't-wire000001', kind: 'ninjs', name: 'Wire', url: `${server.url}/in?token=SECRET`, ninjsVersion: '3.1' };
    await writeFile(join(dir, 'publishing', 'targets.json'), JSON.stringify({ format: 1, targets: [wire] }));
    const targets = await openTargetsStore(dir, createTestSecretBox());
    // Nothing else is reached: the target is refused first.
    const unused = {} as never;
    const publisher = createJobPublisher({ drafts: unused, media: unused, board: unused, settings: unused, records: unused, targets, http: createHttpClient() });
    const result = await attempt(publisher, newJob('article-0001', wire.id));
    expect(result.error).toBeInstanceOf(PublishError);
    expect((result.error as PublishError).retryable).toBe(false);
    expect((result.error as PublishError).message).toContain('“Wire” cannot be used yet');
    expect(received).toBe(0);
    await targets.close();
  });
});

describe('the job log', () => {
  it('never holds a credential quoted in an error, and a refused address stops the job at once', async () => {
    const dir = await libraryDir();
    await mkdir(join(dir, 'publishing', 'outbox'), { recursive: true });
    let calls = 0;
    const outbox = await openOutbox({
      dir: join(dir, 'publishing', 'outbox'),
      retry: { baseMs: 5, capMs: 10 },
      publisher: () => {
        calls += 1;
        const refused = new TypeError('Request cannot be constructed from a URL that includes credentials: https://editor:hunter2@daily.example.com/wp-json/?api_key=SECRET');
        return Promise.reject(networkError(refused, 'daily.example.com', 'waiting'));
      },
    });
    outboxes.push(outbox);
    const job = await outbox.enqueue({ articleId: 'article-0001', targetId: 't-target01', headline: 'Story', mode: 'publish' });
    await outbox.whenIdle();
    const finished = outbox.get(job.id)!;
    expect(finished.state).toBe('failed');
    expect(calls).toBe(1);
    const text = JSON.stringify(finished) + (await readFile(join(dir, 'publishing', 'outbox', `${job.id}.json`), 'utf8'));
    expect(text).not.toMatch(/hunter2|SECRET/);
  });

  it('redacts a credential in any line a publisher writes', async () => {
    const dir = await libraryDir();
    const outbox = await openOutbox({
      dir: join(dir, 'publishing', 'outbox'),
      publisher: (context) => {
        context.log('warn', 'Tried https://editor:hunter2@daily.example.com/?token=SECRET');
        return Promise.resolve({ kind: 'done', remote: { postId: 1, link: '' } });
      },
    });
    outboxes.push(outbox);
    const job = await outbox.enqueue({ articleId: 'article-0001', targetId: 't-target01', headline: 'Story', mode: 'publish' });
    await outbox.whenIdle();
    await outbox.close();
    const onDisk = await readFile(join(dir, 'publishing', 'outbox', `${job.id}.json`), 'utf8');
    expect(onDisk).toContain('Tried https://');
    expect(onDisk).not.toMatch(/hunter2|SECRET/);
  });
});
