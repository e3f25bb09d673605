import type { Channel } from '../../../shared/ipc/contract';
import type { LibraryAccess } from '../services/library/library-access';
import type { Handlers } from './dispatcher';

/**
 * Which channels change the library (or the settings beside it). Typed over every channel, so a
 * new channel does not compile until someone decides whether a read-only library may answer it.
 * Reads, exports to a place the person chooses and window bookkeeping stay allowed.
 */
export const CHANNEL_EFFECT: Readonly<Record<Channel, 'reads' | 'writes'>> = {
  'app:info': 'reads',
  'app:openExternal': 'reads',
  'app:windowContext': 'reads',
  'app:menuState': 'reads',
  'app:openArticleWindow': 'reads',
  'app:articleOpened': 'reads',
  // The window's answer to "save before closing": the save itself went through drafts:save.
  'app:savedBeforeClose': 'reads',
  'settings:get': 'reads',
  'settings:update': 'writes',
  'drafts:list': 'reads',
  'drafts:get': 'reads',
  'drafts:create': 'writes',
  'drafts:save': 'writes',
  'drafts:duplicate': 'writes',
  'drafts:trash': 'writes',
  'drafts:listTrash': 'reads',
  'drafts:restoreFromTrash': 'writes',
  'drafts:revisions': 'reads',
  'drafts:getRevision': 'reads',
  'drafts:restoreRevision': 'writes',
  'media:list': 'reads',
  'media:get': 'reads',
  'media:getMany': 'reads',
  'media:chooseAndImport': 'writes',
  'media:beginImport': 'writes',
  'media:addFile': 'writes',
  'media:skipFile': 'writes',
  'media:importFromUrl': 'writes',
  'media:importStatus': 'reads',
  'media:cancelImport': 'writes',
  'media:update': 'writes',
  'media:updateMany': 'writes',
  'media:restoreMetadata': 'writes',
  'media:exportCopy': 'reads',
  'media:trash': 'writes',
  'media:listTrash': 'reads',
  'media:restoreFromTrash': 'writes',
  'media:emptyTrash': 'writes',
  'board:get': 'reads',
  'board:findItems': 'reads',
  'board:place': 'writes',
  'board:move': 'writes',
  'board:remove': 'writes',
  'board:pin': 'writes',
  'board:setTiming': 'writes',
  'board:contents': 'reads',
  'videos:list': 'reads',
  'videos:get': 'reads',
  'videos:create': 'writes',
  'videos:save': 'writes',
  'videos:trash': 'writes',
  'targets:list': 'reads',
  'targets:save': 'writes',
  'targets:remove': 'writes',
  'targets:test': 'reads',
  'siteImport:list': 'reads',
  // New articles, their photos and the records that link them to the site's posts.
  'siteImport:import': 'writes',
  'publish:check': 'reads',
  'publish:queue': 'writes',
  'publish:onSites': 'reads',
  'publish:retract': 'writes',
  'publish:kill': 'writes',
  'corrections:list': 'reads',
  'corrections:add': 'writes',
  'photoKill:kill': 'writes',
  'photoKill:find': 'reads',
  'photoKill:replace': 'writes',
  'outbox:list': 'reads',
  'outbox:cancel': 'writes',
  'outbox:retryNow': 'writes',
  'outbox:clearFinished': 'writes',
  'outbox:resolveConflict': 'writes',
  'export:html': 'reads',
  'story:open': 'reads',
  // A change to a story's text is a write like drafts:save; presence and closing are not.
  'story:update': 'writes',
  'story:awareness': 'reads',
  'story:close': 'reads',
  // Rewrites the shared document from the file.
  'story:reloadFromFile': 'writes',
  'story:fileVersionFromDocument': 'reads',
  'desk:status': 'reads',
  'desk:signIn': 'writes',
  'desk:signOut': 'writes',
  // Keeps the chosen desk in the library's desk session.
  'desk:chooseDesk': 'writes',
  'desk:share': 'writes',
  'desk:stories': 'reads',
  'desk:search': 'reads',
  'deskPhotos:list': 'reads',
  // Sending a photo to the desk changes nothing in this library.
  'deskPhotos:share': 'reads',
  // The thumbnail is kept in the library's desk folder; a fetched original is imported into it.
  'deskPhotos:thumbnail': 'writes',
  'deskPhotos:fetch': 'writes',
  'deskPhotos:progress': 'reads',
  'deskPhotos:placeAsLead': 'writes',
  'deskPhotos:photoRequest': 'reads',
  'deskPhotos:requestPhoto': 'writes',
  'deskPhotos:fulfilRequest': 'writes',
  'desk:workflow': 'reads',
  'desk:moveStatus': 'writes',
  'desk:audit': 'reads',
  'desk:deskAudit': 'reads',
  'desk:myRoles': 'reads',
  // The budget lives on the desk server; planning writes nothing into this library.
  'budget:read': 'reads',
  'budget:members': 'reads',
  'budget:plan': 'reads',
  'budget:change': 'reads',
  'desk:boardStories': 'reads',
  'export:ninjs': 'reads',
};

/**
 * The same handlers, each change first asking `access` whether the library may be written: the
 * refusal is a UserFacingError, so the window gets it as a readable Result error. Asked at every
 * call, so a lock lost while open makes the library read-only from that moment.
 */
export function guardWrites(handlers: Handlers, access: LibraryAccess): Handlers {
  const guarded: Record<string, unknown> = { ...handlers };
  for (const channel of Object.keys(CHANNEL_EFFECT) as Channel[]) {
    if (CHANNEL_EFFECT[channel] !== 'writes') continue;
    const handler = handlers[channel] as (request: unknown, caller: unknown) => unknown;
    guarded[channel] = (request: unknown, caller: unknown) => {
      access.assertWritable();
      return handler(request, caller);
    };
  }
  return guarded as Handlers;
}
