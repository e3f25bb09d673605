import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocketServer } from 'ws';
import { createStoryDocs } from '../../../electron/main/services/collab/story-docs';
import { createDeskNetwork, type DeskNetwork } from '../../../electron/main/services/desk/desk-network';
import { startDeskSync } from '../../../electron/main/services/desk/desk-sync';
import { openConnectProxy, type ConnectProxy } from '../../desk/support/connect-proxy';

// The desk's secure websocket against a TLS server on loopback whose certificate is signed by a
// newsroom's own authority, made here with the openssl command: trusted when that authority is in
// the system's store the network is given, refused in words when it is not, direct and through a
// CONNECT proxy's tunnel.

const run = promisify(execFile);
let dir = '';
let authority = '';
let site: Server;
let siteAddress = '';
let proxy: ConnectProxy;

/** A test authority and a certificate it signs for 127.0.0.1 (EC keys: quick to make). */
async function makeCertificates(): Promise<{ key: string; cert: string; ca: string }> {
  const at = (name: string) => join(dir, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await run('openssl', ['req', '-x509', ...ec, '-keyout', at('ca.key'), '-out', at('ca.pem'), '-days', '2', '-subj', '/CN=Newsroom Test Authority',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  await run('openssl', ['req', ...ec, '-keyout', at('desk.key'), '-out', at('desk.csr'), '-subj', '/CN=127.0.0.1']);
  await writeFile(at('desk.ext'), 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n');
  await run('openssl', ['x509', '-req', '-in', at('desk.csr'), '-CA', at('ca.pem'), '-CAkey', at('ca.key'), '-CAcreateserial',
    '-out', at('desk.pem'), '-days', '2', '-extfile', at('desk.ext')]);
  const [key, cert, ca] = await Promise.all(['desk.key', 'desk.pem', 'ca.pem'].map((name) => readFile(at(name), 'utf8')));
  return { key: key!, cert: cert!, ca: ca! };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsdesk-desk-tls-'));
  const { key, cert, ca } = await makeCertificates();
  authority = ca;
  site = createServer({ key, cert }, (_request, response) => response.writeHead(404).end());
  const sockets = new WebSocketServer({ server: site });
  sockets.on('connection', (socket) => socket.on('message', (data) => socket.send(`echo ${String(data)}`)));
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteAddress = `127.0.0.1:${(site.address() as AddressInfo).port}`;
  proxy = await openConnectProxy();
});

afterAll(async () => {
  await proxy?.close();
  site?.closeAllConnections();
  await new Promise((resolve) => (site ? site.close(resolve) : resolve(undefined)));
  await rm(dir, { recursive: true, force: true });
});

/** Opens a secure websocket through the network, sends a line and gives the answer, or the failure's message. */
function echo(network: DeskNetwork, line: string): Promise<string> {
  return new Promise((resolve) => {
    let failure = '';
    const Socket = network.webSocket((error) => (failure = error.message));
    const socket = new Socket(`wss://${siteAddress}/`);
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

const NOT_TRUSTED = "failed: the desk's certificate is not trusted by this computer: the authority that signed it is not among the system's certificates [UNABLE_TO_VERIFY_LEAF_SIGNATURE]";

describe('the desk websocket over TLS', () => {
  it('trusts a newsroom authority in the system store, read once, direct and through a proxy tunnel', async () => {
    let reads = 0;
    const systemCertificates = () => {
      reads += 1;
      return [authority];
    };
    await using(createDeskNetwork(undefined, { systemCertificates }), async (network) => {
      expect(await echo(network, 'direct')).toBe('echo direct');
      expect(await echo(network, 'again')).toBe('echo again');
    });
    expect(reads).toBe(1);

    const before = proxy.tunnels.length;
    await using(createDeskNetwork(async () => `PROXY 127.0.0.1:${proxy.port}`, { systemCertificates: () => [authority] }), async (network) => {
      expect(await echo(network, 'tunnelled')).toBe('echo tunnelled');
    });
    expect(proxy.tunnels.slice(before)).toEqual([siteAddress]);
  });

  it('refuses a certificate whose authority the system does not hold, and says so in words', async () => {
    await using(createDeskNetwork(undefined, { systemCertificates: () => [] }), async (network) => {
      expect(await echo(network, 'untrusted')).toBe(NOT_TRUSTED);
    });
    await using(createDeskNetwork(async () => `PROXY 127.0.0.1:${proxy.port}`), async (network) => {
      expect(await echo(network, 'untrusted')).toBe(NOT_TRUSTED);
    });
  });

  it('gives the desk’s sync the reason in words when it goes offline (what Preferences › Desk shows)', async () => {
    const docs = createStoryDocs({ libraryDir: join(dir, 'library') });
    const reasons: string[] = [];
    await using(createDeskNetwork(undefined, { systemCertificates: () => [] }), async (network) => {
      const sync = startDeskSync({
        serverUrl: `https://${siteAddress}`, token: 'any', deskId: 'news', userName: 'Ana', host: docs, network,
        onConnection: (state, reason) => void (state === 'offline' && reason !== undefined && reasons.push(reason)),
        onUnsynced: () => undefined, onRefused: () => undefined, onIndex: () => undefined, onStorySynced: () => undefined,
        onSuperseded: () => undefined, onPresence: () => undefined, onAwareness: () => undefined,
      });
      try {
        await vi.waitFor(() => expect(reasons.length).toBeGreaterThan(0), { timeout: 10_000 });
      } finally {
        sync.stop();
        await docs.closeAll();
      }
    });
    expect(reasons[0]).toBe(NOT_TRUSTED.slice('failed: '.length));
  });

  it('falls back to Node’s own list when the system store cannot be read, and says so once', async () => {
    const warnings: string[] = [];
    const systemCertificates = () => {
      throw new Error('a certificate in the store could not be converted');
    };
    await using(createDeskNetwork(undefined, { systemCertificates, warn: (message) => warnings.push(message) }), async (network) => {
      expect(await echo(network, 'one')).toBe(NOT_TRUSTED);
      expect(await echo(network, 'two')).toBe(NOT_TRUSTED);
    });
    expect(warnings).toEqual(["The system's certificates could not be read (a certificate in the store could not be converted); the desk's secure connections trust Node's own list only."]);
  });
});
