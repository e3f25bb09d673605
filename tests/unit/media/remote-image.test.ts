import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { downloadRemoteImage, fileNameOf } from '../../../electron/main/services/media/remote-image-download';
import { importRemoteImage } from '../../../electron/main/services/media/remote-image-import';
import { decideImageUrl, isRefusedAddress, refusedHostReason } from '../../../electron/main/services/media/remote-image-policy';
import { redirectTo, serveBytes, silent, startImageServer, streamBytes, type ImageServer } from '../../support/image-server';
import { openTestLibrary, removeDir, tempDir, type TestLibrary } from '../../support/media-library';
import { EXIFTOOL_MISSING_REASON, FIXTURE_EXPECTED, exiftoolAvailable, makePhotoFixture } from '../../support/photo-fixtures';

// Pictures named by pasted HTML are fetched by main, under the rules a pasted page must not bend:
// https only, nothing private, a size limit held while bytes arrive, no endless waits or redirects.

let server: ImageServer | null = null;
let work = '';
let test: TestLibrary | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
  await test?.library.close();
  test = null;
  if (work) await removeDir(work);
  work = '';
});

const LOOPBACK = { allowLoopback: true, maxBytes: 1024 * 1024 };

describe('which addresses are fetched', () => {
  it('takes https addresses only, without credentials', () => {
    expect(decideImageUrl('https://cdn.example.com/riot.jpg')).toMatchObject({ ok: true });
    expect(decideImageUrl('http://cdn.example.com/riot.jpg')).toEqual({ ok: false, reason: 'Newsdesk only fetches pictures over https (this one is http)' });
    expect(decideImageUrl('ftp://cdn.example.com/riot.jpg')).toMatchObject({ ok: false });
    expect(decideImageUrl('file:///etc/passwd')).toMatchObject({ ok: false });
    expect(decideImageUrl('https://user:secret@cdn.example.com/a.jpg')).toEqual({ ok: false, reason: 'its address carries a user name or password' });
    expect(decideImageUrl('not an address')).toEqual({ ok: false, reason: 'its address cannot be read' });
    expect(decideImageUrl(`https://cdn.example.com/${'a'.repeat(5000)}`)).toEqual({ ok: false, reason: 'its address is too long' });
    // Only the test option lets plain http through (for a local server standing in for the web).
    expect(decideImageUrl('http://127.0.0.1:8080/a.jpg', { allowLoopback: true })).toMatchObject({ ok: true });
    expect(decideImageUrl('http://[::1]:8080/a.jpg', { allowLoopback: true })).toMatchObject({ ok: true });
    expect(decideImageUrl('http://cdn.example.com/a.jpg', { allowLoopback: true })).toMatchObject({ ok: false });
  });

  it('refuses private, loopback, link-local and reserved addresses, written any way', () => {
    for (const address of ['10.1.2.3', '172.20.0.1', '192.168.1.1', '127.0.0.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1',
      '::1', '::', 'fe80::1', 'fd12:3456::1', '::ffff:10.0.0.1', '::ffff:7f00:1', '::ffff:c0a8:101']) {
      expect(isRefusedAddress(address), address).toBe(true);
    }
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:2800:220:1:248:1893:25c8:1946', '::ffff:5db8:d822']) {
      expect(isRefusedAddress(address), address).toBe(false);
    }
    // The test option opens loopback only; the LAN stays closed.
    expect(isRefusedAddress('127.0.0.1', { allowLoopback: true })).toBe(false);
    expect(isRefusedAddress('::1', { allowLoopback: true })).toBe(false);
    expect(isRefusedAddress('192.168.1.1', { allowLoopback: true })).toBe(true);
  });

  it('checks every address a name resolves to', async () => {
    const resolve = async () => ['93.184.216.34', '192.168.0.10'];
    expect(await refusedHostReason(new URL('https://intranet.example.com/a.jpg'), { resolve })).toBe(
      'intranet.example.com is a private or local network address (192.168.0.10), which pasted content may not make Newsdesk contact',
    );
    expect(await refusedHostReason(new URL('https://cdn.example.com/a.jpg'), { resolve: async () => ['93.184.216.34'] })).toBeNull();
    expect(await refusedHostReason(new URL('https://[::1]/a.jpg'))).toMatch(/private or local network address \(::1\)/);
    expect(await refusedHostReason(new URL('https://localhost/a.jpg'))).toMatch(/^localhost is a private or local network address/);
  });

  it('names the file after the last part of the path', () => {
    expect(fileNameOf(new URL('https://cdn.example.com/images/riot%20police.jpg?w=800'))).toBe('riot-police.jpg');
    expect(fileNameOf(new URL('https://cdn.example.com/'))).toBe('web-image');
    expect(fileNameOf(new URL('https://cdn.example.com/..%2F..%2Fetc%2Fpasswd'))).toBe('etc-passwd');
  });
});

