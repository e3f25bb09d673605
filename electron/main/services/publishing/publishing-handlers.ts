import { UserFacingError } from '../../../../shared/ipc/result';
import type { Handlers } from '../../ipc/dispatcher';

type PublishingChannel =
  | 'targets:list' | 'targets:save' | 'targets:remove' | 'targets:test'
  | 'publish:check' | 'publish:queue'
  | 'outbox:list' | 'outbox:cancel' | 'outbox:retryNow' | 'outbox:clearFinished' | 'outbox:resolveConflict'
  | 'export:html' | 'export:ninjs';

/** Placeholder until the publishing services land: every channel answers with a clear refusal. */
export function createPublishingHandlers(): Pick<Handlers, PublishingChannel> {
  const notYet = (): never => {
    throw new UserFacingError('internal', 'Publishing is not available yet.');
  };
  return {
    'targets:list': notYet, 'targets:save': notYet, 'targets:remove': notYet, 'targets:test': notYet,
    'publish:check': notYet, 'publish:queue': notYet,
    'outbox:list': notYet, 'outbox:cancel': notYet, 'outbox:retryNow': notYet, 'outbox:clearFinished': notYet,
    'outbox:resolveConflict': notYet, 'export:html': notYet, 'export:ninjs': notYet,
  };
}
