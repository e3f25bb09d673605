import { z } from 'zod';
import { hasRole, ROLE_LABELS, type DeskRole, type RoleHolder } from './roles';

/**
 * A desk story's status and who may move it. The desk server applies these rules to every change
 * (whatever a client sends); the desktop uses the same ones to show only the moves a user may make
 * and to say why the others are disabled.
 */
export const DESK_STATUSES = ['draft', 'ready', 'approved', 'scheduled', 'published'] as const;
export const DeskStatus = z.enum(DESK_STATUSES);
export type DeskStatus = z.infer<typeof DeskStatus>;

export const DESK_STATUS_LABELS: Record<DeskStatus, string> = {
  draft: 'Draft',
  ready: 'Ready for review',
  approved: 'Approved',
  scheduled: 'Scheduled',
  published: 'Published',
};

interface Move {
  from: DeskStatus;
  to: DeskStatus;
  /** Any one of these roles may make the move. */
  roles: readonly DeskRole[];
}

const MOVES: readonly Move[] = [
  { from: 'draft', to: 'ready', roles: ['reporter', 'editor'] },
  { from: 'ready', to: 'draft', roles: ['reporter', 'editor'] },
  { from: 'ready', to: 'approved', roles: ['editor'] },
  { from: 'approved', to: 'ready', roles: ['editor'] },
  { from: 'approved', to: 'scheduled', roles: ['publisher'] },
  { from: 'approved', to: 'published', roles: ['publisher'] },
  { from: 'scheduled', to: 'published', roles: ['publisher'] },
  { from: 'scheduled', to: 'approved', roles: ['publisher'] },
];

/** A story's status as stored; anything the workflow does not know (an empty or older value) is a draft. */
export function deskStatusOf(value: unknown): DeskStatus {
  const parsed = DeskStatus.safeParse(value);
  return parsed.success ? parsed.data : 'draft';
}

export type MoveCheck = { allowed: true } | { allowed: false; reason: string };

function roleList(roles: readonly DeskRole[]): string {
  const names = roles.map((role) => `an ${ROLE_LABELS[role]}`.replace(/^an (?=[^aeiou])/, 'a '));
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1) ?? ''}` : (names[0] ?? 'nobody');
}

/** Whether `user` may move a story from `from` to `to`, and if not, a sentence saying why. */
export function checkMove(user: RoleHolder | null | undefined, from: DeskStatus, to: DeskStatus): MoveCheck {
  if (from === to) return { allowed: false, reason: `The story is already ${DESK_STATUS_LABELS[to].toLowerCase()}.` };
  const move = MOVES.find((candidate) => candidate.from === from && candidate.to === to);
  if (!move) {
    return { allowed: false, reason: `A story cannot go from ${DESK_STATUS_LABELS[from].toLowerCase()} to ${DESK_STATUS_LABELS[to].toLowerCase()}.` };
  }
  if (move.roles.some((role) => hasRole(user, role))) return { allowed: true };
  return { allowed: false, reason: `Only ${roleList(move.roles)} may set a story ${DESK_STATUS_LABELS[to].toLowerCase()}.` };
}

export interface OfferedMove {
  to: DeskStatus;
  allowed: boolean;
  /** Why the move is disabled, when it is. */
  reason?: string;
}

/** The moves the workflow has from `from` (the status control's entries), each allowed or not for `user`. */
export function movesFrom(user: RoleHolder | null | undefined, from: DeskStatus): OfferedMove[] {
  return MOVES.filter((move) => move.from === from).map((move) => {
    const check = checkMove(user, from, move.to);
    return check.allowed ? { to: move.to, allowed: true } : { to: move.to, allowed: false, reason: check.reason };
  });
}

/**
 * Whether a change to the text of a story in this status sends it back to review: the text an
 * editor approved (or a publisher scheduled) is no longer the text that would go out.
 */
export function textChangeReopens(status: DeskStatus): boolean {
  return status === 'approved' || status === 'scheduled';
}

/**
 * The server's own record in a story document of its last status move, the Y.Map `workflow`:
 * `by` (a name), `at` (ISO 8601) and `note` (the sentence the desk shows, such as "Back to review:
 * Bo Photo changed the text after approval"). Only the server writes it; a client's write is undone.
 */
export const STORY_WORKFLOW_MAP = 'workflow';

export const workflowNoteSchema = z.object({ by: z.string(), at: z.string(), note: z.string() });
export type WorkflowNote = z.infer<typeof workflowNoteSchema>;

/** A story's place in the workflow for one user, as the desk server answers it. */
export const storyWorkflowResponseSchema = z.object({
  status: DeskStatus,
  roles: z.array(z.string()),
  moves: z.array(z.object({ to: DeskStatus, allowed: z.boolean(), reason: z.string().optional() })),
  last: workflowNoteSchema.nullable(),
});
export type StoryWorkflowResponse = z.infer<typeof storyWorkflowResponseSchema>;
