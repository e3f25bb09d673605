import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security/csp';
import { makeBaseImage } from '../support/photo-fixtures';
import { expect, test } from './harness/fixtures';

// The media library below the UI: bytes sent through the bridge as a drop or paste would send
// them, and the picture shown from /media/<id>/thumbnail by the app's own media route, under the
// app's Content-Security-Policy.

test('imports bytes sent through the bridge and shows the thumbnail under the app CSP', async ({ app }) => {
  const source = join(app.dataDir, 'harbour.jpg');
  await makeBaseImage(source, 'jpeg', { width: 900, height: 600, seed: 7 });
  // Base64 into the page: a plain number array is slow to pass through page.evaluate.
  const base64 = (await readFile(source)).toString('base64');

  const outcome = await app.page.evaluate(async (encoded) => {
    const bridge = window.newsdesk;
    const data = Uint8Array.from(atob(encoded), (char) => char.charCodeAt(0));
    const begun = await bridge['media:beginImport']({ names: ['harbour.jpg'] });
    if (!begun.ok) return { error: begun.error.message };
    const jobId = begun.value.jobId;
    // A typed array goes through the binding as the preload's structured clone would carry it.
    const added = await bridge['media:addFile']({ jobId, index: 0, bytes: data });
    if (!added.ok) return { error: added.error.message };
    for (;;) {
      const status = await bridge['media:importStatus']({ jobId });
      if (!status.ok) return { error: status.error.message };
      if (status.value.finished) return { item: status.value.items[0]! };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }, base64);
  expect(outcome).toMatchObject({ item: { name: 'harbour.jpg', state: 'imported', message: '' } });
  const photoId = (outcome as { item: { photoId: string } }).item.photoId;
  // What main stored is exactly what the page sent.
  const stored = await app.services().media.filePath(photoId, 'original');
  expect((await readFile(stored!)).equals(await readFile(source))).toBe(true);

  // The page loads the thumbnail from its own origin, the way the library grid does.
  const violations: string[] = [];
  app.page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const size = await app.page.evaluate(async (src) => {
    const image = document.createElement('img');
    image.src = src;
    document.body.append(image);
    await image.decode();
    return { width: image.naturalWidth, height: image.naturalHeight };
  }, `/media/${photoId}/thumbnail`);
  expect(size).toEqual({ width: 480, height: 320 });
  expect(violations).toEqual([]);
});

test('the media route answers with the right headers and refuses what is not a photo', async ({ app }) => {
  const source = join(app.dataDir, 'tiny.jpg');
  await makeBaseImage(source, 'jpeg', { width: 64, height: 48, seed: 8 });
  app.pickFiles([source]);
  const job = await app.page.evaluate(() => window.newsdesk['media:chooseAndImport']({}));
  expect(job).toMatchObject({ ok: true });
  const jobId = (job as { value: { jobId: string } }).value.jobId;
  const done = await app.services().media.whenFinished(jobId);
  const photoId = done.items[0]!.photoId!;

  const heads = await app.page.evaluate(async (paths) => {
    const answers: Record<string, { status: number; type: string | null; nosniff: string | null; csp: string | null }> = {};
    for (const path of paths) {
      const response = await fetch(path);
      answers[path] = {
        status: response.status,
        type: response.headers.get('content-type'),
        nosniff: response.headers.get('x-content-type-options'),
        csp: response.headers.get('content-security-policy'),
      };
    }
    return answers;
  }, [`/media/${photoId}/original`, `/media/${photoId}/thumbnail`, `/media/${'0'.repeat(64)}/thumbnail`, '/media/..%2f..%2fpackage.json']);
  expect(heads[`/media/${photoId}/original`]).toEqual({ status: 200, type: 'image/jpeg', nosniff: 'nosniff', csp: CONTENT_SECURITY_POLICY });
  expect(heads[`/media/${photoId}/thumbnail`]).toMatchObject({ status: 200, type: 'image/jpeg' });
  expect(heads[`/media/${'0'.repeat(64)}/thumbnail`]).toMatchObject({ status: 404 });
  expect(heads['/media/..%2f..%2fpackage.json']).toMatchObject({ status: 403 });
});
