import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Protocol } from 'electron';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  createAppRequestHandler,
  registerAppProtocol,
  registerAppScheme,
  resolveAppPath,
} from '../../../electron/main/protocol/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security/csp';
import { app, protocol, resetFakeElectron } from '../../fakes/electron';

let base: string;
let root: string;
const SECRET = 'top secret, outside the renderer folder';

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'newsdesk-protocol-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Newsdesk</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(join(root, 'assets', 'font.woff2'), 'woff2');
  await writeFile(join(root, 'assets', 'logo.svg'), '<svg/>');
  await writeFile(join(root, 'assets', 'blob.bin'), 'bin');
  await writeFile(join(base, 'secret.txt'), SECRET);
  await symlink(join(base, 'secret.txt'), join(root, 'assets', 'link.txt')).catch(() => undefined);
});
afterAll(async () => rm(base, { recursive: true, force: true }));
beforeEach(() => resetFakeElectron());

const get = (url: string, init?: RequestInit) => createAppRequestHandler(root)(new Request(url, init));

describe('app:// file serving', () => {
  it('serves index.html with the CSP header and an HTML content type', async () => {
    for (const url of ['app://newsdesk/index.html', 'app://newsdesk/']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toContain('<title>Newsdesk</title>');
    }
  });

  it('gives each asset its MIME type', async () => {
    const expected: Record<string, string> = {
      'assets/index-abc.js': 'text/javascript; charset=utf-8',
      'assets/index-abc.css': 'text/css; charset=utf-8',
      'assets/font.woff2': 'font/woff2',
      'assets/logo.svg': 'image/svg+xml',
      'assets/blob.bin': 'application/octet-stream',
    };
    for (const [path, type] of Object.entries(expected)) {
      const response = await get(`app://newsdesk/${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe(type);
    }
    expect(await (await get('app://newsdesk/assets/index-abc.js?v=1#x')).text()).toBe('console.log(1)');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://newsdesk/index.html', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://newsdesk/index.html', { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('returns 404 for missing files, directories and other hosts', async () => {
    expect((await get('app://newsdesk/nope.js')).status).toBe(404);
    expect((await get('app://newsdesk/assets')).status).toBe(404);
    expect((await get('app://other/index.html')).status).toBe(404);
  });

  it('refuses encoded traversal, absolute paths and odd characters', async () => {
    const attacks = [
      'app://newsdesk/..%2fsecret.txt',
      'app://newsdesk/assets/..%2f..%2fsecret.txt',
      'app://newsdesk/%2e%2e%2fsecret.txt',
      'app://newsdesk/..%5csecret.txt',
      'app://newsdesk/assets%5c..%5c..%5csecret.txt',
      `app://newsdesk/${encodeURIComponent(join(base, 'secret.txt'))}`,
      `app://newsdesk//${base.slice(1)}/secret.txt`,
      'app://newsdesk/C:%5cWindows%5cwin.ini',
      'app://newsdesk/index.html%00.png',
      'app://newsdesk/%E0%A4%A',
    ];
    for (const url of attacks) {
      const response = await get(url);
      expect(response.status, url).toBe(403);
      expect(await response.text(), url).not.toContain(SECRET);
      expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('never serves a file outside the folder, even through literal dot segments or a symlink', async () => {
    for (const url of ['app://newsdesk/../secret.txt', 'app://newsdesk/assets/../../secret.txt', 'app://newsdesk/assets/link.txt']) {
      const response = await get(url);
      expect(response.status, url).not.toBe(200);
      expect(await response.text(), url).not.toContain(SECRET);
    }
  });

  it('maps only clean relative paths inside the root', () => {
    expect(resolveAppPath(root, '/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAppPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, '/assets/./x.js')).toBeNull();
    expect(resolveAppPath(root, '/assets//x.js')).toBeNull();
    expect(resolveAppPath(root, 'relative.js')).toBeNull();
  });
});

describe('app:// registration', () => {
  it('registers the scheme as privileged standard+secure, without bypassing CSP', () => {
    registerAppScheme(protocol as unknown as Protocol);
    expect(protocol.privileged).toEqual([APP_SCHEME_PRIVILEGES]);
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
    expect(APP_SCHEME_PRIVILEGES.privileges?.bypassCSP).toBeUndefined();
    expect(APP_SCHEME_PRIVILEGES.privileges?.corsEnabled).toBeUndefined();
  });

  it('serves the folder through protocol.handle once the app is ready', async () => {
    expect(() => registerAppProtocol(protocol as unknown as Protocol, root)).toThrow(/before the app is ready/);
    await app.simulateReady();
    registerAppProtocol(protocol as unknown as Protocol, root);
    const response = await protocol.fetch('app://newsdesk/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
