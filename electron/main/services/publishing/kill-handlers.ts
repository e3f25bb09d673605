import { UserFacingError } from '../../../../shared/model/errors';
import type { PublishJob } from '../../../../shared/model/publishing';
import type { DeskClock } from '../../../../shared/rules/corrections';
import { killNotice } from '../../../../shared/rules/kill-notice';
import type { DraftStore } from '../drafts/types';
import type { Outbox } from './outbox/outbox';
import { PENDING_JOB_STATES } from './outbox/outbox-jobs';
import { remoteRecordOf, requireTarget } from './publish-inputs';
import type { RemoteRecords } from './remote/remote-records';
import type { TargetsStore } from './targets/targets-store';

/**
 * publish:kill — a story that must be withdrawn everywhere: on the chosen site its post keeps its
 * address and headline and shows only the kill notice ("Withdrawn, 7 Dec 2026: reason"), through
 * the outbox like a retract. The story itself stays in Newsdesk as it was.
 */

export interface KillServices {
  drafts: Pick<DraftStore, 'get'>;
  targets: Pick<TargetsStore, 'get'>;
  records: RemoteRecords;
  outbox: Outbox;
  deskClock?: DeskClock;
  now: () => Date;
}

export function createKillHandlers(services: KillServices) {
  const { targets, records, outbox } = services;
  return {
    'publish:kill': async ({ articleId, targetId, text }: { articleId: string; targetId: string; text: string }): Promise<PublishJob> => {
      const target = requireTarget(targets, targetId);
      if (target.kind === 'ninjs') throw new UserFacingError('invalid-request', `“${target.name}” receives ninjs documents and keeps no posts Newsdesk can replace; send the receiving desk the kill notice.`);
      const record = await remoteRecordOf(records, targetId, articleId);
      if (!record || record.postId === null) throw new UserFacingError('invalid-request', `This story is not on “${target.name}”, so there is no post to replace with a kill notice.`);
      const pending = outbox.list().find((job) => job.articleId === articleId && job.targetId === targetId && PENDING_JOB_STATES.includes(job.state));
      if (pending) throw new UserFacingError('conflict', `A job for this story on “${target.name}” is still in the outbox; wait for it or cancel it, then send the kill notice.`);
      const headline = await services.drafts.get(articleId).then((article) => article.headline, () => outbox.list().find((job) => job.articleId === articleId)?.headline ?? articleId);
      const notice = killNotice(text, services.now(), services.deskClock);
      return outbox.enqueue({ articleId, targetId, headline, mode: 'draft', kill: notice });
    },
  };
}
