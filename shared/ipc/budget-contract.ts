import { z } from 'zod';
import { BudgetEntry, DeskMember, PlanChangeRequest, PlanRequest } from '../desk/budget';
import { storyIdSchema } from '../desk/desk-protocol';
import { BudgetSnapshot } from '../model/desk-budget';

/**
 * The story budget of the desk signed in to: read it (main holds the live budget document), the
 * members who can be assigned, plan a story and change a plan. The server checks every plan and
 * answers a refusal with the sentence shown.
 */
const Empty = z.object({}).strict();

export const budgetChannels = {
  'budget:read': { request: Empty, response: BudgetSnapshot },
  'budget:members': { request: Empty, response: z.object({ members: z.array(DeskMember) }) },
  'budget:plan': { request: PlanRequest, response: BudgetEntry },
  'budget:change': { request: z.object({ storyId: storyIdSchema, change: PlanChangeRequest }).strict(), response: BudgetEntry },
} as const;
