import type { Channel, RequestOf } from '../../../shared/ipc/contract';
import { EMPTY_BODY, type Article } from '../../../shared/model/article';
import { EMPTY_PHOTO_METADATA } from '../../../shared/model/photo';
import type { VideoItem } from '../../../shared/model/video';

/**
 * One valid request for every channel of the contract, as the renderer would send it. The fuzz
 * mutates these; the test checks each against its schema first, so a sample that drifts from the
 * contract fails loudly instead of turning every mutation into noise. The type makes a new channel
 * without a sample a compile error.
 */

export const ARTICLE_ID = 'harbour-0001';
export const PHOTO_ID = 'ab'.repeat(32);
export const VIDEO_ID = 'video-clip-0001';
export const TARGET_ID = 't-site0001';
export const JOB_ID = 'j-job0001';
export const IMPORT_JOB_ID = 'import-0001';
const AT = '2026-03-01T08:30:00.000Z';

const ARTICLE: Article = {
  schemaVersion: 3,
  id: ARTICLE_ID,
  slug: 'harbour-reopens',
  slugEdited: false,
  headline: 'The harbour reopens after the storm',
  dek: 'Ships are back in port.',
  body: EMPTY_BODY,
  byline: [{ name: 'Ana Reporter', role: 'Staff', avatar: null }],
  leadPhoto: { photoId: PHOTO_ID, caption: 'The quay at dawn.', credit: 'A. Lens', creditEdited: false, altText: 'Boats along the quay' },
  section: 'News',
  tags: ['Harbour'],
  status: 'draft',
  createdAt: AT,
  updatedAt: AT,
};

const VIDEO: VideoItem = {
  schemaVersion: 1,
  id: VIDEO_ID,
  headline: 'Storm over the harbour',
  blurb: 'Two minutes of the worst of it.',
  poster: null,
  source: { kind: 'url', url: 'https://video.example.com/watch/1' },
  durationSeconds: 120,
  createdAt: AT,
  updatedAt: AT,
};

const ITEM_KEY = `article:${ARTICLE_ID}`;

