import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createImportHandlers, type ImportHandlers } from '../../electron/main/services/publishing/import/import-handlers';
import { SiteImportListRequest } from '../../shared/model/site-import';
import type { RemotePostId } from '../../shared/model/publishing';
import { makeBaseJpeg } from '../support/photo-fixtures';
import type { PublishingDesk } from './wordpress-publish-helpers';

/** The import channels' services over a test desk; pictures may come from the loopback test site. */
export function importHandlersOf(desk: PublishingDesk): ImportHandlers {
  return createImportHandlers({
    libraryDir: join(desk.dir, 'library'),
    drafts: desk.drafts,
    media: desk.media,
    settings: desk.settings,
    targets: desk.targets,
    records: desk.records,
    http: desk.http,
    remoteImages: { allowLoopback: true },
  });
}

export async function listPosts(handlers: ImportHandlers, targetId: string, search = '', page = 1, perPage = 20) {
  return handlers['siteImport:list'](SiteImportListRequest.parse({ targetId, search, page, perPage }));
}

export async function importPosts(handlers: ImportHandlers, targetId: string, postIds: RemotePostId[]) {
  return (await handlers['siteImport:import']({ targetId, postIds })).results;
}

/** A JPEG without metadata, different for each seed (the library keeps one copy of identical files). */
export async function pictureBytes(dir: string, seed: number): Promise<Uint8Array> {
  const path = join(dir, `picture-${seed}.jpg`);
  await makeBaseJpeg(path, { seed, width: 640, height: 427 });
  return new Uint8Array(await readFile(path));
}
