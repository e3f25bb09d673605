import { PublishError } from '../http/publish-error';
import type { PublishOutcome } from '../outbox/publisher';
import { retractPost, type SiteRetract } from '../remote/site-retract';
import { GhostCollision, type GhostApi, type GhostPost } from './ghost-api';
import { ghostApiFor, type GhostPostChangeInput } from './ghost-post-change';
import { ghostPostReading } from './ghost-post-reading';

/**
 * A retract on Ghost: the post goes back to a draft, sent with the updated_at it was read with, so
 * an edit made on the site in between is Ghost's 409 and a conflict, not overwritten. Ghost keeps
 * no trash (a delete there is final), so a retract to the trash is refused before it is queued.
 */

function ghostRetract(api: GhostApi): SiteRetract<GhostPost> {
  return {
    ...ghostPostReading(api),
    status: (post) => post.status,
    isOff: (post) => post.status === 'draft',
    async takeOff(post, as, signal) {
      if (as === 'trash') throw new PublishError('rejected', 'Ghost keeps no trash; retract the story to a draft instead.');
      try {
        return { post: await api.updatePost(post.id, { status: 'draft', updated_at: post.updated_at }, signal) };
      } catch (error) {
        if (!(error instanceof GhostCollision)) throw error;
        return { collision: (await api.getPost(post.id, signal)) ?? post };
      }
    },
  };
}

export function retractOnGhost(input: GhostPostChangeInput): Promise<PublishOutcome> {
  const api = ghostApiFor(input);
  return retractPost({ context: input.context, records: input.records, local: input.local, site: ghostRetract(api), now: input.now ?? (() => new Date()) });
}
