import type { PublishTarget } from '../../../../shared/model/publishing';
import { killOnGhost } from './ghost/kill-ghost';
import { PublishError } from './http/publish-error';
import { localVersion, type RetractDeps } from './job-retract';
import type { PublishContext, PublishOutcome } from './outbox/publisher';
import { killOnWordPress } from './wordpress/kill-wordpress';

/** The kill jobs the outbox runs: the post is replaced by the kill notice the job carries. */
export async function runKill(deps: RetractDeps, context: PublishContext, target: PublishTarget, secret: string | null): Promise<PublishOutcome> {
  const local = await localVersion(deps.drafts, context.job);
  const common = { context, records: deps.records, local, http: deps.http, requestTimeoutMs: deps.requestTimeoutMs, ...(deps.now ? { now: deps.now } : {}) };
  if (target.kind === 'wordpress') {
    if (!secret) throw new PublishError('local', `No application password is stored for “${target.name}”. Enter it in Settings › Publishing, then retry.`);
    return killOnWordPress({ ...common, target, password: secret });
  }
  if (target.kind === 'ghost') {
    if (!secret) throw new PublishError('local', `No Admin API key is stored for “${target.name}”. Enter it in Settings › Publishing, then retry.`);
    return killOnGhost({ ...common, target, adminApiKey: secret });
  }
  throw new PublishError('rejected', `“${target.name}” receives ninjs documents and keeps no posts Newsdesk can replace; send the receiving desk the kill notice.`);
}
