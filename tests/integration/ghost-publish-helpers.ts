import { adminApiBase, ghostAdminToken, type GhostPost } from '../../electron/main/services/publishing/ghost/ghost-api';
import type { GhostSite } from '../ghost/ghost-server';
import { openDeskFor, type PublishingDesk } from './wordpress-publish-helpers';

/** The publishing desk on a temp folder, with the real stores and one Ghost target at `siteUrl` (a proxy in front of the site). */
export function openGhostDesk(site: GhostSite, siteUrl: string): Promise<PublishingDesk> {
  return openDeskFor({ kind: 'ghost', name: 'Test Ghost', siteUrl, secret: site.adminApiKey }, 'newsdesk-ghost-publish-');
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
