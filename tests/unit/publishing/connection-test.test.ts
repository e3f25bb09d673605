import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testConnection } from '../../../electron/main/services/publishing/connection-test';
import { startWordPress, wordPressSkipReason, type WordPressSite } from '../../wordpress/wordpress-server';
import { closedPort, httpServer, listen, selfSignedCertificate, type LocalServer } from './http-test-servers';
import { createHttpClient } from '../../../electron/main/services/publishing/http/http-client';

const http = createHttpClient();

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<LocalServer> {
  const server = await httpServer(handler);
  servers.push(server);
  return server;
}
function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
  res.end(JSON.stringify(body));
}

const wordpress = (siteUrl: string, user = 'editor') => ({ kind: 'wordpress' as const, siteUrl, user });

describe('testConnection (WordPress): what is wrong, said exactly', () => {
  it('a closed port → stops at "Reach the site" with "refused the connection"', async () => {
    const port = await closedPort();
    const report = await testConnection(wordpress(`http://127.0.0.1:${port}`), 'secret', { http });
    expect(report.ok).toBe(false);
    expect(report.steps).toEqual([{ label: 'Reach the site', ok: false, detail: `127.0.0.1:${port} refused the connection: nothing is answering on that port.` }]);
    expect(report.message).toBe(report.steps[0]!.detail);
  });

  it('a name that does not resolve → DNS', async () => {
    const report = await testConnection(wordpress('https://nonexistent.invalid'), 'secret', { http });
    expect(report.ok).toBe(false);
    expect(report.message).toMatch(/the server “nonexistent\.invalid” \(DNS/);
  });

  it('a site that never answers → timeout', async () => {
    const server = await serve(() => {
      /* never answers */
    });
    const report = await testConnection(wordpress(server.url), 'secret', { timeoutMs: 300, http });
    expect(report.message).toBe(`127.0.0.1:${server.port} did not answer within 300 ms.`);
  });

  const certificate = selfSignedCertificate();
  if (!certificate) console.warn('Skipped the TLS case: openssl is not installed to make a self-signed certificate.');
  it.skipIf(!certificate)('an untrusted certificate → "The site\'s certificate is not trusted (CODE)"', async () => {
    const server = await listen(https.createServer(certificate!, (_req, res) => res.end('{}')));
    servers.push(server);
    const report = await testConnection(wordpress(server.url), 'secret', { http });
    expect(report.message).toMatch(/^The site's certificate is not trusted \([A-Z_]+\)\.$/);
  });

  it('a site that is not WordPress → says what /wp-json/ and ?rest_route=/ answered', async () => {
    const server = await serve((req, res) => {
      res.writeHead(req.url?.startsWith('/wp-json') ? 404 : 200, { 'content-type': 'text/html' });
      res.end('<html>A shop</html>');
    });
    const report = await testConnection(wordpress(server.url), 'secret', { http });
    expect(report.steps.map((step) => step.ok)).toEqual([true, false]);
    expect(report.message).toBe(
      "The site answered, but not with WordPress's REST API: /wp-json/ gave HTTP 404 (text/html) and ?rest_route=/ gave HTTP 200 (text/html).",
    );
  });

  it('a site that redirects elsewhere → names the address to use', async () => {
    const target = await serve((_req, res) => sendJson(res, 200, { namespaces: ['wp/v2'] }));
    const server = await serve((req, res) => {
      res.writeHead(301, { location: `${target.url}${req.url}` });
      res.end();
    });
    const report = await testConnection(wordpress(server.url), 'secret', { http });
    expect(report.message).toBe(`The site redirects to ${target.url}: enter that address as the site address.`);
  });

  it('application passwords off → "Application passwords are disabled on this site"', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, { name: 'Shop', namespaces: ['oembed/1.0', 'wp/v2'], authentication: [] }));
    const report = await testConnection(wordpress(server.url), 'secret', { http });
    expect(report.steps.at(-1)).toMatchObject({ label: 'Application passwords', ok: false });
    expect(report.message).toMatch(/^Application passwords are disabled on this site/);
  });

  it('falls back to ?rest_route= when /wp-json/ is not routed, and signs in there', async () => {
    const seen: string[] = [];
    const server = await serve((req, res) => {
      seen.push(req.url ?? '');
      const url = new URL(req.url ?? '/', 'http://x');
      const route = url.searchParams.get('rest_route');
      if (route === '/') return sendJson(res, 200, { name: 'Plain', namespaces: ['wp/v2'], authentication: { 'application-passwords': {} } });
      if (route === '/wp/v2/users/me' && url.searchParams.get('context') === 'edit') {
        if (req.headers.authorization !== `Basic ${Buffer.from('editor:abcd efgh').toString('base64')}`) {
          return sendJson(res, 401, { code: 'incorrect_password', message: 'The provided password is an invalid application password.', data: { status: 401 } });
        }
        return sendJson(res, 200, { name: 'Eve Editor', capabilities: { publish_posts: true, upload_files: true, manage_categories: true } });
      }
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('not found');
    });
    const report = await testConnection(wordpress(server.url), 'abcd efgh', { http });
    expect(report).toMatchObject({ ok: true, message: 'Connected to “Plain” as Eve Editor: ready to publish.' });
    expect(seen).toContain('/?rest_route=%2Fwp%2Fv2%2Fusers%2Fme&context=edit');
    const wrong = await testConnection(wordpress(server.url), 'nope', { http });
    expect(wrong.message).toBe('WordPress refused to sign in as “editor”: The provided password is an invalid application password. (incorrect_password, 401)');
    expect(wrong.message).not.toContain('nope');
  });

  it('no stored password → says to enter one, without asking the site', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, { name: 'S', namespaces: ['wp/v2'], authentication: { 'application-passwords': {} } }));
    const report = await testConnection(wordpress(server.url), null, { http });
    expect(report.message).toBe('No application password is stored for this target: enter one.');
  });
});

