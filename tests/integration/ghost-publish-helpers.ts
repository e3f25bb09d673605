import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDraftStore } from '../../electron/main/services/drafts/draft-store';
import { openBoardStore } from '../../electron/main/services/feeds/board-store';
import { openMediaLibrary } from '../../electron/main/services/media/media-library';
import { adminApiBase, ghostAdminToken, type GhostPost } from '../../electron/main/services/publishing/ghost/ghost-api';
import { createJobPublisher } from '../../electron/main/services/publishing/job-publisher';
import { openRemoteRecords } from '../../electron/main/services/publishing/remote/remote-records';
import { openTargetsStore } from '../../electron/main/services/publishing/targets/targets-store';
import { createSettingsService } from '../../electron/main/services/settings/settings-service';
import { createTestSecretBox } from '../fakes/secret-box';
import type { GhostSite } from '../ghost/ghost-server';
import type { PublishingDesk } from './wordpress-publish-helpers';

/** The publishing desk on a temp folder, with the real stores and one Ghost target at `siteUrl` (a proxy in front of the site). */
export async function openGhostDesk(site: GhostSite, siteUrl: string): Promise<PublishingDesk> {
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-ghost-publish-'));
  const libraryDir = join(dir, 'library');
  const settingsMap = new Map<string, unknown>();
  const settings = createSettingsService({ get: (key) => structuredClone(settingsMap.get(key)), set: (key, value) => void settingsMap.set(key, structuredClone(value)) });
  const drafts = await openDraftStore(libraryDir);
  const media = await openMediaLibrary(join(libraryDir, 'media'), { creditStyle: () => settings.get().photoDesk.credit });
  const board = await openBoardStore(libraryDir, { quarantineDir: join(libraryDir, 'quarantine') });
  const targets = await openTargetsStore(libraryDir, createTestSecretBox());
  const target = await targets.save({ kind: 'ghost', name: 'Test Ghost', siteUrl, secret: site.adminApiKey });
  const records = openRemoteRecords(libraryDir);
  const publisher = createJobPublisher({ drafts, media, board, settings, targets, records });
  return {
    dir,
    drafts,
    media,
    board,
    settings,
    targets,
    records,
    publisher,
    target,
    async close() {
      await Promise.all([drafts.close(), media.close(), board.close(), targets.close()]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface AdminPost extends GhostPost {
  feature_image_caption: string | null;
  feature_image_alt: string | null;
  tags: { name: string; slug: string }[];
}

/** The Admin API straight to the site, as a test reads and edits what the desk published. */
export function ghostAdmin(site: GhostSite) {
  const base = adminApiBase(site.url);
  const call = async <T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { Authorization: `Ghost ${await ghostAdminToken(site.adminApiKey)}`, 'Content-Type': 'application/json', 'Accept-Version': 'v5.0' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json().catch(() => null)) as T };
  };
  return {
    call,
    async post(id: string): Promise<AdminPost> {
      const { json } = await call<{ posts: AdminPost[] }>('GET', `/posts/${id}/?formats=html,lexical&include=tags`);
      return json.posts[0]!;
    },
    async postsTitled(title: string): Promise<AdminPost[]> {
      const filter = encodeURIComponent(`title:'${title.replace(/'/g, "\\'")}'`);
      const { json } = await call<{ posts: AdminPost[] }>('GET', `/posts/?filter=${filter}&limit=all&formats=lexical`);
      return json.posts;
    },
  };
}
