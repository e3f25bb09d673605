import type { RetractAs } from '../../../../../shared/model/publishing';
import type { PublishOutcome } from '../outbox/publisher';
import { retractPost, type SiteRetract } from '../remote/site-retract';
import { postSummary } from './publish-wordpress';
import type { WordPressPostChangeInput } from './wordpress-post-change';
import { createWordPressApi, type WordPressApi, type WpPost } from './wordpress-api';

/** A retract on WordPress: the post goes back to a draft, or into the site's trash (restorable there). */

const OFF_SITE: Record<RetractAs, readonly string[]> = { draft: ['draft', 'pending', 'trash'], trash: ['trash'] };

function wordPressRetract(api: WordPressApi): SiteRetract<WpPost> {
  return {
    cms: 'WordPress',
    async fetch(postId, signal) {
      const post = typeof postId === 'number' ? await api.getPost(postId, signal) : null;
      return post ? { post } : { gone: 'deleted' };
    },
    summary: postSummary,
    status: (post) => post.status,
    isOff: (post, as) => OFF_SITE[as].includes(post.status),
    remoteVersion: (post) => ({
      title: post.title.raw ?? '',
      excerpt: post.excerpt.raw ?? '',
      html: (post.content.raw ?? '').replace(/\n?<!-- newsdesk:[a-z0-9]+ -->\s*$/, ''),
      modifiedGmt: post.modified_gmt,
      link: post.link,
    }),
    // WordPress has no "unless changed since" on a write: the check just before it is what it allows.
    takeOff: async (post, as, signal) => ({ post: as === 'trash' ? await api.trashPost(post.id, signal) : await api.updatePost(post.id, { status: 'draft' }, signal) }),
  };
}

export function retractOnWordPress(input: WordPressPostChangeInput): Promise<PublishOutcome> {
  const { target } = input;
  const api = createWordPressApi({ siteUrl: target.siteUrl, user: target.user, password: input.password, requestTimeoutMs: input.requestTimeoutMs, http: input.http });
  return retractPost({ context: input.context, records: input.records, local: input.local, site: wordPressRetract(api), now: input.now ?? (() => new Date()) });
}
