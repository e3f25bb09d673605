import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient, errorFromResponse, httpRequest, parseRetryAfter, type HttpResponse } from '../../../electron/main/services/publishing/http/http-client';
import { createSiteClocks } from '../../../electron/main/services/publishing/http/site-clock';
import { PublishError } from '../../../electron/main/services/publishing/http/publish-error';
import { closedPort, httpServer, listen, phpAvailable, selfSignedCertificate, sleep, type LocalServer } from './http-test-servers';

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
async function serve(handler: Parameters<typeof httpServer>[0]): Promise<LocalServer> {
  const server = await httpServer(handler);
  servers.push(server);
  return server;
}

async function failure(promise: Promise<unknown>): Promise<PublishError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(PublishError);
    return error as PublishError;
  }
  throw new Error('expected the request to fail');
}

describe('httpRequest: answers', () => {
  it('returns any HTTP status without throwing, with text, headers and parsed JSON', async () => {
    const server = await serve((req, res) => {
      res.writeHead(req.url === '/missing' ? 404 : 200, { 'content-type': 'application/json', 'x-wp-total': '3' });
      res.end(JSON.stringify({ path: req.url, method: req.method }));
    });
    const ok = await httpRequest({ method: 'GET', url: `${server.url}/wp-json/` });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-wp-total')).toBe('3');
    expect(ok.json<{ path: string }>()?.path).toBe('/wp-json/');
    const missing = await httpRequest({ method: 'DELETE', url: `${server.url}/missing` });
    expect(missing.status).toBe(404);
    expect(missing.json<{ method: string }>()?.method).toBe('DELETE');
  });

  it('json() is undefined for a body that is not JSON', async () => {
    const server = await serve((_req, res) => res.end('<html>not json</html>'));
    const response = await httpRequest({ method: 'GET', url: server.url });
    expect(response.text).toContain('not json');
    expect(response.json()).toBeUndefined();
  });

  it('sends JSON with its content type', async () => {
    const server = await serve((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => res.end(JSON.stringify({ type: req.headers['content-type'], body: JSON.parse(body) })));
    });
    const response = await httpRequest({ method: 'POST', url: server.url, json: { title: 'Harbour' } });
    expect(response.json()).toEqual({ type: 'application/json', body: { title: 'Harbour' } });
  });

  it('follows redirects for GET, but hands a redirected POST back instead of re-sending it elsewhere', async () => {
    const seen: string[] = [];
    const server = await serve((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      if (req.url === '/old') {
        res.writeHead(301, { location: '/new' });
        res.end();
        return;
      }
      res.end('{"ok":true}');
    });
    expect((await httpRequest({ method: 'GET', url: `${server.url}/old` })).json()).toEqual({ ok: true });
    const post = await httpRequest({ method: 'POST', url: `${server.url}/old`, json: { title: 'x' } });
    expect(post.status).toBe(301);
    expect(seen).toEqual(['GET /old', 'GET /new', 'POST /old']);
  });

  it('uploads bytes in chunks with an explicit Content-Length (never chunked) and reports progress up to the total', async () => {
    const server = await serve((req, res) => {
      let received = 0;
      req.on('data', (chunk: Buffer) => (received += chunk.length));
      req.on('end', () =>
        res.end(JSON.stringify({ received, length: req.headers['content-length'], chunked: req.headers['transfer-encoding'] ?? null })),
      );
    });
    const bytes = new Uint8Array(1_000_000).fill(7);
    const progress: Array<[number, number]> = [];
    const response = await httpRequest({
      method: 'POST',
      url: server.url,
      body: bytes,
      headers: { 'content-type': 'image/jpeg' },
      onUploadProgress: (sent, total) => progress.push([sent, total]),
    });
    expect(response.json()).toEqual({ received: 1_000_000, length: '1000000', chunked: null });
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.at(-1)).toEqual([1_000_000, 1_000_000]);
    const sent = progress.map(([value]) => value);
    expect([...sent].sort((a, b) => a - b)).toEqual(sent);
  });
});

