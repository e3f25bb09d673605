import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { createDeskNetwork, type DeskNetwork } from '../../../electron/main/services/desk/desk-network';
import { openConnectProxy, type ConnectProxy } from '../../desk/support/connect-proxy';

// The desk's connections (undici fetch, ws) routed by the proxy list the system gives, against a
// local HTTP + websocket server and real proxies on loopback: one that tunnels, one that asks for a
// sign-in, and none at all.

let site: Server;
let siteAddress = '';
let proxy: ConnectProxy;
let signInProxy: Server;
let signInPort = 0;

beforeAll(async () => {
  site = createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ path: request.url }));
  });
  const sockets = new WebSocketServer({ server: site });
  sockets.on('connection', (socket) => socket.on('message', (data) => socket.send(`echo ${String(data)}`)));
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteAddress = `127.0.0.1:${(site.address() as AddressInfo).port}`;
  proxy = await openConnectProxy();
  signInProxy = createServer();
  signInProxy.on('connect', (_request, socket: Socket) => {
    socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="newsroom"\r\nContent-Length: 0\r\n\r\n');
  });
  await new Promise<void>((resolve) => signInProxy.listen(0, '127.0.0.1', resolve));
  signInPort = (signInProxy.address() as AddressInfo).port;
});

afterAll(async () => {
  await proxy.close();
  signInProxy.close();
  site.closeAllConnections();
  await new Promise((resolve) => site.close(resolve));
});

/** Opens a websocket through the network, sends a line and gives the answer, or the failure's message. */
function echo(network: DeskNetwork, line: string): Promise<string> {
  return new Promise((resolve) => {
    let failure = '';
    const Socket = network.webSocket((error) => (failure = error.message));
    const socket = new Socket(`ws://${siteAddress}/`);
    socket.on('open', () => socket.send(line));
    socket.on('message', (data) => {
      resolve(String(data));
      socket.close();
    });
    socket.on('close', () => resolve(`failed: ${failure}`));
  });
}

async function using<T>(network: DeskNetwork, work: (network: DeskNetwork) => Promise<T>): Promise<T> {
  try {
    return await work(network);
  } finally {
    await network.close();
  }
}

describe('the desk network', () => {
  it('goes direct without a proxy list, and for DIRECT', async () => {
    const before = proxy.tunnels.length;
    for (const network of [createDeskNetwork(), createDeskNetwork(async () => 'DIRECT')]) {
      await using(network, async () => {
        expect(await (await network.fetch(`http://${siteAddress}/api/ping`)).json()).toEqual({ path: '/api/ping' });
        expect(await echo(network, 'hello')).toBe('echo hello');
      });
    }
    expect(proxy.tunnels.length).toBe(before);
  });

  it('tunnels HTTP calls and websockets through the proxy the list names, asking it for each address', async () => {
    const asked: string[] = [];
    const before = proxy.tunnels.length;
    await using(createDeskNetwork(async (url) => {
      asked.push(url);
      return `PROXY 127.0.0.1:${proxy.port}; DIRECT`;
    }), async (network) => {
      expect(await (await network.fetch(`http://${siteAddress}/api/ping?x=1`)).json()).toEqual({ path: '/api/ping?x=1' });
      expect(await echo(network, 'through')).toBe('echo through');
    });
    expect(proxy.tunnels.slice(before)).toEqual([siteAddress, siteAddress]);
    expect(asked).toEqual([`http://${siteAddress}/api/ping?x=1`, `http://${siteAddress}/`]);
  });

  it('names a proxy that is down, for calls and for websockets', async () => {
    const closed = await openConnectProxy();
    await closed.close();
    await using(createDeskNetwork(async () => `PROXY 127.0.0.1:${closed.port}`), async (network) => {
      await expect(network.fetch(`http://${siteAddress}/api/ping`)).rejects.toThrow(`through the proxy 127.0.0.1:${closed.port}: connect ECONNREFUSED`);
      expect(await echo(network, 'lost')).toMatch(`failed: through the proxy 127.0.0.1:${closed.port}: connect ECONNREFUSED`);
    });
  });

  it('says a proxy asks for a sign-in (407), for calls and for websockets, and does not pass over it (it is up)', async () => {
    await using(createDeskNetwork(async () => `PROXY 127.0.0.1:${signInPort}; DIRECT`), async (network) => {
      const expected = `through the proxy 127.0.0.1:${signInPort}: it asks for a proxy sign-in (HTTP 407)`;
      await expect(network.fetch(`http://${siteAddress}/api/ping`)).rejects.toThrow(expected);
      expect(await echo(network, 'who')).toContain(expected);
      await expect(network.fetch(`http://${siteAddress}/api/ping`)).rejects.toThrow(expected);
    });
  });

  it('passes over a proxy that could not be reached for the next entry, as Chromium does, and tries it again minutes later', async () => {
    const closed = await openConnectProxy();
    await closed.close();
    let clock = 0;
    const before = proxy.tunnels.length;
    const list = `PROXY 127.0.0.1:${closed.port}; PROXY 127.0.0.1:${proxy.port}`;
    await using(createDeskNetwork(async () => list, { now: () => clock }), async (network) => {
      await expect(network.fetch(`http://${siteAddress}/api/ping`)).rejects.toThrow(`through the proxy 127.0.0.1:${closed.port}: connect ECONNREFUSED`);
      expect(await (await network.fetch(`http://${siteAddress}/api/next`)).json()).toEqual({ path: '/api/next' });
      expect(await echo(network, 'next')).toBe('echo next');
      expect(proxy.tunnels.slice(before)).toEqual([siteAddress, siteAddress]);
      clock += 5 * 60_000;
      expect(await echo(network, 'again')).toMatch(`failed: through the proxy 127.0.0.1:${closed.port}: connect ECONNREFUSED`);
    });
  });

  it('refuses SOCKS-only settings and settings it cannot read, before connecting', async () => {
    await using(createDeskNetwork(async () => 'SOCKS5 127.0.0.1:1080'), async (network) => {
      await expect(network.fetch(`http://${siteAddress}/api/ping`)).rejects.toThrow(/not through SOCKS or QUIC/);
      expect(await echo(network, 'socks')).toMatch(/failed: .*not through SOCKS or QUIC/);
    });
    await using(createDeskNetwork(async () => Promise.reject(new Error('no PAC'))), async (network) => {
      await expect(network.fetch(`http://${siteAddress}/api/ping`)).rejects.toThrow('could not be read for the desk (no PAC)');
    });
  });

  it('sends the HTTP calls through the app’s own client when it has one, and routes only the websockets', async () => {
    const called: string[] = [];
    const appFetch = (async (input: string | URL | Request) => {
      called.push(String(input));
      return new Response(JSON.stringify({ from: 'app' }), { headers: { 'Content-Type': 'application/json' } });
    }) as typeof fetch;
    const before = proxy.tunnels.length;
    await using(createDeskNetwork(async () => `PROXY 127.0.0.1:${proxy.port}`, { httpFetch: appFetch }), async (network) => {
      expect(await (await network.fetch(`http://${siteAddress}/api/ping`)).json()).toEqual({ from: 'app' });
      expect(called).toEqual([`http://${siteAddress}/api/ping`]);
      expect(proxy.tunnels.length).toBe(before);
      expect(await echo(network, 'through')).toBe('echo through');
      expect(proxy.tunnels.slice(before)).toEqual([siteAddress]);
    });
  });
});
