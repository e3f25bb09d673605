import type { budgetChannels } from '../../../../shared/ipc/budget-contract';
import type { Handlers } from '../../ipc/dispatcher';
import type { BudgetService } from './budget-service';

export type BudgetHandlers = Pick<Handlers, keyof typeof budgetChannels>;

/** The budget:* channels over the desk's budget. */
export function createBudgetHandlers(budget: BudgetService): BudgetHandlers {
  return {
    'budget:read': () => budget.snapshot(),
    'budget:members': async () => ({ members: await budget.members() }),
    'budget:plan': (input) => budget.plan(input),
    'budget:change': ({ storyId, change }) => budget.change(storyId, change),
  };
}