describe('downloads against a real server', () => {
  it('never contacts a loopback server unless the test option allows it', async () => {
    server = await startImageServer();
    server.route('/a.jpg', serveBytes('x', 'image/jpeg'));
    const result = await downloadRemoteImage(`${server.origin}/a.jpg`, { maxBytes: 1024 });
    expect(result).toMatchObject({ ok: false, retry: false });
    expect(server.requests).toEqual([]);
  });

  it('refuses a file over the limit, whether its length is declared or not', async () => {
    server = await startImageServer();
    server.route('/declared.jpg', serveBytes(new Uint8Array(4096), 'image/jpeg'));
    const streamed = { sent: 0 };
    server.route('/streamed.jpg', streamBytes(50 * 1024 * 1024, streamed));
    for (const path of ['/declared.jpg', '/streamed.jpg']) {
      const result = await downloadRemoteImage(`${server.origin}${path}`, { ...LOOPBACK, maxBytes: 2048 });
      expect(result, path).toEqual({ ok: false, retry: false, reason: expect.stringMatching(/^it is larger than [\d.]+ MB, the most this desk imports in one file/) });
      if (!result.ok) expect(result.reason).toContain('Preferences › Limits › “Largest imported picture”');
    }
    // The download stopped soon after the limit, not after the whole 50 MB arrived.
    expect(streamed.sent).toBeLessThan(10 * 1024 * 1024);
  });

  it('gives up on a server that stops answering, as worth another try', async () => {
    server = await startImageServer();
    server.route('/slow.jpg', silent);
    const result = await downloadRemoteImage(`${server.origin}/slow.jpg`, { ...LOOPBACK, stallMs: 300 });
    expect(result).toEqual({ ok: false, retry: true, reason: '127.0.0.1 stopped answering for 0.3 s' });
  });

  it('follows a few redirects, refuses loops, chains too long and hops into a private network', async () => {
    server = await startImageServer();
    server.route('/a.jpg', redirectTo('/b.jpg'));
    server.route('/b.jpg', redirectTo(`${server.origin}/a.jpg`, 301));
    for (let n = 0; n < 10; n += 1) server.route(`/chain/${n}`, redirectTo(`/chain/${n + 1}`));
    server.route('/hop.jpg', redirectTo('https://10.0.0.7/router.jpg'));
    server.route('/moved.jpg', redirectTo('/final.jpg'));
    server.route('/final.jpg', serveBytes('picture', 'image/jpeg'));
    expect(await downloadRemoteImage(`${server.origin}/a.jpg`, LOOPBACK)).toEqual({ ok: false, retry: false, reason: 'its server redirects in a loop' });
    expect(await downloadRemoteImage(`${server.origin}/chain/0`, LOOPBACK)).toEqual({ ok: false, retry: false, reason: 'its server redirected it more than 5 times' });
    expect(await downloadRemoteImage(`${server.origin}/hop.jpg`, LOOPBACK)).toMatchObject({ ok: false, retry: false, reason: expect.stringContaining('10.0.0.7 is a private or local network address') });
    expect(await downloadRemoteImage(`${server.origin}/moved.jpg`, LOOPBACK)).toEqual({ ok: true, name: 'final.jpg', bytes: new TextEncoder().encode('picture') });
  });

  it('tells failures worth another try from refusals', async () => {
    server = await startImageServer();
    server.route('/busy.jpg', (_request, response) => void response.writeHead(503).end());
    // A port nothing listens on any more (a fresh one: the pool may keep sockets to the first server).
    const closed = await startImageServer();
    const { port } = closed;
    await closed.close();
    expect(await downloadRemoteImage(`${server.origin}/gone.jpg`, LOOPBACK)).toEqual({ ok: false, retry: false, reason: '127.0.0.1 answered 404 Not Found' });
    expect(await downloadRemoteImage(`${server.origin}/busy.jpg`, LOOPBACK)).toEqual({ ok: false, retry: true, reason: '127.0.0.1 answered 503 Service Unavailable' });
    expect(await downloadRemoteImage(`http://127.0.0.1:${port}/a.jpg`, LOOPBACK)).toEqual({
      ok: false,
      retry: true,
      reason: '127.0.0.1 could not be reached (ECONNREFUSED); check the connection',
    });
  });
});

