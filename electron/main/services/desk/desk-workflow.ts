import { auditResponseSchema, deskAuditPageSchema, type AuditEntry, type DeskAuditPage, type DeskAuditQuery } from '../../../../shared/desk/audit';
import { hasRole } from '../../../../shared/desk/roles';
import { storyWorkflowResponseSchema, type DeskStatus, type StoryWorkflowResponse } from '../../../../shared/desk/workflow';
import { messageOf, UserFacingError } from '../../../../shared/model/errors';
import type { PublishJob } from '../../../../shared/model/publishing';
import type { EnqueueRequest } from '../publishing/outbox/outbox';
import { bearer, call } from './desk-api';
import type { PublisherAction } from '../../../../shared/desk/publisher-gates';
import { deskRolesOn, publisherActionOf, requirePublisher } from './desk-publisher-gate';
import type { DeskService } from './desk-service';

/**
 * The desktop's side of the desk workflow: a desk story's status and the moves the user may make
 * (asked of the desk, which decides), the audit log, and the outbox's check that whoever publishes
 * a desk story is one of the desk's publishers. The publish targets and their secrets never leave
 * this machine: the desk is only asked "may this user publish?" and told "it was published to X".
 */
export interface DeskWorkflow {
  /** The story's workflow for the signed-in user, or null when the article is not a desk story. */
  story(articleId: string): Promise<StoryWorkflowResponse | null>;
  move(articleId: string, to: DeskStatus): Promise<StoryWorkflowResponse>;
  /** The audit log of one desk story, or of the whole desk without an article. */
  audit(articleId: string | null): Promise<AuditEntry[]>;
  /** One page of the whole desk's log (the desk refuses it to a reporter, with its reason). */
  deskAudit(query: DeskAuditQuery): Promise<DeskAuditPage>;
  /** The user's roles on the desk now, or null when signed out or the desk cannot be asked. */
  myRoles(): Promise<string[] | null>;
  /** The outbox asks before queuing: a desk story goes out only from a publisher, once approved. */
  beforeEnqueue(request: EnqueueRequest): Promise<void>;
  /** Refuses a publisher-only change to a desk story (retract, kill, timing) unless the desk says the user is a publisher. */
  requirePublisher(articleId: string, action: PublisherAction): Promise<void>;
  /** The outbox tells when a job finished: a desk story's publish is recorded on the desk. */
  afterFinished(job: PublishJob, targetName: string | null): Promise<void>;
}

const PUBLISHABLE: readonly DeskStatus[] = ['approved', 'scheduled', 'published'];

function deskStory(desk: DeskService, articleId: string): { deskId: string; storyId: string } {
  const shared = desk.sharedOf(articleId);
  if (!shared) throw new UserFacingError('invalid-request', 'This article is not a desk story.');
  return shared;
}

const storyPath = (deskId: string, storyId: string, route: string): string =>
  `api/desks/${encodeURIComponent(deskId)}/stories/${encodeURIComponent(storyId)}/${route}`;

export function createDeskWorkflow(desk: DeskService): DeskWorkflow {
  const post = (token: string, body: unknown): RequestInit => ({
    method: 'POST',
    headers: { ...(bearer(token).headers as Record<string, string>), 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

  return {
    async story(articleId) {
      const shared = desk.sharedOf(articleId);
      if (!shared) return null;
      return desk.withSession((active) =>
        call(active.fetch, active.serverUrl, storyPath(shared.deskId, shared.storyId, 'workflow'), bearer(active.token), storyWorkflowResponseSchema));
    },
    async move(articleId, to) {
      const shared = deskStory(desk, articleId);
      return desk.withSession((active) =>
        call(active.fetch, active.serverUrl, storyPath(shared.deskId, shared.storyId, 'status'), post(active.token, { to }), storyWorkflowResponseSchema));
    },
    async audit(articleId) {
      const shared = articleId === null ? null : deskStory(desk, articleId);
      return desk.withSession(async (active) => {
        const deskId = shared?.deskId ?? active.deskId;
        const query = shared ? `?story=${encodeURIComponent(shared.storyId)}` : '';
        const answer = await call(active.fetch, active.serverUrl, `api/desks/${encodeURIComponent(deskId)}/audit${query}`, bearer(active.token), auditResponseSchema);
        return answer.entries;
      });
    },
    requirePublisher: (articleId, action) => requirePublisher(desk, articleId, action),
    async deskAudit(query) {
      return desk.withSession((active) => {
        const params = new URLSearchParams();
        for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, String(value));
        const search = params.size > 0 ? `?${params.toString()}` : '';
        return call(active.fetch, active.serverUrl, `api/desks/${encodeURIComponent(active.deskId)}/audit${search}`, bearer(active.token), deskAuditPageSchema);
      });
    },
    async myRoles() {
      // A control the roles would close stays open when they cannot be read: main asks the desk again before acting.
      return desk.withSession((active) => deskRolesOn(active, active.deskId)).catch(() => null);
    },
    async beforeEnqueue(request) {
      const publisherAction = publisherActionOf(request);
      if (publisherAction) return requirePublisher(desk, request.articleId, publisherAction);
      if (request.mode !== 'publish' || request.retract) return;
      const shared = desk.sharedOf(request.articleId);
      if (!shared) return;
      let answer: { roles: string[]; status: DeskStatus | null };
      try {
        answer = await desk.withSession(async (active) => {
          const roles = await deskRolesOn(active, shared.deskId);
          if (!hasRole({ roles }, 'publisher')) return { roles, status: null };
          const story = await call(active.fetch, active.serverUrl, storyPath(shared.deskId, shared.storyId, 'workflow'), bearer(active.token), storyWorkflowResponseSchema);
          return { roles, status: story.status };
        });
      } catch (error) {
        throw new UserFacingError('forbidden', `This is a desk story: only the desk’s publishers publish it, and the desk could not confirm that you are one (${messageOf(error)}). Nothing was queued.`);
      }
      if (!hasRole(answer, 'publisher')) {
        throw new UserFacingError('forbidden', 'This is a desk story: only a publisher on the desk may publish it. Nothing was queued; ask a publisher, or set it ready for review.');
      }
      if (answer.status === null || !PUBLISHABLE.includes(answer.status)) {
        throw new UserFacingError('forbidden', 'This desk story is not approved yet: an editor approves it before it is published. Nothing was queued.');
      }
    },
    async afterFinished(job, targetName) {
      if (job.state !== 'done' || job.mode !== 'publish' || job.retract) return;
      const shared = desk.sharedOf(job.articleId);
      if (!shared) return;
      // The site has the story whatever the desk says; a record that cannot be made is only logged.
      await desk.withSession((active) =>
        call(active.fetch, active.serverUrl, storyPath(shared.deskId, shared.storyId, 'published'), post(active.token, { target: targetName ?? 'a publish target', ...(job.remote?.link ? { url: job.remote.link } : {}) }), storyWorkflowResponseSchema),
      ).catch((error: unknown) => console.warn(`The desk was not told that story ${shared.storyId} was published: ${messageOf(error)}`));
    },
  };
}
