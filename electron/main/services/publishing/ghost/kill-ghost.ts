import { isKillNoticeContent, killNoticeHtml, type KillNotice } from '../../../../../shared/rules/kill-notice';
import type { PublishOutcome } from '../outbox/publisher';
import { killPost, type SiteKill } from '../remote/site-kill';
import { GhostCollision, type GhostApi, type GhostPost } from './ghost-api';
import { ghostApiFor, type GhostPostChangeInput } from './ghost-post-change';
import { ghostPostReading } from './ghost-post-reading';

/**
 * A kill on Ghost: the post's Lexical becomes one HTML card with the notice (marked, as the byline
 * line is), its excerpt empty, its feature image and its search and social text and images gone; sent with the updated_at it was read with,
 * so an edit made on the site in between is Ghost's 409 and a conflict.
 */

function noticeLexical(notice: KillNotice): string {
  return JSON.stringify({
    root: { type: 'root', version: 1, format: '', indent: 0, direction: null, children: [{ type: 'html', version: 1, html: killNoticeHtml(notice) }] },
  });
}

/** What a shared link and search results would still show of the withdrawn story: cleared too. */
const CLEARED_SHARING = {
  meta_description: null,
  og_title: null,
  og_description: null,
  og_image: null,
  twitter_title: null,
  twitter_description: null,
  twitter_image: null,
} as const;

function ghostKill(api: GhostApi): SiteKill<GhostPost> {
  return {
    ...ghostPostReading(api),
    isKilled: (post) => isKillNoticeContent(post.lexical ?? '') || isKillNoticeContent((post.lexical ?? '').replace(/\\"/g, '"')),
    async replace(post, notice, signal) {
      try {
        const fields = { lexical: noticeLexical(notice), custom_excerpt: '', feature_image: null, feature_image_caption: null, feature_image_alt: null, ...CLEARED_SHARING, updated_at: post.updated_at };
        return { post: await api.updatePost(post.id, fields, signal) };
      } catch (error) {
        if (!(error instanceof GhostCollision)) throw error;
        return { collision: (await api.getPost(post.id, signal)) ?? post };
      }
    },
  };
}

export function killOnGhost(input: GhostPostChangeInput): Promise<PublishOutcome> {
  const api = ghostApiFor(input);
  return killPost({ context: input.context, records: input.records, local: input.local, site: ghostKill(api), now: input.now ?? (() => new Date()) });
}
