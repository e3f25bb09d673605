import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDispatcher, type Dispatch } from '../../electron/main/ipc/dispatcher';
import { APP_ORIGIN } from '../../electron/main/protocol/app-origin';
import type { Services } from '../../electron/main/services/compose';
import { CHANNELS, contract, type Channel } from '../../shared/ipc/contract';
import { makeBaseImage } from '../support/photo-fixtures';
import { VALID_REQUESTS } from './fuzz/valid-requests';
import { fsTouches } from './support/fs-recorder';
import { openTestServices } from '../support/test-services';
import { fieldName, schemaStringFields, valueStringFields, withField, type FieldPath } from './support/schema-walk';

// Every path the main process's code gives node:fs is recorded (see support/fs-recorder.ts).
vi.mock('node:fs/promises', async (importOriginal) => (await import('./support/fs-recorder')).recordingFs(await importOriginal<object>()));
vi.mock('node:fs', async (importOriginal) => (await import('./support/fs-recorder')).recordingFs(await importOriginal<object>()));

/**
 * No IPC channel takes a file path from the renderer: dropped files arrive as bytes, exports go
 * where main's own save dialog says. This proves it stays so: ids that become parts of file names
 * refuse every traversal form, no field named like a file location accepts one, and hostile values
 * sent through the real dispatcher to the real services never make them touch anything outside the
 * data folder.
 */

/** Path forms an attacker would try, raw and wrapped around a valid-looking id. */
const TRAVERSAL = [
  '../../../etc/passwd',
  '..\\..\\..\\Windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '..%2f..%2fsecret',
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  '\\\\server\\share\\file',
  'file:///etc/passwd',
  'harbour-0001/../../../secret',
  'harbour-0001\0.json',
  '..',
  '.',
  '~/.ssh/id_rsa',
];
/** Key names of fields whose value becomes (part of) a file name in the data folder. */
const ID_FIELD = /^(id|ids|key|keys|jobId|revisionId)$|Ids?$/;
/** Key names that would say "this is a place on disk". */
const LOCATION_FIELD = /path|file|folder|dir|destination|location/i;
/**
 * Named like a location but a place in the world: IPTC's Sub-location (IIM 2:92) is a photo's free
 * text, like its city; the free-text check below covers it.
 */
const WORLD_PLACE_FIELD = /^sublocation$/;

const describePath = (channel: string, path: FieldPath) => `${channel} ${path.join('.')}`;

describe('request schemas', () => {
  const fields = CHANNELS.flatMap((channel) => schemaStringFields(contract[channel].request).map((field) => ({ channel, ...field })));

  it('have id fields that refuse every traversal form', () => {
    const idFields = fields.filter((field) => ID_FIELD.test(fieldName(field.path)));
    expect(idFields.length).toBeGreaterThan(30);
    const accepted = idFields.flatMap((field) =>
      TRAVERSAL.filter((probe) => field.schema.safeParse(probe).success).map((probe) => `${describePath(field.channel, field.path)} accepts ${JSON.stringify(probe)}`),
    );
    expect(accepted).toEqual([]);
    const channels = new Set(idFields.map((field) => field.channel));
    console.info(`[security] ${idFields.length} id fields on ${channels.size} channels refuse all ${TRAVERSAL.length} traversal forms`);
  });

  it('have no field named like a file location that takes an absolute path or ".." segments', () => {
    const locationFields = fields.filter((field) => LOCATION_FIELD.test(fieldName(field.path)) && !WORLD_PLACE_FIELD.test(fieldName(field.path)));
    const accepting = locationFields.filter((field) => TRAVERSAL.some((probe) => field.schema.safeParse(probe).success));
    expect(accepting.map((field) => describePath(field.channel, field.path))).toEqual([]);
    const freeText = fields.filter((field) => !ID_FIELD.test(fieldName(field.path)) && field.schema.safeParse('/etc/passwd').success);
    console.info(`[security] ${fields.length} string fields in ${CHANNELS.length} request schemas; ${freeText.length} free-text fields accept path-like text (checked below never to reach the disk)`);
  });
});