describe('imports into the library', () => {
  it('refuses a page that is not a picture, in the import’s own words', async () => {
    server = await startImageServer();
    server.route('/photo.jpg', serveBytes('<html><body>Sign in</body></html>', 'text/html'));
    work = await tempDir();
    test = await openTestLibrary(join(work, 'media'));
    const result = await importRemoteImage(test.library, { url: `${server.origin}/photo.jpg` }, LOOPBACK);
    expect(result).toEqual({ ok: false, retry: false, reason: expect.stringContaining('“photo.jpg” is not an image Newsdesk can read') });
    expect((await test.library.list({})).items).toEqual([]);
  });

  if (!exiftoolAvailable()) console.log(`[skip] agency picture from a web address: ${EXIFTOOL_MISSING_REASON}`);
  it.skipIf(!exiftoolAvailable())('imports an agency picture with its metadata, the pasted alt text filling only an empty one', async () => {
    work = await tempDir();
    const withoutAlt = await readFile(await makePhotoFixture(work, 'iimUtf8', { name: 'montreal' }));
    const withAlt = await readFile(await makePhotoFixture(work, 'iimAndXmp', { name: 'paris' }));
    server = await startImageServer();
    server.route('/news/montreal.jpg', serveBytes(withoutAlt, 'image/jpeg'));
    server.route('/news/paris.jpg', serveBytes(withAlt, 'application/octet-stream'));
    test = await openTestLibrary(join(work, 'media'));

    const first = await importRemoteImage(test.library, { url: `${server.origin}/news/montreal.jpg`, altText: ' Marchers in the rain ' }, LOOPBACK);
    if (!first.ok) throw new Error(first.reason);
    expect(first.photo).toMatchObject({ fileName: 'montreal.jpg', metadata: { ...FIXTURE_EXPECTED.iimUtf8, altText: 'Marchers in the rain' } });
    const second = await importRemoteImage(test.library, { url: `${server.origin}/news/paris.jpg`, altText: 'A speech' }, LOOPBACK);
    if (!second.ok) throw new Error(second.reason);
    expect(second.photo.metadata).toMatchObject(FIXTURE_EXPECTED.iimAndXmp);
    // The same picture pasted again is the photo already in the library.
    const again = await importRemoteImage(test.library, { url: `${server.origin}/news/montreal.jpg` }, LOOPBACK);
    expect(again).toMatchObject({ ok: true, photo: { id: first.photo.id } });
    expect((await test.library.list({})).items).toHaveLength(2);
    expect(new Uint8Array(await readFile(join(work, 'media', 'originals', `${first.photo.id}.jpg`)))).toEqual(new Uint8Array(withoutAlt));
  });
});
