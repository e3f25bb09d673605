import type { IncomingHttpHeaders } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { sendNinjsDocument } from '../../../electron/main/services/publishing/export/ninjs-endpoint';
import { PublishError } from '../../../electron/main/services/publishing/http/publish-error';
import { httpServer, type LocalServer } from './http-test-servers';
import { createHttpClient } from '../../../electron/main/services/publishing/http/http-client';

const http = createHttpClient();

interface Received {
  method: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A receiver that stores each story once per Idempotency-Key, as a well-behaved endpoint does. */
async function receiver(status = 201): Promise<{ server: LocalServer; received: Received[]; stored: Map<string, unknown> }> {
  const received: Received[] = [];
  const stored = new Map<string, unknown>();
  const server = await httpServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const body = JSON.parse(text) as unknown;
      received.push({ method: req.method ?? '', headers: req.headers, body });
      const key = String(req.headers['idempotency-key']);
      const duplicate = stored.has(key);
      if (!duplicate) stored.set(key, body);
      res.writeHead(duplicate ? 200 : status, { 'content-type': 'application/json' });
      res.end(status >= 400 ? JSON.stringify({ message: 'Nope' }) : '{}');
    });
  });
  servers.push(server);
  return { server, received, stored };
}

const document = { version: '2.2', uri: 'urn:newsdesk:article:a-1', headline: 'Harbour reopens', body_html: '<p>Ships are back.</p>' };

async function failure(promise: Promise<unknown>): Promise<PublishError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(PublishError);
    return error as PublishError;
  }
  throw new Error('expected a failure');
}

describe('sendNinjsDocument', () => {
  it('POSTs the document as JSON with the bearer token, the Idempotency-Key and a Content-Length', async () => {
    const { server, received } = await receiver();
    const progress: number[] = [];
    const result = await sendNinjsDocument({
      url: `${server.url}/ingest`,
      token: 'tok-123',
      document,
      clientKey: 'k1a2b3c4d5e6f7g8',
      http,
      onProgress: (sent) => progress.push(sent),
    });
    expect(result).toEqual({ status: 201 });
    expect(received).toHaveLength(1);
    expect(received[0]!.method).toBe('POST');
    expect(received[0]!.body).toEqual(document);
    expect(received[0]!.headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      authorization: 'Bearer tok-123',
      'idempotency-key': 'k1a2b3c4d5e6f7g8',
      'content-length': String(Buffer.byteLength(JSON.stringify(document))),
    });
    expect(progress.at(-1)).toBe(Buffer.byteLength(JSON.stringify(document)));
  });

  it('a retry carries the same key, so the receiver stores the story once', async () => {
    const { server, received, stored } = await receiver();
    const request = { url: server.url, token: 'tok', document, clientKey: 'samekey000000001', http };
    await sendNinjsDocument(request);
    expect(await sendNinjsDocument(request)).toEqual({ status: 200 });
    expect(received).toHaveLength(2);
    expect(stored.size).toBe(1);
  });

  it('sends no Authorization header without a token', async () => {
    const { server, received } = await receiver();
    await sendNinjsDocument({ url: server.url, token: null, document, clientKey: 'notoken000000001', http });
    expect(received[0]!.headers.authorization).toBeUndefined();
  });

  it('401 → rejected, telling to check the token (never showing it)', async () => {
    const { server } = await receiver(401);
    const error = await failure(sendNinjsDocument({ url: server.url, token: 'secret-token', document, clientKey: 'key0000000000001', http }));
    expect(error.kind).toBe('rejected');
    expect(error.message).toBe("The endpoint refused the token (HTTP 401): check the token in the target's settings.");
    expect(error.message).not.toContain('secret-token');
  });

  it('500 → server (retryable); 409 → server (an earlier attempt still running); 422 → rejected', async () => {
    for (const [status, kind] of [
      [500, 'server'],
      [409, 'server'],
      [422, 'rejected'],
    ] as const) {
      const { server } = await receiver(status);
      const error = await failure(sendNinjsDocument({ url: server.url, token: 't', document, clientKey: `key${status}0000000000`, http }));
      expect([status, error.kind]).toEqual([status, kind]);
    }
  });
});
