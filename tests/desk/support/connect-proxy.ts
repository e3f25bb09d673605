import { createServer, type IncomingMessage } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

/**
 * A real HTTP proxy on 127.0.0.1 that tunnels CONNECT, as a newsroom's proxy does for the desk's
 * websocket and (undici's ProxyAgent tunnels by default) its HTTP calls. It records every tunnel
 * asked for, refuses anything else with 405 (so a client that would send requests to it plainly is
 * seen failing), and can be taken down — listening stopped, open tunnels cut — and brought back on the
 * same port. A few lines over node:http's 'connect' event rather than a package, because the test
 * needs exactly those two things (the record, the hard stop) and nothing else a proxy does.
 */
export interface ConnectProxy {
  port: number;
  /** "host:port" of each tunnel asked for, in order. */
  tunnels: string[];
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function openConnectProxy(): Promise<ConnectProxy> {
  const tunnels: string[] = [];
  const open = new Set<Duplex>();
  const server = createServer((_request, response) => {
    response.writeHead(405, { 'Content-Type': 'text/plain' });
    response.end('This proxy only tunnels (CONNECT).');
  });
  server.on('connect', (request: IncomingMessage, client: Duplex, head: Buffer) => {
    const target = request.url ?? '';
    tunnels.push(target);
    const [host, port] = [target.slice(0, target.lastIndexOf(':')), Number(target.slice(target.lastIndexOf(':') + 1))];
    const upstream = net.connect(port, host.replace(/^\[|\]$/g, ''), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      client.pipe(upstream).pipe(client);
    });
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      // A cut end closes the other; the error itself is what the test asked for.
      socket.on('error', () => undefined);
    }
    upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const listen = (port: number): Promise<void> => new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const down = (): Promise<void> => new Promise((resolve) => {
    for (const socket of open) socket.destroy();
    server.closeAllConnections();
    server.close(() => resolve());
  });
  await listen(0);
  const port = (server.address() as AddressInfo).port;
  return { port, tunnels, down, up: () => listen(port), close: () => (server.listening ? down() : Promise.resolve()) };
}
