import { deskRolesResponseSchema } from '../../../../shared/desk/audit';
import { publisherOnly, type PublisherAction } from '../../../../shared/desk/publisher-gates';
import { hasRole } from '../../../../shared/desk/roles';
import { messageOf, UserFacingError } from '../../../../shared/model/errors';
import type { EnqueueRequest } from '../publishing/outbox/outbox';
import { bearer, call } from './desk-api';
import type { DeskService } from './desk-service';

/**
 * The publisher-only changes to a desk story (shared/desk/publisher-gates.ts), asked of the desk,
 * which reads the user's roles from its own records; a role kept on this machine could be forged
 * or out of date.
 */

/** The signed-in session as DeskService.withSession hands it over. */
type ActiveDesk = Parameters<Parameters<DeskService['withSession']>[0]>[0];

/** The roles the desk holds for the signed-in user on `deskId` now, never any kept on this machine. */
export async function deskRolesOn(active: ActiveDesk, deskId: string): Promise<string[]> {
  return (await call(active.fetch, active.serverUrl, `api/desks/${encodeURIComponent(deskId)}/me`, bearer(active.token), deskRolesResponseSchema)).roles;
}

/** Which publisher-only action an outbox job is, or null for one this gate leaves to others. */
export function publisherActionOf(request: EnqueueRequest): PublisherAction | null {
  if (request.kill) return 'kill';
  // An expiry's retract was set by whoever timed the story (a publisher, see 'schedule'); it must
  // go out on time even when the desk cannot be asked.
  if (request.retract) return request.retract.expiredAt ? null : 'retract';
  // A draft on a site is one step from live there (anyone with the site's login publishes it).
  if (request.mode === 'draft') return 'draft';
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
    roles = await desk.withSession((active) => deskRolesOn(active, shared.deskId));
  } catch (error) {
    throw new UserFacingError('forbidden', `${publisherOnly(action)} The desk could not confirm that you are one (${messageOf(error)}).`);
  }
  if (!hasRole({ roles }, 'publisher')) throw new UserFacingError('forbidden', publisherOnly(action));
}
