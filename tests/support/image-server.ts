import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP server on 127.0.0.1 standing in for the web sites pasted pictures come from: each
 * path answers as the test says (a file, a redirect, silence). It counts the requests it got, so a
 * test can prove a refused address was never asked.
 */
export type Route = (request: IncomingMessage, response: ServerResponse) => void;

export interface ImageServer {
  /** "http://127.0.0.1:<port>" */
  origin: string;
  port: number;
  /** Paths asked, in order. */
  requests: string[];
  route(path: string, handler: Route): void;
  close(): Promise<void>;
}

export async function startImageServer(port = 0): Promise<ImageServer> {
  const routes = new Map<string, Route>();
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]!;
    requests.push(path);
    const handler = routes.get(path);
    if (handler) handler(request, response);
    else response.writeHead(404).end('not here');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${bound}`,
    port: bound,
    requests,
    route: (path, handler) => void routes.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        // A silent route holds its socket open; close would wait for it forever.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers with `bytes` as `type`. */
export const serveBytes =
  (bytes: Uint8Array | string, type: string): Route =>
  (_request, response) => {
    response.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(bytes) });
    response.end(bytes);
  };

/** Redirects to `location` (relative or absolute). */
export const redirectTo =
  (location: string, status = 302): Route =>
  (_request, response) => {
    response.writeHead(status, { location }).end();
  };

/** Never answers (a server that hangs). */
export const silent: Route = () => undefined;

/**
 * Sends `total` bytes in 16 KB chunks without saying the length first (chunked encoding);
 * `progress.sent` tells how far it got before the client hung up.
 */
export const streamBytes =
  (total: number, progress: { sent: number } = { sent: 0 }): Route =>
  (_request, response) => {
    response.writeHead(200, { 'content-type': 'image/jpeg' });
    const next = (): void => {
      if (progress.sent >= total || response.destroyed) return void response.end();
      const size = Math.min(16 * 1024, total - progress.sent);
      progress.sent += size;
      if (response.write(Buffer.alloc(size, 0xff))) setImmediate(next);
      else response.once('drain', next);
    };
    next();
  };
