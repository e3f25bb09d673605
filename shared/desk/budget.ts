import { z } from 'zod';
import type { DeskRole } from './roles';
import { deskIdSchema, deskUserIdSchema, storyIdSchema } from './desk-protocol';

/** Who may plan and assign stories; the desk server enforces it and the desktop mirrors it. */
export const PLANNING_ROLES: readonly DeskRole[] = ['editor', 'admin'];

export function mayPlan(roles: readonly DeskRole[]): boolean {
  return roles.some((role) => PLANNING_ROLES.includes(role));
}

/**
 * The story budget: the day's plan of a desk. A planned story has its plan (slot, due time, length
 * target, assignee, photo request, desk note) in the server's `budget_plans` table, and its story
 * document is created at once with the working headline, slug and section, so it can be opened and
 * written like any desk story. The server keeps a read-only document per desk,
 * `desk/<deskId>/budget`, whose Y.Map `entries` holds one BudgetEntry per story (planned or live),
 * written by the server alone: the plan when it is saved, the status, live word count and photo
 * state each time the story is stored.
 */

export const BUDGET_MAP = 'entries';
const BUDGET_DOCUMENT = /^desk\/([^/]+)\/budget$/;

export function budgetDocumentName(deskId: string): string {
  return `desk/${deskIdSchema.parse(deskId)}/budget`;
}

export function parseBudgetDocumentName(name: string): string | null {
  const desk = deskIdSchema.safeParse(BUDGET_DOCUMENT.exec(name)?.[1]);
  return desk.success ? desk.data : null;
}

export const SLOT_FORMAT = 'A slot is a feed and a time, as in “News Feed, 14:00”.';

/** "News Feed, 14:00" → { feed: 'News Feed', time: '14:00' }; null when it is not that shape. */
export function parseSlot(text: string): { feed: string; time: string } | null {
  const match = /^\s*([^,]{1,80}?)\s*,\s*([01]?\d|2[0-3]):([0-5]\d)\s*$/.exec(text);
  if (!match?.[1] || !match[2] || !match[3]) return null;
  return { feed: match[1], time: `${match[2].padStart(2, '0')}:${match[3]}` };
}

export function slotText(slot: BudgetSlot | null): string {
  return slot ? `${slot.feed}, ${slot.time}` : '';
}

export const BudgetSlot = z.object({ feed: z.string().min(1).max(80), time: z.string().regex(/^\d{2}:\d{2}$/) });
export type BudgetSlot = z.infer<typeof BudgetSlot>;

/** The longest story a target may ask for: a long read, not a book. */
export const MAX_LENGTH_TARGET = 20_000;

const slotInput = z.string().max(100).transform((text, context) => {
  if (text.trim() === '') return null;
  const slot = parseSlot(text);
  if (!slot) context.addIssue({ code: 'custom', message: SLOT_FORMAT });
  return slot;
});

/** A due time with its offset (the desk spans time zones); an empty one means none. */
const dueInput = z.string().max(40).refine((text) => text === '' || (z.iso.datetime({ offset: true }).safeParse(text).success && !Number.isNaN(Date.parse(text))),
  'A due time is a date and time with its zone, as in 2026-12-07T14:00:00+01:00.');

/** What an editor fills in to plan a story; the server checks it again (the assignee against the desk). */
export const PlanInput = z.object({
  slug: z.string().trim().max(120).regex(/^[a-z0-9]*(-[a-z0-9]+)*$/, 'A slug is lowercase letters, digits and single dashes.'),
  headline: z.string().trim().min(1, 'A planned story needs a working headline.').max(300),
  section: z.string().trim().max(120),
  slot: slotInput,
  due: dueInput,
  lengthTarget: z.number({ error: 'A length target is a number of words.' }).int('A length target is a whole number of words.')
    .min(0).max(MAX_LENGTH_TARGET, `A length target is at most ${MAX_LENGTH_TARGET.toLocaleString('en')} words.`),
  /** A user id on the desk, or '' for nobody yet. */
  assigneeId: z.union([z.literal(''), deskUserIdSchema]),
  /** "photo wanted: …"; '' when no photo is asked for. */
  photoRequest: z.string().trim().max(500),
  /** "hold for legal", "wait for the minister's reply": shown on cards and in the budget. */
  deskNote: z.string().trim().max(500),
}).strict();
export type PlanInput = z.input<typeof PlanInput>;
export type Plan = z.output<typeof PlanInput>;

/**
 * The plan as the desktop passes it on (IPC, then HTTP): plain fields of bounded size, checked in
 * full by the server with PlanInput, whose sentences the desktop shows as they are.
 */
export const PlanRequest = z.object({
  slug: z.string().max(200), headline: z.string().max(400), section: z.string().max(200), slot: z.string().max(100),
  due: z.string().max(40), lengthTarget: z.number(), assigneeId: z.union([z.literal(''), deskUserIdSchema]), photoRequest: z.string().max(600), deskNote: z.string().max(600),
}).strict();
export type PlanRequest = z.infer<typeof PlanRequest>;
export const PlanChangeRequest = PlanRequest.omit({ slug: true, headline: true, section: true }).partial().strict();
export type PlanChangeRequest = z.infer<typeof PlanChangeRequest>;

/** A change to a plan: any of its fields (the story id says which). */
export const PlanChange = PlanInput.omit({ slug: true, headline: true, section: true }).partial().strict();
export type PlanChange = z.input<typeof PlanChange>;

export const PHOTO_STATES = ['none', 'wanted', 'ready'] as const;
export type PhotoState = (typeof PHOTO_STATES)[number];

export const BudgetEntry = z.object({
  storyId: storyIdSchema,
  headline: z.string(),
  slug: z.string(),
  section: z.string(),
  status: z.string(),
  /** Words in the story's body when the desk last stored it. */
  words: z.number().int().nonnegative(),
  photo: z.enum(PHOTO_STATES),
  /** The story's photo request as its document holds it ('' for none): planned or not, the photo desk sees it. */
  photoWanted: z.string().default(''),
  /** Who attached the photo that fulfilled the request, for "photo ready". */
  photoBy: z.string().nullable().default(null),
  /** Null for a live story nobody planned. */
  plan: z.object({
    slot: BudgetSlot.nullable(),
    due: z.string().nullable(),
    lengthTarget: z.number().int().nonnegative(),
    assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
    /** When the assignee was last set (ISO), and by whom: what the assignee's desktop notifies about. */
    assignedAt: z.string().nullable(),
    assignedBy: z.string().nullable(),
    /** The story's photo request (the same text as `photoWanted`: the story document is its one home). */
    photoRequest: z.string(),
    deskNote: z.string(),
  }).nullable(),
  /** ISO 8601: last change of plan or story. */
  updated: z.string(),
});
export type BudgetEntry = z.output<typeof BudgetEntry>;

export const DeskMember = z.object({ id: z.string(), name: z.string(), role: z.string() });
export type DeskMember = z.infer<typeof DeskMember>;

export const membersResponseSchema = z.object({ members: z.array(DeskMember) });
export const planResponseSchema = z.object({ entry: BudgetEntry });

/** The photo state of a story: a lead photo is "ready"; a request without one is "wanted". */
export function photoStateOf(photoRequest: string, hasLeadPhoto: boolean): PhotoState {
  if (hasLeadPhoto) return 'ready';
  return photoRequest.trim() === '' ? 'none' : 'wanted';
}