describe('through the real dispatcher and services', () => {
  let dataDir: string;
  let outside: string;
  let services: Services;
  let dispatch: Dispatch;
  /** What the save dialog was asked to suggest; it is closed each time. */
  const suggestedNames: string[] = [];
  const caller = { url: `${APP_ORIGIN}/index.html`, isMainFrame: true, senderId: 1 };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'newsdesk-ipc-paths-'));
    outside = await mkdtemp(join(tmpdir(), 'newsdesk-outside-'));
    await writeFile(join(outside, 'secret.txt'), 'outside the data folder');
    services = await openTestServices(dataDir, { chooseSavePath: async (name) => (suggestedNames.push(name), null) });
    dispatch = createDispatcher(services.handlers, { trustedOrigins: [APP_ORIGIN] });
  });
  afterAll(async () => {
    await services?.close();
    await rm(dataDir, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  it('start from requests the contract accepts', () => {
    for (const channel of CHANNELS) expect(contract[channel].request.safeParse(VALID_REQUESTS[channel]).success, channel).toBe(true);
  });

  it('refuse a traversal id on every id-taking channel as an invalid request, before any service runs', async () => {
    fsTouches.paths.length = 0;
    fsTouches.recording = true;
    let cases = 0;
    const channels = new Set<Channel>();
    try {
      for (const channel of CHANNELS) {
        const base = VALID_REQUESTS[channel];
        for (const field of valueStringFields(contract[channel].request, base)) {
          if (!ID_FIELD.test(fieldName(field.path))) continue;
          channels.add(channel);
          for (const probe of TRAVERSAL) {
            const result = await dispatch(channel, withField(base, field.path, probe), caller);
            cases += 1;
            expect(result, `${describePath(channel, field.path)} = ${JSON.stringify(probe)}`).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
          }
        }
      }
    } finally {
      fsTouches.recording = false;
    }
    expect(channels.size).toBeGreaterThan(25);
    expect(fsTouches.paths).toEqual([]);
    console.info(`[security] ${cases} traversal requests on ${channels.size} id-taking channels: all refused as invalid, no file touched`);
  });

  it('never read or write outside the data folder, whatever path-like text the free-text fields carry', async () => {
    const planted = [join(outside, 'secret.txt'), `../../../${outside.split(sep).pop()}/secret.txt`, `file://${join(outside, 'planted.txt')}`];
    // targets:test would go to the network; the URL fields are https-only by schema anyway.
    const skipped = new Set<Channel>(['targets:test']);
    fsTouches.paths.length = 0;
    fsTouches.recording = true;
    let cases = 0;
    try {
      for (const channel of CHANNELS) {
        if (skipped.has(channel)) continue;
        const base = VALID_REQUESTS[channel];
        for (const field of valueStringFields(contract[channel].request, base)) {
          if (ID_FIELD.test(fieldName(field.path))) continue;
          for (const text of planted) {
            const request = withField(base, field.path, text);
            if (!contract[channel].request.safeParse(request).success) continue;
            const result = await dispatch(channel, request, caller);
            cases += 1;
            expect(result.ok || result.error.code !== 'internal', `${describePath(channel, field.path)}: ${JSON.stringify(result)}`).toBe(true);
          }
        }
      }
    } finally {
      fsTouches.recording = false;
    }
    const escaped = fsTouches.paths.filter(({ path }) => {
      const rel = relative(dataDir, path);
      return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
    });
    expect(escaped).toEqual([]);
    expect(fsTouches.paths.length).toBeGreaterThan(0); // the recorder did see the services work
    expect(await readdir(outside)).toEqual(['secret.txt']);
    console.info(`[security] ${cases} requests with path-like text in free-text fields: ${fsTouches.paths.length} file-system calls, all inside the data folder`);
  });

  it('would be caught: the recorder sees main read a file outside the data folder', async () => {
    // An import of a file main itself chose (the open dialog's answer) is the one legitimate read from outside.
    const source = join(outside, 'chosen.png');
    await makeBaseImage(source, 'png', { width: 64, height: 48, seed: 3 });
    fsTouches.paths.length = 0;
    fsTouches.recording = true;
    try {
      await services.media.whenFinished(services.media.importPaths([source]).jobId);
    } finally {
      fsTouches.recording = false;
    }
    expect(fsTouches.paths.map(({ path }) => path)).toContain(source);
  });

  it('never let a name from the page steer the save dialog to another folder', async () => {
    const hostile = '../../../../.ssh/authorized_keys';
    const created = await dispatch('drafts:create', {}, caller);
    if (!created.ok) throw new Error(created.error.message);
    const article = { ...(created.value as typeof VALID_REQUESTS['drafts:save']['article']), slug: hostile, slugEdited: true, headline: '..\\..\\evil' };
    expect(await dispatch('drafts:save', { article, reason: 'manual' }, caller)).toMatchObject({ ok: true });
    const jpeg = join(outside, 'dropped.jpg');
    await makeBaseImage(jpeg, 'jpeg', { width: 32, height: 24, seed: 5 });
    const job = await dispatch('media:beginImport', { names: [`${hostile}.jpg`] }, caller);
    if (!job.ok) throw new Error(job.error.message);
    const jobId = (job.value as { jobId: string }).jobId;
    await dispatch('media:addFile', { jobId, index: 0, bytes: new Uint8Array(await readFile(jpeg)) }, caller);
    const photoId = (await services.media.whenFinished(jobId)).items[0]?.photoId;
    expect(photoId).toBeTruthy();
    suggestedNames.length = 0;
    for (const [channel, request] of [
      ['export:html', { articleId: article.id }],
      ['export:ninjs', { articleId: article.id, version: '3.1' }],
      ['media:exportCopy', { id: photoId }],
    ] as const) {
      expect(await dispatch(channel, request, caller), channel).toMatchObject({ ok: true, value: null });
    }
    expect(suggestedNames).toHaveLength(3);
    for (const name of suggestedNames) expect(name, name).toMatch(/^[^/\\]+$/);
    expect(suggestedNames).not.toContain('..');
    console.info(`[security] save dialog suggestions for names like ${JSON.stringify(hostile)}: ${suggestedNames.join(', ')}`);
  });

  it('refuse a file: URL or a plain path for the browser', async () => {
    for (const url of ['file:///etc/passwd', '/etc/passwd', 'C:\\Windows\\win.ini', 'http://example.com/', 'javascript:alert(1)']) {
      expect(await dispatch('app:openExternal', { url }, caller), url).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
  });
});
