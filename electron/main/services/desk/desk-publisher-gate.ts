import { deskRolesResponseSchema } from '../../../../shared/desk/audit';
import { hasRole } from '../../../../shared/desk/roles';
import { messageOf, UserFacingError } from '../../../../shared/model/errors';
import type { EnqueueRequest } from '../publishing/outbox/outbox';
import { bearer, call } from './desk-api';
import type { DeskService } from './desk-service';

/**
 * What only a desk's publishers may do to a desk story beside publishing it: take it off a site
 * (retract, back to a draft or to the trash), replace it with a kill notice, and change when it
 * goes live (schedule, embargo, expiry). Each is asked of the desk, which reads the user's roles
 * from its own records; a role kept on this machine could be forged or out of date.
 */
export type PublisherAction = 'retract' | 'kill' | 'schedule';

const ACTION_WORDS: Record<PublisherAction, string> = {
  retract: 'retract a desk story or send it back to a draft on a site',
  kill: 'replace a desk story on a site with a kill notice',
  schedule: 'change when a desk story goes live (schedule, embargo or expiry)',
};

/** The sentence a refused user reads, here and (mirrored) beside the disabled control. */
export function publisherOnly(action: PublisherAction): string {
  return `Only a publisher may ${ACTION_WORDS[action]}. Nothing was changed; ask a publisher on the desk.`;
}

/** Which publisher-only action an outbox job is, or null for one this gate leaves to others. */
export function publisherActionOf(request: EnqueueRequest): PublisherAction | null {
  if (request.kill) return 'kill';
  // An expiry's retract was set by whoever timed the story (a publisher, see 'schedule'); it must
  // go out on time even when the desk cannot be asked.
  if (request.retract && !request.retract.expiredAt) return 'retract';
  return null;
}

/**
 * Refuses `action` on `articleId` unless the desk says the signed-in user is a publisher. A story
 * of this machine only passes; a desk story whose desk cannot be asked is refused, as publishing is.
 */
export async function requirePublisher(desk: DeskService, articleId: string, action: PublisherAction): Promise<void> {
  const shared = desk.sharedOf(articleId);
  if (!shared) return;
  let roles: string[];
  try {
    roles = await desk.withSession(async (active) =>
      (await call(active.fetch, active.serverUrl, `api/desks/${encodeURIComponent(shared.deskId)}/me`, bearer(active.token), deskRolesResponseSchema)).roles);
  } catch (error) {
    throw new UserFacingError('forbidden', `${publisherOnly(action)} The desk could not confirm that you are one (${messageOf(error)}).`);
  }
  if (!hasRole({ roles }, 'publisher')) throw new UserFacingError('forbidden', publisherOnly(action));
}
