import { afterEach, describe, expect, it } from 'vitest';
import { httpRequest } from '../../electron/main/services/publishing/http/http-client';
import { PublishError } from '../../electron/main/services/publishing/http/publish-error';
import { httpServer, sleep, type LocalServer } from '../unit/publishing/http-test-servers';
import { seededRandom, startFaultProxy, type FaultProxy, type FaultProxyOptions } from './fault-proxy';

/** A small backend that records what reached it, in front of which the proxy breaks things. */
interface Backend {
  server: LocalServer;
  /** Requests that reached the backend whole: method, path and body size. */
  completed: Array<{ method: string; path: string; bytes: number }>;
}

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

async function backend(): Promise<Backend> {
  const completed: Backend['completed'] = [];
  const server = await httpServer((req, res) => {
    let bytes = 0;
    req.on('data', (chunk: Buffer) => (bytes += chunk.length));
    req.on('end', () => {
      completed.push({ method: req.method ?? '', path: req.url ?? '', bytes });
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: completed.length, host: req.headers.host }));
    });
  });
  cleanup.push(() => server.close());
  return { server, completed };
}

async function proxyFor(target: Backend, options: Omit<FaultProxyOptions, 'target'> = {}): Promise<FaultProxy> {
  const proxy = await startFaultProxy({ target: target.server.url, ...options });
  cleanup.push(() => proxy.close());
  return proxy;
}

async function outcome(promise: Promise<{ status: number }>): Promise<string> {
  try {
    return String((await promise).status);
  } catch (error) {
    if (error instanceof PublishError) return error.kind;
    throw error;
  }
}

const photo = new Uint8Array(200_000).fill(9);

describe('fault proxy', () => {
  it('passes requests through untouched, keeping the Host the client used', async () => {
    const site = await backend();
    const proxy = await proxyFor(site);
    const response = await httpRequest({ method: 'POST', url: `${proxy.url}/wp-json/wp/v2/media`, body: photo });
    expect(response.status).toBe(201);
    expect(response.json()).toEqual({ id: 1, host: `127.0.0.1:${proxy.port}` });
    expect(site.completed).toEqual([{ method: 'POST', path: '/wp-json/wp/v2/media', bytes: 200_000 }]);
    expect(proxy.stats).toEqual({ requests: 1, forwarded: 1 });
  });

  it('hits the nth matching request only, by method and path', async () => {
    const site = await backend();
    const proxy = await proxyFor(site, { rules: [{ kind: 'error500', method: 'POST', path: /\/posts/, nth: 2, times: 2 }] });
    const results: string[] = [];
    for (let i = 0; i < 4; i += 1) results.push(await outcome(httpRequest({ method: 'POST', url: `${proxy.url}/wp-json/wp/v2/posts`, json: { i } })));
    results.push(await outcome(httpRequest({ method: 'GET', url: `${proxy.url}/wp-json/wp/v2/posts` })));
    expect(results).toEqual(['201', '500', '500', '201', '201']);
    expect(proxy.injected.error500).toBe(2);
    expect(site.completed).toHaveLength(3);
  });

  it('429 carries Retry-After and never reaches the server', async () => {
    const site = await backend();
    const proxy = await proxyFor(site, { rules: [{ kind: 'rate429' }], retryAfterSeconds: 7 });
    const response = await httpRequest({ method: 'POST', url: `${proxy.url}/x`, body: photo });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(site.completed).toHaveLength(0);
  });

  it('refuse: the request is dropped and the port refuses connections for a while, then comes back', async () => {
    const site = await backend();
    const proxy = await proxyFor(site, { rules: [{ kind: 'refuse' }], refuseForMs: 500 });
    expect(await outcome(httpRequest({ method: 'GET', url: `${proxy.url}/a` }))).toBe('offline');
    const refused = await httpRequest({ method: 'GET', url: `${proxy.url}/b` }).catch((error: PublishError) => error.message);
    expect(refused).toBe(`127.0.0.1:${proxy.port} refused the connection: nothing is answering on that port.`);
    await sleep(700);
    expect(await outcome(httpRequest({ method: 'GET', url: `${proxy.url}/c` }))).toBe('201');
    expect(proxy.injected.refuse).toBe(1);
    expect(site.completed.map((request) => request.path)).toEqual(['/c']);
  });

  it('timeout: accepts and never answers, so the client times out', async () => {
    const site = await backend();
    const proxy = await proxyFor(site, { rules: [{ kind: 'timeout' }] });
    expect(await outcome(httpRequest({ method: 'GET', url: `${proxy.url}/slow`, timeoutMs: 300 }))).toBe('timeout');
    expect(site.completed).toHaveLength(0);
  });

  it('resetUpload: part of the body goes through, then the connection is reset; the server never gets the request whole', async () => {
    const site = await backend();
    const proxy = await proxyFor(site, { rules: [{ kind: 'resetUpload', path: /media/ }] });
    const error = await httpRequest({ method: 'POST', url: `${proxy.url}/wp-json/wp/v2/media`, body: photo }).catch((e: PublishError) => e);
    expect(error).toBeInstanceOf(PublishError);
    expect((error as PublishError).kind).toBe('offline');
    await sleep(100);
    expect(site.completed).toHaveLength(0);
    expect(proxy.injected.resetUpload).toBe(1);
  });

  it('loseResponse: the server does the work, the client never hears of it', async () => {
    const site = await backend();
    const proxy = await proxyFor(site, { rules: [{ kind: 'loseResponse', method: 'POST' }] });
    expect(await outcome(httpRequest({ method: 'POST', url: `${proxy.url}/wp-json/wp/v2/posts`, json: { title: 'x' } }))).toBe('offline');
    expect(site.completed).toEqual([{ method: 'POST', path: '/wp-json/wp/v2/posts', bytes: 13 }]);
    expect(proxy.injected.loseResponse).toBe(1);
  });

  it('a random schedule is the same for the same seed, and resetUpload only hits uploads', async () => {
    const runs: string[][] = [];
    for (let run = 0; run < 2; run += 1) {
      const site = await backend();
      const proxy = await proxyFor(site, { random: { seed: 42, rate: 0.5, kinds: ['error500', 'rate429', 'resetUpload'] } });
      for (let i = 0; i < 20; i += 1) {
        const upload = i % 2 === 0;
        await outcome(httpRequest({ method: 'POST', url: `${proxy.url}/r${i}`, ...(upload ? { body: photo } : { json: {} }) }));
      }
      expect(proxy.log.filter((fault) => fault.kind === 'resetUpload').every((fault) => Number(fault.path.slice(2)) % 2 === 0)).toBe(true);
      expect(proxy.log.length).toBeGreaterThan(3);
      expect(proxy.log.length).toBeLessThan(17);
      runs.push(proxy.log.map((fault) => `${fault.kind}${fault.path}`));
    }
    expect(runs[0]).toEqual(runs[1]);
  });

  it('seededRandom is deterministic and in [0, 1)', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const values = Array.from({ length: 100 }, () => a());
    expect(values).toEqual(Array.from({ length: 100 }, () => b()));
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
  });
});
