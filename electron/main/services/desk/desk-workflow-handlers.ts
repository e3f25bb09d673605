import type { deskWorkflowChannels } from '../../../../shared/ipc/desk-workflow-contract';
import type { Handlers } from '../../ipc/dispatcher';
import type { DeskWorkflow } from './desk-workflow';

export type DeskWorkflowHandlers = Pick<Handlers, keyof typeof deskWorkflowChannels>;

/** The desk workflow's channels: a story's status and moves, a move, the audit log. */
export function createDeskWorkflowHandlers(workflow: DeskWorkflow): DeskWorkflowHandlers {
  return {
    'desk:workflow': ({ id }) => workflow.story(id),
    'desk:moveStatus': ({ id, to }) => workflow.move(id, to),
    'desk:audit': async ({ id }) => ({ entries: await workflow.audit(id ?? null) }),
    'desk:deskAudit': (query) => workflow.deskAudit(query),
    'desk:myRoles': async () => {
      const roles = await workflow.myRoles();
      return roles === null ? null : { roles };
    },
  };
}
