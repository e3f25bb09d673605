import { escapeHtml } from '../../../../../shared/rules/html-escape';
import type { RemotePostId } from '../../../../../shared/model/publishing';
import type { GhostApi, GhostPost } from './ghost-api';
import { postSummary } from './publish-ghost';

/**
 * How a retract and a kill read a Ghost post before changing it: the post (or that it is gone),
 * its summary for the job log, and the version a conflict view shows. One place, so both see the
 * site the same way.
 */
export function ghostPostReading(api: GhostApi) {
  return {
    cms: 'Ghost',
    async fetch(postId: RemotePostId, signal: AbortSignal): Promise<{ post: GhostPost } | { gone: string }> {
      const post = typeof postId === 'string' ? await api.getPost(postId, signal) : null;
      return post ? { post } : { gone: 'deleted' };
    },
    summary: postSummary,
    remoteVersion: (post: GhostPost) => ({
      title: escapeHtml(post.title),
      excerpt: escapeHtml(post.custom_excerpt ?? ''),
      html: post.html ?? '',
      modifiedGmt: post.updated_at,
      link: post.url,
    }),
  } as const;
}
