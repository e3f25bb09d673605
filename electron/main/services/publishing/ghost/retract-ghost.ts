import type { ConflictVersions, GhostTarget } from '../../../../../shared/model/publishing';
import type { HttpClient } from '../http/http-client';
import { PublishError } from '../http/publish-error';
import type { PublishContext, PublishOutcome } from '../outbox/publisher';
import type { RemoteRecords } from '../remote/remote-records';
import { retractPost, type SiteRetract } from '../remote/site-retract';
import { createGhostApi, GhostCollision, type GhostApi, type GhostPost } from './ghost-api';
import { ghostPostReading } from './ghost-post-reading';

/**
 * A retract on Ghost: the post goes back to a draft, sent with the updated_at it was read with, so
 * an edit made on the site in between is Ghost's 409 and a conflict, not overwritten. Ghost keeps
 * no trash (a delete there is final), so a retract to the trash is refused before it is queued.
 */

export interface GhostRetractInput {
  context: PublishContext;
  target: GhostTarget;
  adminApiKey: string;
  records: RemoteRecords;
  local: ConflictVersions['local'];
  http: HttpClient;
  requestTimeoutMs?: number;
  now?: () => Date;
  /** For tests: the API to talk to instead of the site's. */
  api?: GhostApi;
}

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

export function retractOnGhost(input: GhostRetractInput): Promise<PublishOutcome> {
  const { target } = input;
  const api = input.api ?? createGhostApi({ siteUrl: target.siteUrl, adminApiKey: input.adminApiKey, requestTimeoutMs: input.requestTimeoutMs, http: input.http });
  return retractPost({ context: input.context, records: input.records, local: input.local, site: ghostRetract(api), now: input.now ?? (() => new Date()) });
}
