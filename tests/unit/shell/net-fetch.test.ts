import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chromiumFetch, withNodeCode } from '../../../electron/main/desktop/net-fetch';
import { networkError } from '../../../electron/main/services/publishing/http/http-errors';
import { createHttpClient, errorFromResponse } from '../../../electron/main/services/publishing/http/http-client';
import type { Services } from '../../../electron/main/services/compose';
import { app, net, resetFakeElectron } from '../../fakes/electron';
import { openTestServices } from '../../support/test-services';

// Publishing through Electron's net.fetch (Chromium's network stack: system proxy, OS
// certificates). The fake net.fetch answers as the real one does (a manual redirect rejects, errors
// are "net::ERR_…" messages, Response.url is empty); chromiumFetch must make that look like Node's
// fetch to the publishing client. And the services must send with the fetch they are given.

let server: Server;
let base: string;
const cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  resetFakeElectron();
  server = createServer((request, response) => {
    if (request.url === '/moved') return void response.writeHead(301, { location: '/here' }).end();
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ path: request.url, method: request.method }));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  await new Promise((done) => server.close(done));
});

describe('the fake net.fetch', () => {
  it('exists, refuses before ready, and answers like Electron’s afterwards', async () => {
    await expect(net.fetch(`${base}/a`)).rejects.toThrow(/before the app is ready/);
    await app.simulateReady();
    const response = await net.fetch(`${base}/a`);
    expect(response.status).toBe(200);
    expect(response.url).toBe('');
    await expect(net.fetch(`${base}/moved`, { method: 'POST', redirect: 'manual' })).rejects.toThrow('Redirect was cancelled');
  });
});

describe('chromiumFetch', () => {
  beforeEach(() => app.simulateReady());
  const fetchViaNet = () => chromiumFetch((input, init) => net.fetch(input, init));

  it('answers an unfollowed redirect with a 3xx, which publishing reports as a redirect (not retried)', async () => {
    const wrapped = await fetchViaNet()(`${base}/moved`, { method: 'POST', redirect: 'manual' });
    expect(wrapped.status).toBeGreaterThanOrEqual(300);
    expect(wrapped.status).toBeLessThan(400);
    expect(wrapped.url).toBe(`${base}/moved`);

    const response = await createHttpClient({ fetch: fetchViaNet() }).request({ method: 'POST', url: `${base}/moved`, json: {} });
    const error = errorFromResponse(response, 'create the post');
    expect(error.kind).toBe('rejected');
    expect(error.message).toContain('redirected the request');
  });

  it('gives the address asked for as Response.url, which net.fetch leaves empty', async () => {
    const response = await fetchViaNet()(`${base}/story`);
    expect(response.url).toBe(`${base}/story`);
    expect(await response.json()).toEqual({ path: '/story', method: 'GET' });
  });

  it('turns Chromium’s errors into the codes publishing classifies', async () => {
    const closed = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await new Promise((done) => server.close(done));
    const refused = await fetchViaNet()(`${closed}/x`).catch((error: unknown) => error);
    expect((refused as { code?: string }).code).toBe('ECONNREFUSED');
    expect(networkError(refused, '127.0.0.1:1', 'connecting').kind).toBe('offline');
    server = createServer().listen(0); // for afterEach

    const untrusted = networkError(withNodeCode(new Error('net::ERR_CERT_AUTHORITY_INVALID')), 'news.example.com', 'connecting');
    expect(untrusted.kind).toBe('rejected');
    expect(untrusted.message).toContain('certificate is not trusted');
    expect(networkError(withNodeCode(new Error('net::ERR_NAME_NOT_RESOLVED')), 'nowhere.example', 'connecting').message).toContain('DNS');
  });
});

describe('the services send publishing requests with the fetch they are given', () => {
  async function open(overrides: Parameters<typeof openTestServices>[1]): Promise<Services> {
    const dir = await mkdtemp(join(tmpdir(), 'newsdesk-fetch-'));
    const services = await openTestServices(dir, overrides);
    cleanups.push(async () => {
      await services.close();
      await rm(dir, { recursive: true, force: true });
    });
    return services;
  }

  it('uses the injected fetch for a connection test', async () => {
    const calls: string[] = [];
    const recording: typeof fetch = async (input) => {
      calls.push(String(input instanceof Request ? input.url : input));
      return new Response('{}', { status: 404, headers: { 'content-type': 'application/json' } });
    };
    const services = await open({ fetch: recording });
    await services.handlers['targets:test']({ input: { kind: 'ninjs', name: 'Wire', url: `${base}/stories`, ninjsVersion: '3.1', secret: null } });
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((url) => url.startsWith(`${base}/`))).toBe(true);
  });

  it('uses Node’s fetch when none is given (tests, benchmarks)', async () => {
    const services = await open({});
    const report = await services.handlers['targets:test']({ input: { kind: 'ninjs', name: 'Wire', url: `${base}/stories`, ninjsVersion: '3.1', secret: null } });
    expect(report.steps.length).toBeGreaterThan(0);
    expect(net.requests).toEqual([]);
  });
});
