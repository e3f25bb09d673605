import { isKillNoticeContent, killNoticeHtml } from '../../../../../shared/rules/kill-notice';
import type { PublishOutcome } from '../outbox/publisher';
import { killPost, type SiteKill } from '../remote/site-kill';
import { postSummary } from './publish-wordpress';
import type { WordPressPostChangeInput } from './wordpress-post-change';
import { createWordPressApi, type WordPressApi, type WpPost } from './wordpress-api';

/** A kill on WordPress: the post's content becomes the notice, its excerpt empty and its featured image gone; title, address and status stay. */

/** Newsdesk's marker at the end of a post (how a lost create is found again) stays after the notice. */
const MARKER = /\n?<!-- newsdesk:[a-z0-9]+ -->\s*$/;

function wordPressKill(api: WordPressApi): SiteKill<WpPost> {
  return {
    cms: 'WordPress',
    async fetch(postId, signal) {
      const post = typeof postId === 'number' ? await api.getPost(postId, signal) : null;
      if (!post) return { gone: 'deleted' };
      return post.status === 'trash' ? { gone: 'in the trash' } : { post };
    },
    summary: postSummary,
    remoteVersion: (post) => ({
      title: post.title.raw ?? '',
      excerpt: post.excerpt.raw ?? '',
      html: (post.content.raw ?? '').replace(MARKER, ''),
      modifiedGmt: post.modified_gmt,
      link: post.link,
    }),
    isKilled: (post) => isKillNoticeContent(post.content.raw ?? ''),
    // WordPress has no "unless changed since" on a write: the check just before it is what it allows.
    replace: async (post, notice, signal) => {
      const marker = MARKER.exec(post.content.raw ?? '')?.[0] ?? '';
      return { post: await api.updatePost(post.id, { content: `${killNoticeHtml(notice)}${marker}`, excerpt: '', featured_media: 0 }, signal) };
    },
  };
}

export function killOnWordPress(input: WordPressPostChangeInput): Promise<PublishOutcome> {
  const { target } = input;
  const api = createWordPressApi({ siteUrl: target.siteUrl, user: target.user, password: input.password, requestTimeoutMs: input.requestTimeoutMs, http: input.http });
  return killPost({ context: input.context, records: input.records, local: input.local, site: wordPressKill(api), now: input.now ?? (() => new Date()) });
}