describe.skipIf(!phpAvailable())("httpRequest against PHP's built-in server", () => {
  if (!phpAvailable()) console.warn('Skipped: php is not installed, so the upload cannot be tried against php -S.');
  let php: ChildProcess | null = null;
  let dir = '';
  afterEach(() => {
    php?.kill('SIGTERM');
    php = null;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('PHP receives a streamed upload whole, with its Content-Length and no chunked encoding', async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsdesk-php-'));
    writeFileSync(
      join(dir, 'router.php'),
      '<?php header("Content-Type: application/json"); echo json_encode(["bytes" => strlen(file_get_contents("php://input")), "length" => $_SERVER["CONTENT_LENGTH"] ?? null, "encoding" => $_SERVER["HTTP_TRANSFER_ENCODING"] ?? null]);',
    );
    const port = await closedPort();
    php = spawn('php', ['-S', `127.0.0.1:${port}`, join(dir, 'router.php')], { stdio: 'ignore' });
    const url = `http://127.0.0.1:${port}/upload`;
    for (let tries = 0; ; tries += 1) {
      try {
        await httpRequest({ method: 'GET', url, timeoutMs: 1000 });
        break;
      } catch (error) {
        if (tries > 50) throw error;
        await sleep(100);
      }
    }
    const response = await httpRequest({ method: 'POST', url, body: new Uint8Array(700_000).fill(1), headers: { 'content-type': 'image/jpeg' } });
    expect(response.json()).toEqual({ bytes: 700_000, length: '700000', encoding: null });
  });
});

describe('httpRequest: network failures, each said precisely', () => {
  it('a closed port → offline, "refused the connection", naming host and port', async () => {
    const port = await closedPort();
    const error = await failure(httpRequest({ method: 'GET', url: `http://127.0.0.1:${port}/wp-json/` }));
    expect(error.kind).toBe('offline');
    expect(error.message).toBe(`127.0.0.1:${port} refused the connection: nothing is answering on that port.`);
    expect(error.retryable).toBe(true);
  });

  it('a name that does not resolve → offline, naming the server (DNS)', async () => {
    const error = await failure(httpRequest({ method: 'GET', url: 'http://nonexistent.invalid/wp-json/' }));
    expect(error.kind).toBe('offline');
    expect(error.message).toMatch(/the server “nonexistent\.invalid” \(DNS/);
  });

  it('a server that never answers → timeout after timeoutMs', async () => {
    const server = await serve(() => {
      /* accepts, never answers */
    });
    const started = Date.now();
    const error = await failure(httpRequest({ method: 'GET', url: server.url, timeoutMs: 400 }));
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(`127.0.0.1:${server.port} did not answer within 400 ms.`);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('an upload the server stops reading → timeout "stalled" (no byte moving for timeoutMs)', async () => {
    const server = await serve((req) => req.pause());
    const error = await failure(httpRequest({ method: 'POST', url: server.url, body: new Uint8Array(64 * 1024 * 1024), timeoutMs: 500 }));
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(`The upload to 127.0.0.1:${server.port} stalled: nothing moved for 500 ms.`);
  });

  it('an upload keeps going past timeoutMs while bytes keep moving (stall timeout, not a whole-request one)', async () => {
    const server = await serve((req, res) => {
      req.resume();
      req.on('end', async () => {
        res.writeHead(200);
        for (let i = 0; i < 6; i += 1) {
          res.write(' ');
          await sleep(150);
        }
        res.end('{"ok":true}');
      });
    });
    const response = await httpRequest({ method: 'POST', url: server.url, body: new Uint8Array(10_000), timeoutMs: 400 });
    expect(response.json()).toEqual({ ok: true });
    const error = await failure(httpRequest({ method: 'POST', url: server.url, body: '{}', timeoutMs: 400 }));
    expect(error.message).toBe(`127.0.0.1:${server.port} did not finish its answer within 400 ms.`);
  });

  it('a connection reset in the middle of an upload → offline, "reset while sending"', async () => {
    const server = await serve((req) => {
      let received = 0;
      req.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > 200_000) req.socket.resetAndDestroy();
      });
    });
    const error = await failure(
      httpRequest({ method: 'POST', url: server.url, body: new Uint8Array(8_000_000), headers: { authorization: 'Basic c2VjcmV0OnBhc3N3b3Jk' } }),
    );
    expect(error.kind).toBe('offline');
    expect(error.message).toMatch(new RegExp(`^The connection to 127\\.0\\.0\\.1:${server.port} was (reset|closed( by the server)?) while sending\\.$`));
    expect(error.message).not.toContain('c2VjcmV0');
  });

  it('a connection closed before any answer → offline, while waiting for the answer', async () => {
    const server = await serve((req) => req.socket.destroy());
    const error = await failure(httpRequest({ method: 'GET', url: server.url }));
    expect(error.kind).toBe('offline');
    expect(error.message).toMatch(/127\.0\.0\.1:\d+ was (reset|closed)/);
  });

  it('cancelling through the signal → local "Cancelled."', async () => {
    const server = await serve(() => {
      /* never answers */
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(httpRequest({ method: 'GET', url: server.url, signal: controller.signal }));
    expect(error.kind).toBe('local');
    expect(error.message).toBe('Cancelled.');
    const already = new AbortController();
    already.abort();
    expect((await failure(httpRequest({ method: 'GET', url: server.url, signal: already.signal }))).message).toBe('Cancelled.');
  });

  const certificate = selfSignedCertificate();
  it.skipIf(!certificate)('a self-signed certificate → rejected, "not trusted (CODE)"', async () => {
    if (!certificate) return;
    const server = await listen(https.createServer(certificate, (_req, res) => res.end('{}')));
    servers.push(server);
    const error = await failure(httpRequest({ method: 'GET', url: server.url }));
    expect(error.kind).toBe('rejected');
    expect(error.message).toMatch(/^The site's certificate is not trusted \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)\)\.$/);
  });
  if (!certificate) console.warn('Skipped the TLS test: openssl is not installed to make a self-signed certificate.');

  it('https to a plain http port → rejected, says to check http or https', async () => {
    const server = await serve((_req, res) => res.end('{}'));
    const error = await failure(httpRequest({ method: 'GET', url: server.url.replace('http:', 'https:') }));
    expect(error.kind).toBe('rejected');
    expect(error.message).toContain('does not speak HTTPS');
  });
});

function answer(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { status, headers: new Headers(headers), url: 'http://127.0.0.1/', text, json: <T>() => { try { return JSON.parse(text) as T; } catch { return undefined; } } };
}

describe('errorFromResponse', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  it("a 403 from WordPress → rejected, with WordPress's own message and code", () => {
    const error = errorFromResponse(
      answer(403, { code: 'rest_cannot_create', message: 'Sorry, you are not allowed to create posts as this user.', data: { status: 403 } }),
      'create the post',
      now,
    );
    expect(error.kind).toBe('rejected');
    expect(error.status).toBe(403);
    expect(error.message).toBe('WordPress refused to create the post: Sorry, you are not allowed to create posts as this user. (rest_cannot_create, 403)');
  });

  it('a 401 from a site that is not WordPress → rejected, HTTP status', () => {
    const error = errorFromResponse(answer(401, '<html>no</html>'), 'send the story', now);
    expect(error.message).toBe('The site refused to send the story. (HTTP 401)');
  });

  it('5xx → server, retryable, with Retry-After in seconds', () => {
    const error = errorFromResponse(answer(503, '<h1>down</h1>', { 'retry-after': '120' }), 'upload “harbour.jpg”', now);
    expect(error.kind).toBe('server');
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBe(120_000);
    expect(error.message).toBe('The site had an error and could not upload “harbour.jpg”. (HTTP 503)');
  });

  it('429 → server, with Retry-After as an HTTP date', () => {
    const error = errorFromResponse(answer(429, { code: 'too_many', message: 'Slow down' }, { 'retry-after': 'Sun, 01 Mar 2026 12:00:30 GMT' }), 'create the post', now);
    expect(error.kind).toBe('server');
    expect(error.retryAfterMs).toBe(30_000);
    expect(error.message).toContain('It asked to wait 30 s.');
  });

  it('408 → timeout; a redirect → rejected, telling to check the address', () => {
    expect(errorFromResponse(answer(408, ''), 'create the post', now).kind).toBe('timeout');
    const redirect = errorFromResponse(answer(301, '', { location: 'https://example.com/' }), 'create the post', now);
    expect(redirect.kind).toBe('rejected');
    expect(redirect.message).toContain('check the site address');
  });

  it('strips HTML from WordPress messages', () => {
    const error = errorFromResponse(answer(400, { code: 'rest_invalid_param', message: 'Invalid <strong>parameter</strong>: status' }), 'create the post', now);
    expect(error.message).toBe('WordPress refused to create the post: Invalid parameter: status. (rest_invalid_param, 400)');
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  it('reads seconds and HTTP dates, never negative, null when absent or unreadable', () => {
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter(' 5 ', now)).toBe(5000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 12:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('', now)).toBeNull();
    expect(parseRetryAfter('-3', now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});

describe('the site clock', () => {
  it('reads a Retry-After date against the answer’s own Date, not this computer’s clock', () => {
    // This computer's clock is 45 minutes fast: against it the date would have passed already.
    const error = errorFromResponse(
      answer(503, '', { 'retry-after': 'Sun, 01 Mar 2026 12:00:30 GMT', date: 'Sun, 01 Mar 2026 12:00:00 GMT' }),
      'create the post',
    );
    expect(error.retryAfterMs).toBe(30_000);
  });

  it('learns how far a site’s clock is off from its Date header', async () => {
    const siteTime = Date.now() - 45 * 60_000;
    const server = await serve((_req, res) => {
      res.setHeader('date', new Date(siteTime).toUTCString());
      res.end('{}');
    });
    const { clocks } = createHttpClient();
    await httpRequest({ method: 'GET', url: `${server.url}/wp-json/` }, { clocks });
    const skew = clocks.skewMs(`${server.url}/somewhere/else`, Date.now());
    // Whole seconds in the header, plus the time the request took.
    expect(skew).not.toBeNull();
    expect(Math.abs((skew ?? 0) + 45 * 60_000)).toBeLessThan(5_000);
    expect(clocks.skewMs('https://never-asked.example/', Date.now())).toBeNull();
  });

  it('carries the site’s time forward on the monotonic clock, whatever the wall clock does', () => {
    let mono = 0;
    const clocks = createSiteClocks(() => mono);
    clocks.observe('https://site.example', 'Sun, 06 Dec 2026 20:00:00 GMT', 0, 0);
    mono = 60_000;
    expect(clocks.siteNow('https://site.example/wp-json/')).toBe(Date.parse('2026-12-06T20:01:00.500Z'));
    clocks.observe('https://other.example', 'not a date', 0, 0);
    expect(clocks.siteNow('https://other.example/')).toBeNull();
  });
});
