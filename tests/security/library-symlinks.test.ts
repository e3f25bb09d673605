import { mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/main/ipc/dispatcher';
import { APP_ORIGIN } from '../../electron/main/protocol/app-origin';
import { createAppRequestHandler } from '../../electron/main/protocol/app-protocol';
import { createMediaRequestHandler } from '../../electron/main/protocol/media-route';
import type { Services } from '../../electron/main/services/compose';
import { makeBaseImage } from '../support/photo-fixtures';
import { openTestServices } from '../support/test-services';

/**
 * A file in the library (a photo's original or thumbnail, or a whole library folder) replaced by a
 * symlink to somewhere else must not be served over app://, uploaded or exported: the library
 * checks what a path really is (lstat, realpath) before it hands it out. The same for the built
 * renderer folder behind app://. The ids themselves are covered in ipc-paths.test.ts.
 */
describe('symlinks in the library and the renderer folder', () => {
  let dataDir: string;
  let outside: string;
  let exportDir: string;
  let services: Services;
  let media: string;
  let secretJpeg: Buffer;
  const SECRET_TEXT = 'outside the library';

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'newsdesk-symlinks-'));
    outside = await mkdtemp(join(tmpdir(), 'newsdesk-symlinks-outside-'));
    exportDir = await mkdtemp(join(tmpdir(), 'newsdesk-symlinks-export-'));
    await makeBaseImage(join(outside, 'secret.jpg'), 'jpeg', { width: 40, height: 30, seed: 99 });
    secretJpeg = await readFile(join(outside, 'secret.jpg'));
    await writeFile(join(outside, 'secret.txt'), SECRET_TEXT);
    services = await openTestServices(dataDir, { chooseSavePath: async () => join(exportDir, 'copy.jpg') });
    media = join(dataDir, 'library', 'media');
  });
  afterAll(async () => {
    await services?.close();
    for (const dir of [dataDir, outside, exportDir]) await rm(dir, { recursive: true, force: true });
  });

  async function importPhoto(seed: number): Promise<string> {
    const source = join(outside, `photo-${seed}.jpg`);
    await makeBaseImage(source, 'jpeg', { width: 64, height: 48, seed });
    const job = await services.media.whenFinished(services.media.importPaths([source]).jobId);
    return job.items[0]!.photoId!;
  }
  const serve = (path: string) =>
    createAppRequestHandler(join(outside, 'no-renderer'), { media: (id, kind) => services.media.filePath(id, kind) })(new Request(`${APP_ORIGIN}${path}`));
  async function expectNotServed(path: string): Promise<void> {
    const response = await serve(path);
    expect(response.status, path).toBe(404);
    expect(Buffer.from(await response.arrayBuffer()).includes(secretJpeg.subarray(0, 64)), path).toBe(false);
  }

  it("do not let a photo's original or thumbnail stand for a file outside the library", async () => {
    const id = await importPhoto(11);
    expect((await serve(`/media/${id}/original`)).status).toBe(200);
    await rm(join(media, 'originals', `${id}.jpg`));
    await symlink(join(outside, 'secret.jpg'), join(media, 'originals', `${id}.jpg`));
    await rm(join(media, 'thumbnails', `${id}.jpg`));
    await symlink(join(outside, 'secret.jpg'), join(media, 'thumbnails', `${id}.jpg`));
    expect(await services.media.filePath(id, 'original')).toBeNull(); // also what a WordPress upload reads
    expect(await services.media.filePath(id, 'thumbnail')).toBeNull();
    await expectNotServed(`/media/${id}/original`);
    await expectNotServed(`/media/${id}/thumbnail`);
    const exported = await createDispatcher(services.handlers, { trustedOrigins: [APP_ORIGIN] })('media:exportCopy', { id }, { url: `${APP_ORIGIN}/`, isMainFrame: true });
    expect(exported).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await readdir(exportDir)).toEqual([]);
  });

  it('do not follow a library folder that was replaced by a link to another folder', async () => {
    const id = await importPhoto(12);
    await mkdir(join(outside, 'elsewhere'));
    await writeFile(join(outside, 'elsewhere', `${id}.jpg`), secretJpeg);
    await rename(join(media, 'thumbnails'), join(dataDir, 'thumbnails-moved'));
    await symlink(join(outside, 'elsewhere'), join(media, 'thumbnails'), 'dir');
    expect(await services.media.filePath(id, 'thumbnail')).toBeNull();
    await expectNotServed(`/media/${id}/thumbnail`);
    await rm(join(media, 'thumbnails'));
    await rename(join(dataDir, 'thumbnails-moved'), join(media, 'thumbnails'));
  });

  it('the media route itself refuses a link, whatever the library answers', async () => {
    await symlink(join(outside, 'secret.jpg'), join(outside, 'link.jpg'));
    const route = createMediaRequestHandler(async () => join(outside, 'link.jpg'));
    const response = await route(new Request(`${APP_ORIGIN}/media/${'ab'.repeat(32)}/original`));
    expect(response.status).toBe(404);
  });

  it('app:// serves nothing through a linked folder, a dot segment or an encoded one', async () => {
    const renderer = join(dataDir, 'renderer');
    await mkdir(join(renderer, 'assets'), { recursive: true });
    await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Newsdesk</title>');
    await symlink(outside, join(renderer, 'assets', 'linked'), 'dir');
    const handler = createAppRequestHandler(renderer);
    expect((await handler(new Request(`${APP_ORIGIN}/index.html`))).status).toBe(200);
    for (const path of ['/assets/linked/secret.txt', '/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/..%5c..%5csecret.txt', '/assets/linked%2fsecret.txt']) {
      const response = await handler(new Request(`${APP_ORIGIN}${path}`));
      expect(response.status, path).not.toBe(200);
      expect(await response.text(), path).not.toContain(SECRET_TEXT);
    }
  });
});
