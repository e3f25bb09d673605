import type { DeskSummary } from '../../../../shared/desk/desk-protocol';
import { UserFacingError } from '../../../../shared/model/errors';

/**
 * Which of a user's desks a session works on. A user may be on several desks; the desk answers
 * sign-in (and GET /api/desks) with all of them, and the person chooses one in Preferences › Desk.
 */

/** The desk to sign in to: the one asked for, else the one last worked on (while still the user's), else the first of theirs. */
export function deskToSignInTo(desks: readonly DeskSummary[], userName: string, deskId: string | undefined, lastDeskId: string | null): DeskSummary {
  if (desks.length === 0) throw new UserFacingError('forbidden', `${userName} is on no desk yet: ask the desk’s administrator to add the account to one.`);
  if (deskId === undefined) return desks.find((candidate) => candidate.id === lastDeskId) ?? desks[0]!;
  const desk = desks.find((candidate) => candidate.id === deskId);
  if (!desk) {
    throw new UserFacingError('forbidden', `${userName} is not on the desk “${deskId}”, so Newsdesk did not sign in. Sign in without choosing a desk, or ask the desk’s administrator to add the account to it.`);
  }
  return desk;
}

/**
 * The desk to switch to, from the user's desks as the desk holds them now; refused with a sentence
 * when the user is no longer on it (taken off since sign-in), saying which desk stays the active one.
 */
export function deskToSwitchTo(desks: readonly DeskSummary[], deskId: string, known: readonly DeskSummary[], active: DeskSummary): DeskSummary {
  const desk = desks.find((candidate) => candidate.id === deskId);
  if (desk) return desk;
  const name = known.find((candidate) => candidate.id === deskId)?.name ?? deskId;
  throw new UserFacingError('forbidden', `You are no longer on the desk “${name}”, so Newsdesk stays on “${active.name}”. Ask the desk’s administrator if you should be on it.`);
}
