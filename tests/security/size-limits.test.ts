import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/main/ipc/dispatcher';
import type { Services } from '../../electron/main/services/compose';
import type { Channel, RequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { DEFAULT_LIMITS, type Limits } from '../../shared/model/settings';
import { makeBaseImage } from '../support/photo-fixtures';
import { memorySettingsStore, openTestServices } from '../support/test-services';

/**
 * The desk's size limits (limits.* in the settings file, set in Preferences › Limits), each met by a file or an edit just past
 * it: the refusal is a sentence naming the limit and the setting, nothing is written, and a desk
 * that raised a limit gets what it asked for.
 */

const caller = { url: 'app://newsdesk/index.html', isMainFrame: true };
const MB = 1024 * 1024;
let work = '';
let services: Services | null = null;

afterEach(async () => {
  await services?.close();
  services = null;
  await rm(work, { recursive: true, force: true });
});

/** Services on a fresh data folder whose settings file holds `limits` (an older file may hold only some). */
async function open(limits: Partial<Limits>, dataDir?: string) {
  work ||= await mkdtemp(join(tmpdir(), 'newsdesk-limits-'));
  const settingsStore = memorySettingsStore();
  settingsStore.set('settings', { limits });
  services = await openTestServices(dataDir ?? work, { settingsStore });
  const dispatch = createDispatcher(services.handlers, { trustedOrigins: ['app://newsdesk'] });
  const call = async <C extends Channel>(channel: C, request: RequestOf<C>) => (await dispatch(channel, request, caller)) as Result<ResponseOf<C>>;
  return { services, call };
}

async function importOne(media: Services['media'], path: string) {
  const job = await media.whenFinished(media.importPaths([path]).jobId);
  return job.items[0]!;
}

describe('size limits', () => {
  it('keeps a story limit from an older settings file and fills in the newer limits; one changed limit leaves the others', async () => {
    const { call } = await open({ storyMaxBytes: 2 * MB });
    const settings = await call('settings:get', {});
    expect(settings.ok && settings.value.limits).toEqual({ ...DEFAULT_LIMITS, storyMaxBytes: 2 * MB });
    const updated = await call('settings:update', { limits: { importMaxBytes: 5 * MB } });
    expect(updated.ok && updated.value.limits).toEqual({ ...DEFAULT_LIMITS, storyMaxBytes: 2 * MB, importMaxBytes: 5 * MB });
    const refused = await call('settings:update', { limits: { importMaxBytes: 1 } });
    expect(refused.ok).toBe(false);
  });

  it('refuses an imported file over the import limit, by path and by bytes, naming the limit and the setting', async () => {
    const { services: opened } = await open({ storyMaxBytes: DEFAULT_LIMITS.storyMaxBytes, importMaxBytes: MB });
    const big = join(work, 'scan.tif');
    await writeFile(big, randomBytes(1024));
    await truncate(big, 1.5 * MB);
    const byPath = await importOne(opened.media, big);
    const expected = '“scan.tif” is larger than 1 MB, the most this desk imports in one file (Preferences › Limits › “Largest imported picture”).';
    expect(byPath).toMatchObject({ state: 'failed', message: expected });

    const job = opened.media.beginImport(['scan.tif']);
    await opened.media.addFile(job.jobId, 0, new Uint8Array(await readFile(big)));
    const byBytes = await opened.media.whenFinished(job.jobId);
    expect(byBytes.items[0]).toMatchObject({ state: 'failed', message: expected });
    expect((await opened.media.list({})).total).toBe(0);
  });

  it('sets aside a photo record over the record limit, naming the limit and the setting; a raised limit keeps a larger one', async () => {
    work = await mkdtemp(join(tmpdir(), 'newsdesk-limits-'));
    const picture = join(work, 'harbour.jpg');
    await makeBaseImage(picture, 'jpeg', { width: 96, height: 64, seed: 3 });
    const first = await open({ storyMaxBytes: DEFAULT_LIMITS.storyMaxBytes });
    const id = (await importOne(first.services.media, picture)).photoId!;
    await first.services.close();
    services = null;
    const record = join(work, 'library', 'media', 'photos', `${id}.json`);
    const text = await readFile(record, 'utf8');
    // Valid JSON with 9 MB of padding: over the 8 MB default, under a raised 16 MB limit.
    await writeFile(record, `{"padding":${JSON.stringify('x'.repeat(9 * MB))},${text.slice(1)}`);

    const raised = await open({ storyMaxBytes: DEFAULT_LIMITS.storyMaxBytes, photoRecordMaxBytes: 16 * MB });
    expect((await raised.services.media.list({})).total).toBe(1);
    await raised.services.close();
    services = null;

    const lowered = await open({ storyMaxBytes: DEFAULT_LIMITS.storyMaxBytes, photoRecordMaxBytes: 4 * MB });
    expect((await lowered.services.media.list({})).total).toBe(0);
    const [aside] = lowered.services.media.quarantined();
    expect(aside?.reason).toBe(
      'The photo record is 9 MB, over the 4 MB a photo record may hold (Preferences › Limits › “Largest photo details”), so it was set aside without being read.',
    );
  });

  it('refuses a photo caption and a story caption over the caption limit, naming the limit and the setting, and saves nothing', async () => {
    work = await mkdtemp(join(tmpdir(), 'newsdesk-limits-'));
    const picture = join(work, 'harbour.jpg');
    await makeBaseImage(picture, 'jpeg', { width: 96, height: 64, seed: 4 });
    const { services: opened, call } = await open({ storyMaxBytes: DEFAULT_LIMITS.storyMaxBytes, captionMaxChars: 200 });
    const id = (await importOne(opened.media, picture)).photoId!;
    const long = 'é'.repeat(250);

    const photo = await call('media:update', { id, metadata: { description: long } });
    expect(photo).toEqual({
      ok: false,
      error: {
        code: 'invalid-request',
        message: 'The caption is 250 characters, over the 200 a caption may hold (Preferences › Limits › “Longest caption”). The photo details were not saved.',
      },
    });
    expect((await opened.media.get(id)).metadata.description).toBe('');
    expect((await call('media:update', { id, metadata: { description: long.slice(0, 200) } })).ok).toBe(true);

    const article = await opened.drafts.create({});
    const lead = { photoId: id, caption: long, credit: '', creditEdited: false, altText: '' };
    const story = await call('drafts:save', { article: { ...article, leadPhoto: lead }, reason: 'manual' });
    expect(story).toEqual({
      ok: false,
      error: {
        code: 'invalid-request',
        message: 'the caption of the lead photo is 250 characters, over the 200 a caption may hold (Preferences › Limits › “Longest caption”).',
      },
    });
    expect((await opened.drafts.get(article.id)).leadPhoto).toBeNull();
  });
});
