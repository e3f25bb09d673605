import { z } from 'zod';
import { BudgetEntry } from '../desk/budget';

/**
 * The budget as the desktop's windows see it: main holds the desk's budget document and hands the
 * windows its entries; an assignment to the person signed in here comes as 'desk:assigned'.
 */
export const BudgetSnapshot = z.object({
  /** 'signed-out': no desk; 'loading': signed in, the budget document not synced yet. */
  state: z.enum(['signed-out', 'loading', 'ready']),
  deskId: z.string().nullable(),
  me: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Whether the person signed in may plan and assign (the server decides; the form mirrors it). */
  canPlan: z.boolean(),
  entries: z.array(BudgetEntry),
});
export type BudgetSnapshot = z.infer<typeof BudgetSnapshot>;

export const AssignmentNotice = z.object({
  storyId: z.string(),
  headline: z.string(),
  /** "News Feed, 14:00", or '' when the plan has no slot. */
  slot: z.string(),
  due: z.string().nullable(),
  assignedBy: z.string().nullable(),
  /** Whether the OS showed a notification too. */
  osNotified: z.boolean(),
  /** Said once per run when the OS shows none: why the assignment is in the app only. */
  note: z.string().nullable(),
}).strict();
export type AssignmentNotice = z.infer<typeof AssignmentNotice>;
