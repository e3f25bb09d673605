/**
 * The names of the contract's channels, without their schemas. The sandboxed preload builds the
 * bridge from this list so it carries no schema code; a unit test keeps it equal to the contract.
 */
export const CHANNEL_NAMES = [
  'app:info',
  'app:openExternal',
  'settings:get',
  'settings:update',
  'drafts:list',
  'drafts:get',
  'drafts:create',
  'drafts:save',
  'drafts:duplicate',
  'drafts:trash',
  'drafts:listTrash',
  'drafts:restoreFromTrash',
  'drafts:revisions',
  'drafts:getRevision',
  'drafts:restoreRevision',
  'media:list',
  'media:get',
  'media:getMany',
  'media:chooseAndImport',
  'media:beginImport',
  'media:addFile',
  'media:skipFile',
  'media:importStatus',
  'media:cancelImport',
  'media:update',
  'media:updateMany',
  'media:restoreMetadata',
  'media:exportCopy',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];