export const VALID_REQUESTS: { readonly [C in Channel]: RequestOf<C> } = {
  'app:info': {},
  'app:openExternal': { url: 'https://www.example.com/story' },
  'app:windowContext': {},
  'app:menuState': { view: 'articles', articleId: ARTICLE_ID, photoSelection: 2 },
  'app:openArticleWindow': { articleId: ARTICLE_ID },
  'app:articleOpened': { articleId: ARTICLE_ID, headline: 'The harbour reopens' },
  'app:savedBeforeClose': { requestId: 1, saved: false, reason: 'The disk is full.' },
  'settings:get': {},
  'settings:update': { autosaveDelayMs: 1000, sections: ['News', 'Sport'] },
  'drafts:list': { text: 'harbour', status: 'draft', section: 'News', offset: 0, limit: 20 },
  'drafts:get': { id: ARTICLE_ID },
  'drafts:create': { section: 'News' },
  'drafts:save': { article: ARTICLE, reason: 'manual' },
  'drafts:duplicate': { id: ARTICLE_ID },
  'drafts:trash': { id: ARTICLE_ID },
  'drafts:listTrash': {},
  'drafts:restoreFromTrash': { id: ARTICLE_ID },
  'drafts:revisions': { id: ARTICLE_ID },
  'drafts:getRevision': { id: ARTICLE_ID, revisionId: 'rev-0001' },
  'drafts:restoreRevision': { id: ARTICLE_ID, revisionId: 'rev-0001' },
  'media:list': { text: 'quay', filter: 'missing-credit', offset: 0, limit: 100 },
  'media:get': { id: PHOTO_ID },
  'media:getMany': { ids: [PHOTO_ID] },
  'media:chooseAndImport': {},
  'media:beginImport': { names: ['quay.jpg', 'storm.png'] },
  'media:addFile': { jobId: IMPORT_JOB_ID, index: 0, bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]) },
  'media:skipFile': { jobId: IMPORT_JOB_ID, index: 1, reason: 'A folder cannot be imported.' },
  'media:importFromUrl': { url: 'https://cdn.example.com/quay.jpg', altText: 'Boats along the quay' },
  'media:importStatus': { jobId: IMPORT_JOB_ID },
  'media:cancelImport': { jobId: IMPORT_JOB_ID },
  'media:update': { id: PHOTO_ID, metadata: { creditLine: 'A. Lens/Newsdesk', keywords: ['harbour'] } },
  'media:updateMany': { ids: [PHOTO_ID], changes: { creator: 'A. Lens', keywordsAdd: ['storm'], keywordsRemove: ['sun'] } },
  'media:restoreMetadata': { items: [{ id: PHOTO_ID, metadata: EMPTY_PHOTO_METADATA }] },
  'media:exportCopy': { id: PHOTO_ID },
  'media:trash': { ids: [PHOTO_ID], evenIfUsed: false },
  'media:listTrash': {},
  'media:restoreFromTrash': { ids: [PHOTO_ID] },
  'media:emptyTrash': {},
  'board:get': {},
  'board:findItems': { text: 'harbour', kind: 'article', limit: 50 },
  'board:place': { item: { kind: 'article', id: ARTICLE_ID }, feedId: 'news-feed', index: 0 },
  'board:move': { key: ITEM_KEY, fromFeedId: 'news-feed', toFeedId: 'opinion', toIndex: 1 },
  'board:remove': { key: ITEM_KEY, feedId: 'news-feed' },
  'board:pin': { key: ITEM_KEY, feedId: 'news-feed', pinned: true },
  'board:setTiming': { key: ITEM_KEY, publish: { mode: 'scheduled', at: AT }, embargoUntil: null, expiresAt: '2026-04-01T00:00:00+02:00' },
  'board:contents': { keys: [ITEM_KEY, `video:${VIDEO_ID}`] },
  'videos:list': {},
  'videos:get': { id: VIDEO_ID },
  'videos:create': {},
  'videos:save': { video: VIDEO },
  'videos:trash': { id: VIDEO_ID },
  'targets:list': {},
  'targets:save': { kind: 'wordpress', name: 'Main site', siteUrl: 'https://news.example.com', user: 'desk', secret: 'abcd efgh ijkl' },
  'targets:remove': { id: TARGET_ID },
  'targets:test': { id: TARGET_ID },
  'siteImport:list': { targetId: TARGET_ID, search: 'harbour', page: 2, perPage: 20 },
  'siteImport:import': { targetId: TARGET_ID, postIds: [42, '0123456789abcdef01234567'] },
  'publish:check': { articleId: ARTICLE_ID, targetId: TARGET_ID, mode: 'publish' },
  'publish:queue': { articleId: ARTICLE_ID, targetId: TARGET_ID, mode: 'draft', acknowledged: ['no-tags'] },
  'publish:onSites': { articleId: ARTICLE_ID },
  'publish:retract': { articleId: ARTICLE_ID, targetId: TARGET_ID, as: 'draft' },
  'publish:kill': { articleId: ARTICLE_ID, targetId: TARGET_ID, text: 'The agency withdrew the story.' },
  'corrections:list': { articleId: ARTICLE_ID },
  'corrections:add': { articleId: ARTICLE_ID, kind: 'correction', text: 'An earlier version gave the wrong date of the vote.' },
  'photoKill:kill': { photoId: PHOTO_ID, reason: 'The agency killed the picture: wrong caption.' },
  'photoKill:find': { photoId: PHOTO_ID },
  'photoKill:replace': { articleId: ARTICLE_ID, photoId: PHOTO_ID, replacementId: 'cd'.repeat(32) },
  'outbox:list': {},
  'outbox:cancel': { id: JOB_ID },
  'outbox:retryNow': {},
  'outbox:clearFinished': {},
  'outbox:resolveConflict': { id: JOB_ID, choice: 'takeRemote' },
  'export:html': { articleId: ARTICLE_ID },
  'export:ninjs': { articleId: ARTICLE_ID, version: '3.1' },
  'story:open': { id: ARTICLE_ID, part: 'body', session: 'window-0001' },
  'story:update': { id: ARTICLE_ID, part: 'body', session: 'window-0001', update: 'AAA=' },
  'story:awareness': { id: ARTICLE_ID, part: 'body', session: 'window-0001', update: 'AA==' },
  'story:close': { id: ARTICLE_ID, part: 'body', session: 'window-0001' },
  'story:reloadFromFile': { id: ARTICLE_ID },
  'story:fileVersionFromDocument': { id: ARTICLE_ID, updatedAt: '2026-01-01T00:00:00.000Z' },
  'desk:status': {},
  'desk:signIn': { serverUrl: 'http://127.0.0.1:8410', email: 'lucy@example.com', password: 'correct horse' },
  'desk:signOut': {},
  'desk:chooseDesk': { deskId: 'sport' },
  'desk:share': { id: ARTICLE_ID },
  'desk:stories': {},
  'desk:search': { query: 'harbour' },
  'deskPhotos:list': {},
  'deskPhotos:share': { photoId: PHOTO_ID },
  'deskPhotos:thumbnail': { mediaId: PHOTO_ID },
  'deskPhotos:fetch': { mediaId: PHOTO_ID },
  'deskPhotos:progress': { mediaId: PHOTO_ID },
  'deskPhotos:placeAsLead': { mediaId: PHOTO_ID, articleId: ARTICLE_ID },
  'deskPhotos:photoRequest': { articleId: ARTICLE_ID },
  'deskPhotos:requestPhoto': { articleId: ARTICLE_ID, wanted: 'the minister at the lectern' },
  'deskPhotos:fulfilRequest': { mediaId: PHOTO_ID, articleId: ARTICLE_ID },
  'desk:workflow': { id: ARTICLE_ID },
  'desk:moveStatus': { id: ARTICLE_ID, to: 'ready' },
  'desk:audit': {},
  'desk:deskAudit': { kind: 'status', limit: 20 },
  'desk:myRoles': {},
  'budget:read': {},
  'budget:members': {},
  'budget:plan': { slug: 'harbour', headline: 'Harbour talks', section: 'News', slot: 'News Feed, 14:00', due: '', lengthTarget: 600, assigneeId: '', photoRequest: '', deskNote: '' },
  'budget:change': { storyId: ARTICLE_ID, change: { deskNote: 'hold for legal' } },
  'desk:boardStories': {},
};

/**
 * Channels whose valid requests only read: a mutation of theirs that is still valid goes to the
 * services on the data folder under test, which must stay as it was. Still-valid requests to the
 * other channels change things, so they go to a scratch data folder instead.
 */
export const READ_ONLY_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  'app:info',
  'app:windowContext',
  'settings:get',
  'drafts:list',
  'drafts:get',
  'drafts:listTrash',
  'drafts:revisions',
  'drafts:getRevision',
  'media:list',
  'media:get',
  'media:getMany',
  'media:importStatus',
  'board:get',
  'board:findItems',
  'board:contents',
  'videos:list',
  'videos:get',
  'targets:list',
  'siteImport:list',
  'publish:check',
  'outbox:list',
]);
