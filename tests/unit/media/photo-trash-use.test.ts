import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/main/ipc/dispatcher';
import type { Services } from '../../../electron/main/services/compose';
import type { Channel, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import { IMAGE_NODE_TYPE } from '../../../shared/model/photo-use';
import { makeBaseImage } from '../../support/photo-fixtures';
import { openTestServices } from '../../support/test-services';

let work = '';
let services: Services | null = null;
afterEach(async () => {
  await services?.close();
  services = null;
  await rm(work, { recursive: true, force: true });
});

const caller = { url: 'app://newsdesk/index.html', isMainFrame: true };

async function open() {
  work = await mkdtemp(join(tmpdir(), 'newsdesk-photo-use-'));
  services = await openTestServices(work);
  const dispatch = createDispatcher(services.handlers, { trustedOrigins: ['app://newsdesk'] });
  const call = async <C extends Channel>(channel: C, request: RequestOf<C>) => {
    const result = (await dispatch(channel, request, caller)) as Result<ResponseOf<C>>;
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  return { services, call };
}

function photoNode(photoId: string) {
  const caption = { root: { type: 'root', children: [], direction: null, format: '', indent: 0, version: 1 } };
  return { type: IMAGE_NODE_TYPE, version: 1, photoId, altText: '', credit: '', creditEdited: false, width: 'regular', caption, captionText: '' };
}

describe('deleting a photo in use', () => {
  it('lists every article and video using the photos and moves nothing until the person confirms', async () => {
    const { services: opened, call } = await open();
    const files = await Promise.all([1, 2, 3].map(async (seed) => {
      const path = join(work, `p${seed}.jpg`);
      await makeBaseImage(path, 'jpeg', { width: 96, height: 64, seed });
      return path;
    }));
    const job = await opened.media.whenFinished(opened.media.importPaths(files).jobId);
    const [lead, inText, unused] = job.items.map((item) => item.photoId!) as [string, string, string];
    const use = (photoId: string) => ({ photoId, caption: '', credit: '', creditEdited: false, altText: '' });

    const withLead = await opened.drafts.create({});
    await opened.drafts.save({ ...withLead, headline: 'Harbour reopens', leadPhoto: use(lead) }, 'manual');
    const withBody = await opened.drafts.create({});
    const body = { root: { ...withBody.body.root, children: [photoNode(inText)] } };
    await opened.drafts.save({ ...withBody, headline: '', body }, 'manual');
    const video = await opened.videos.create();
    await opened.videos.save({ ...video, headline: 'Storm footage', poster: use(lead) });

    const asked = await call('media:trash', { ids: [lead, inText, unused], evenIfUsed: false });
    expect(asked.trashed).toEqual([]);
    expect(asked.inUse).toEqual([
      {
        photoId: lead,
        fileName: 'p1.jpg',
        places: [
          { kind: 'article', id: withLead.id, title: 'Harbour reopens' },
          { kind: 'video', id: video.id, title: 'Storm footage' },
        ],
      },
      { photoId: inText, fileName: 'p2.jpg', places: [{ kind: 'article', id: withBody.id, title: 'Untitled article' }] },
    ]);
    expect((await call('media:list', {})).total).toBe(3);

    expect(await call('media:trash', { ids: [unused], evenIfUsed: false })).toEqual({ trashed: [unused], inUse: [] });
    expect(await call('media:trash', { ids: [lead, inText], evenIfUsed: true })).toEqual({ trashed: [lead, inText], inUse: [] });
    expect((await call('media:listTrash', {})).map((t) => t.photo.id).sort()).toEqual([lead, inText, unused].sort());
    expect((await call('media:restoreFromTrash', { ids: [lead] })).map((p) => p.id)).toEqual([lead]);
    expect(await call('media:emptyTrash', {})).toEqual({ removed: 2 });
    expect((await call('media:list', {})).items.map((p) => p.id)).toEqual([lead]);
  });
});
