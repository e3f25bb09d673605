import net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A plain TCP relay on 127.0.0.1 in front of a server, whose line can be cut: cut() drops every
 * connection and stops listening (new ones are refused, as when the network is gone), restore()
 * listens again on the same port. The server behind it keeps running and never notices the cut as
 * anything but clients leaving.
 */
export interface TcpCut {
  /** http://127.0.0.1:<port> of the relay. */
  url: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function openTcpCut(targetPort: number): Promise<TcpCut> {
  const sockets = new Set<net.Socket>();
  const relay = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      // A reset on one side ends the other; the error itself is the cut the test asked for.
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const listen = (port: number) => new Promise<void>((resolve, reject) => {
    relay.once('error', reject);
    relay.listen(port, '127.0.0.1', () => {
      relay.off('error', reject);
      resolve();
    });
  });
  const stopListening = () => new Promise<void>((resolve) => {
    for (const socket of sockets) socket.destroy();
    relay.close(() => resolve());
  });
  await listen(0);
  const port = (relay.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    cut: stopListening,
    restore: () => listen(port),
    close: () => (relay.listening ? stopListening() : Promise.resolve()),
  };
}
