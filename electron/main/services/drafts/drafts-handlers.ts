import type { draftsChannels } from '../../../../shared/ipc/drafts-contract';
import type { Handlers } from '../../ipc/dispatcher';
import type { SettingsService } from '../settings/settings-service';
import { refuseOversizedStory } from './story-size';
import type { DraftStore } from './types';

export type DraftsHandlers = Pick<Handlers, keyof typeof draftsChannels>;

export interface DraftsHandlerServices {
  drafts: DraftStore;
  settings: Pick<SettingsService, 'get'>;
}

/** The drafts:* channels, over the draft store; the settings give a new article's section and the size limit. */
export function createDraftsHandlers({ drafts, settings }: DraftsHandlerServices): DraftsHandlers {
  return {
    'drafts:list': (query) => drafts.list(query),
    'drafts:get': ({ id }) => drafts.get(id),
    'drafts:create': ({ section }) => drafts.create({ section: section ?? settings.get().sections[0] }),
    'drafts:save': ({ article, reason }) => {
      refuseOversizedStory(article, settings.get().limits);
      return drafts.save(article, reason);
    },
    'drafts:duplicate': ({ id }) => drafts.duplicate(id),
    'drafts:trash': async ({ id }) => {
      await drafts.trash(id);
      return null;
    },
    'drafts:listTrash': () => drafts.listTrash(),
    'drafts:restoreFromTrash': ({ id }) => drafts.restoreFromTrash(id),
    'drafts:revisions': ({ id }) => drafts.revisions(id),
    'drafts:getRevision': ({ id, revisionId }) => drafts.getRevision(id, revisionId),
    'drafts:restoreRevision': ({ id, revisionId }) => drafts.restoreRevision(id, revisionId),
  };
}