const skipWordPress = wordPressSkipReason();
if (skipWordPress) console.warn(`Skipped the real WordPress cases: ${skipWordPress}`);

describe.skipIf(skipWordPress !== null)('testConnection against a real WordPress', () => {
  let site: WordPressSite;
  beforeAll(async () => {
    site = await startWordPress();
  }, 90_000);
  afterAll(async () => {
    await site?.stop();
  });

  const admin = (): string => `Basic ${Buffer.from(`${site.user}:${site.appPassword}`).toString('base64')}`;
  /** A user with the given role and an application password, made through the REST API as the admin. */
  async function userWithRole(role: string): Promise<{ user: string; password: string }> {
    const user = `${role}${Date.now().toString(36)}`;
    const created = await fetch(`${site.url}/wp-json/wp/v2/users`, {
      method: 'POST',
      headers: { authorization: admin(), 'content-type': 'application/json' },
      body: JSON.stringify({ username: user, email: `${user}@example.com`, password: `pw-${user}-Long1!`, roles: [role] }),
    });
    const { id } = (await created.json()) as { id: number };
    const app = await fetch(`${site.url}/wp-json/wp/v2/users/${id}/application-passwords`, {
      method: 'POST',
      headers: { authorization: admin(), 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Newsdesk' }),
    });
    return { user, password: ((await app.json()) as { password: string }).password };
  }

  it('the right application password → ok, every step passed', async () => {
    const report = await testConnection(wordpress(site.url, site.user), site.appPassword, { http });
    expect(report.ok).toBe(true);
    expect(report.steps.map((step) => [step.label, step.ok])).toEqual([
      ['Reach the site', true],
      ['Find the REST API', true],
      ['Application passwords', true],
      ['Sign in', true],
      ['Rights', true],
    ]);
    expect(report.message).toMatch(/^Connected to “.+” as .+: ready to publish\.$/);
  });

  it("a wrong password → WordPress's own message and code, never the password", async () => {
    const report = await testConnection(wordpress(site.url, site.user), 'wrong-password-123', { http });
    expect(report.ok).toBe(false);
    expect(report.steps.at(-1)).toMatchObject({ label: 'Sign in', ok: false });
    expect(report.message).toMatch(/^WordPress refused to sign in as “.+”: .+ \((rest_not_logged_in|incorrect_password|invalid_username), 401\)/);
    expect(report.message).not.toContain('wrong-password-123');
  });

  it('an Author → ok, with the warning that new categories cannot be created', async () => {
    const author = await userWithRole('author');
    const report = await testConnection(wordpress(site.url, author.user), author.password, { http });
    expect(report.ok).toBe(true);
    expect(report.message).toContain('cannot create categories (missing manage_categories)');
  });

  it('a Contributor → fails: cannot publish posts or upload files', async () => {
    const contributor = await userWithRole('contributor');
    const report = await testConnection(wordpress(site.url, contributor.user), contributor.password, { http });
    expect(report.ok).toBe(false);
    expect(report.steps.at(-1)!.label).toBe('Rights');
    expect(report.message).toContain('cannot publish posts or upload files on this site (missing publish_posts, upload_files)');
  });
});

describe('testConnection (ninjs endpoint)', () => {
  const endpoint = (url: string) => ({ kind: 'ninjs' as const, url });
  async function tokenServer(allowOptions = true): Promise<LocalServer> {
    return serve((req, res) => {
      if (req.method === 'OPTIONS' && !allowOptions) {
        res.writeHead(405).end();
        return;
      }
      res.writeHead(req.headers.authorization === 'Bearer good-token' ? 204 : 401).end();
    });
  }

  it('reachable and token accepted → ok', async () => {
    const server = await tokenServer();
    const report = await testConnection(endpoint(`${server.url}/ingest`), 'good-token', { http });
    expect(report.ok).toBe(true);
    expect(report.steps.map((step) => step.ok)).toEqual([true, true]);
  });

  it('a refused token → says so with the status, without the token', async () => {
    const server = await tokenServer();
    const report = await testConnection(endpoint(`${server.url}/ingest`), 'bad-token', { http });
    expect(report.ok).toBe(false);
    expect(report.message).toBe('The endpoint refused the token (HTTP 401): check it.');
  });

  it('falls back to HEAD when OPTIONS is not allowed', async () => {
    const server = await tokenServer(false);
    const report = await testConnection(endpoint(`${server.url}/ingest`), 'good-token', { http });
    expect(report.ok).toBe(true);
    expect(report.steps[0]!.detail).toBe(`127.0.0.1:${server.port} answered (HTTP 204).`);
  });

  it('refused → the host and port', async () => {
    const port = await closedPort();
    const report = await testConnection(endpoint(`http://127.0.0.1:${port}/ingest`), 'good-token', { http });
    expect(report.message).toBe(`127.0.0.1:${port} refused the connection: nothing is answering on that port.`);
  });
});
