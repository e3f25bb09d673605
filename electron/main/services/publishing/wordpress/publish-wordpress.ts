import { createHash } from 'node:crypto';
import type { Article } from '../../../../../shared/model/article';
import { photoOriginalPath, type Photo } from '../../../../../shared/model/photo';
import type { Placement } from '../../../../../shared/model/placement';
import type { ConflictVersions, PendingCreate, PublishPlan, RemoteMedia, WordPressTarget } from '../../../../../shared/model/publishing';
import { articleBodyHtml } from '../../../../../shared/rules/article-html';
import { wordpressEmbedBlocks } from '../../../../../shared/rules/embed-output';
import { escapeHtml } from '../../../../../shared/rules/html-escape';
import { clockNotesOf, planPublish, type FeedSpot } from '../../../../../shared/rules/publish-plan';
import { photoUsesOf } from '../../../../../shared/rules/prepublish';
import type { MediaLibrary } from '../../media/types';
import { cleanArticleHtml } from '../export/clean-html';
import type { PublishContext, PublishOutcome } from '../outbox/publisher';
import { PublishError } from '../http/publish-error';
import { plainText } from '../remote/remote-to-article';
import { emptyRemoteRecord, RecordKeeper, type RemoteRecords } from '../remote/remote-records';
import { siteClocks, type SiteClocks } from '../http/site-clock';
import { createWordPressApi, type PostFields, type WordPressApi, type WpPost } from './wordpress-api';
import { preparePhotos, uniquePhotoUses, uploadPhotos } from './wordpress-media';

/**
 * One attempt at one job for a WordPress target: check the post was not changed in the CMS since
 * the last push, upload or update the photos, find or create the terms, then create or update the
 * post. Safe to run again after any failure: every create is announced in the record first and
 * looked up by its key on the next attempt, so nothing is ever created twice.
 */

export interface WordPressJobInput {
  context: PublishContext;
  target: WordPressTarget;
  /** The application password. */
  password: string;
  article: Article;
  /** The library's records of the photos the article uses. */
  photos: ReadonlyMap<string, Photo>;
  placement: Placement | null;
  feeds: readonly FeedSpot[];
  records: RemoteRecords;
  media: Pick<MediaLibrary, 'filePath'>;
  /** Whether published copies carry the desk's credit in their XMP (settings.photoDesk.writeXmpOnExport). */
  writeXmp: boolean;
  /** This computer's clock (tests inject one that is off); the site's clock still decides when the post goes live. */
  now?: () => Date;
  /** What time it is on the site, from its answers' Date headers. */
  clocks?: SiteClocks;
  /** Per request; the http client's default when absent. */
  requestTimeoutMs?: number;
}

/** Appended to the post's content: how a retry recognises the post this job created. */
export function postMarker(clientKey: string): string {
  return `<!-- newsdesk:${clientKey} -->`;
}

function withoutMarker(html: string): string {
  return html.replace(/\n?<!-- newsdesk:[a-z0-9]+ -->\s*$/, '');
}

/** Title, excerpt and content as WordPress holds them: a change here that modified_gmt missed is an edit too. */
export function postFingerprint(post: Pick<WpPost, 'title' | 'excerpt' | 'content'>): string {
  const parts = [post.title?.raw ?? '', post.excerpt?.raw ?? '', post.content?.raw ?? ''];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

/**
 * The text of a title, excerpt and content, whatever entities and markup WordPress normalised on
 * the way in (it stores `&quot;` in a title as `"`): what an update sent compared with what the
 * site holds.
 */
export function postTextFingerprint(parts: { title: string; excerpt: string; content: string }): string {
  const text = [parts.title, parts.excerpt, withoutMarker(parts.content)].map(plainText);
  return createHash('sha256').update(JSON.stringify(text)).digest('hex').slice(0, 32);
}

/** "2026-03-16T09:30:00" in UTC, the form WordPress takes for date_gmt. */
export function wordPressDate(iso: string): string {
  return new Date(iso).toISOString().slice(0, 19);
}

function checkCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new PublishError('local', 'Cancelled.');
}

function bodyHtml(article: Article, src: (photoId: string) => string | null): string {
  // Embeds become WordPress embed blocks after cleaning (the sanitizer drops block comments).
  return wordpressEmbedBlocks(cleanArticleHtml(articleBodyHtml(article.body, { photoSrc: src })));
}

export async function publishToWordPress(input: WordPressJobInput): Promise<PublishOutcome> {
  const { context, target, article, records } = input;
  const { job, signal } = context;
  const now = input.now ?? (() => new Date());
  const api = createWordPressApi({ siteUrl: target.siteUrl, user: target.user, password: input.password, requestTimeoutMs: input.requestTimeoutMs });
  const keeper = new RecordKeeper(records, (await records.get(target.id, article.id)) ?? emptyRemoteRecord(target.id, article.id, job.clientKey));
  try {
    const existing = await checkExistingPost(input, api, keeper);
    if (existing.kind === 'conflict') return existing;

    const photoInput = { context, api, keeper, media: input.media, writeXmp: input.writeXmp, uses: uniquePhotoUses(photoUsesOf(article)), photos: input.photos };
    const prepared = await preparePhotos(photoInput);
    // Every create this attempt will make, announced on disk in one write before the first is sent.
    const creates: PendingCreate[] = prepared.uploads.map((upload) => ({ kind: 'media', key: upload.key }));
    if (!existing.post) creates.push({ kind: 'post', key: job.clientKey });
    if (creates.length > 0) await keeper.announce(creates);
    const uploaded = await uploadPhotos(photoInput, prepared);

    checkCancelled(signal);
    const plan = planPublish({
      article,
      placement: input.placement,
      feeds: input.feeds,
      mode: job.mode,
      targetKind: 'wordpress',
      existing: keeper.current.postId === null ? null : { postId: keeper.current.postId, link: keeper.current.link },
      now: now(),
    });
    context.progress({ step: 'terms', label: 'Finding the categories and tags', bytesSent: 0, bytesTotal: 0 });
    const categories = await api.termIds('categories', plan.categories, signal);
    const tags = await api.termIds('tags', plan.tags, signal);

    checkCancelled(signal);
    const lead = article.leadPhoto ? uploaded.get(article.leadPhoto.photoId) : undefined;
    // The marker names the job that created the post; a new post gets this job's key.
    const markerKey = existing.post ? keeper.current.clientKey || job.clientKey : job.clientKey;
    const fields = postFields(article, plan, uploaded, { categories, tags, featured: lead?.mediaId ?? 0 }, markerKey);
    const post = await writePost(input, api, keeper, fields, existing.post, now());
    // Said once the site has surely answered (a new post with no photos asks nothing before it).
    const written = now();
    for (const note of clockNotesOf(plan, written, (input.clocks ?? siteClocks).skewMs(target.siteUrl, written.getTime()))) context.log('warn', note);
    context.progress({ step: 'done', label: 'Published', bytesSent: 0, bytesTotal: 0 });
    return { kind: 'done', remote: { postId: post.id, link: post.link } };
  } finally {
    // Results not yet on disk (a caption updated, a create answered just before a failure) are kept.
    await keeper.save().catch(() => undefined);
  }
}

type ExistingPost = { kind: 'post'; post: WpPost | null } | Extract<PublishOutcome, { kind: 'conflict' }>;

/** The post as it is on the site now, a conflict when someone else changed it, or null for a new post. */
async function checkExistingPost(input: WordPressJobInput, api: WordPressApi, keeper: RecordKeeper): Promise<ExistingPost> {
  const { context, article } = input;
  const { job, signal } = context;
  const record = keeper.current;
  const announced = record.pending.filter((entry) => entry.kind === 'post');
  if (record.postId === null) {
    for (const { key } of announced) {
      // An earlier attempt sent the create and never heard back: WordPress may hold the post already.
      context.progress({ step: 'checking', label: 'Looking for the post sent by the last attempt', bytesSent: 0, bytesTotal: 0 });
      const found = await api.findPostByMarker(key, postMarker(key), signal);
      keeper.settle('post', key);
      if (!found) continue;
      context.log('info', `Found the post created by an earlier attempt (post ${found.id}); it is updated, not created again.`);
      for (const other of announced) keeper.settle('post', other.key);
      keeper.change({ postId: found.id, link: found.link, modifiedGmt: found.modified_gmt, contentHash: postFingerprint(found), clientKey: key });
      return { kind: 'post', post: found };
    }
    return { kind: 'post', post: null };
  }
  for (const { key } of announced) keeper.settle('post', key);

  context.progress({ step: 'checking', label: 'Checking the post on the site', bytesSent: 0, bytesTotal: 0 });
  // A post id of another CMS's shape cannot be on this site: the record is treated as never pushed here.
  const remote = typeof record.postId === 'number' ? await api.getPost(record.postId, signal) : null;
  if (!remote || remote.status === 'trash') {
    context.log('warn', `Post ${record.postId} was ${remote ? 'moved to the trash' : 'deleted'} in WordPress; a new post is created.`);
    keeper.change({ postId: null, link: '', modifiedGmt: '', contentHash: '', clientKey: job.clientKey });
    return { kind: 'post', post: null };
  }
  const changed = remote.modified_gmt !== record.modifiedGmt || (record.contentHash !== '' && postFingerprint(remote) !== record.contentHash);
  if (!changed) return { kind: 'post', post: remote };
  const remoteText = { title: remote.title.raw ?? '', excerpt: remote.excerpt.raw ?? '', content: remote.content.raw ?? '' };
  if (record.sentTextHash !== '' && postTextFingerprint(remoteText) === record.sentTextHash) {
    context.log('info', `The update sent by an earlier attempt reached post ${remote.id}; the change on the site is Newsdesk's own.`);
    keeper.change({ modifiedGmt: remote.modified_gmt, contentHash: postFingerprint(remote), sentTextHash: '' });
    return { kind: 'post', post: remote };
  }
  if (job.overwrite) {
    context.log('warn', `Post ${remote.id} was changed in WordPress (${remote.modified_gmt} UTC); it is overwritten as asked.`);
    return { kind: 'post', post: remote };
  }
  context.log('warn', `Post ${remote.id} was changed in WordPress since the last push (${remote.modified_gmt} UTC, was ${record.modifiedGmt || 'unknown'}).`);
  return { kind: 'conflict', conflict: conflictOf(remote, record.modifiedGmt, article, record.media) };
}

function conflictOf(remote: WpPost, knownModifiedGmt: string, article: Article, media: readonly RemoteMedia[]): ConflictVersions {
  // Photos not on the site yet show from the library (a path the app serves) in the side-by-side view.
  const src = (photoId: string): string => media.find((item) => item.photoId === photoId)?.sourceUrl ?? photoOriginalPath(photoId);
  return {
    remote: {
      title: remote.title.raw ?? '',
      excerpt: remote.excerpt.raw ?? '',
      html: withoutMarker(remote.content.raw ?? ''),
      modifiedGmt: remote.modified_gmt,
      link: remote.link,
    },
    local: { title: escapeHtml(article.headline), excerpt: escapeHtml(article.dek), html: bodyHtml(article, src) },
    knownModifiedGmt,
  };
}

interface TermsAndMedia {
  categories: number[];
  tags: number[];
  featured: number;
}

function postFields(article: Article, plan: PublishPlan, uploaded: ReadonlyMap<string, RemoteMedia>, ids: TermsAndMedia, clientKey: string): PostFields {
  const content = bodyHtml(article, (photoId) => uploaded.get(photoId)?.sourceUrl ?? null);
  const fields: PostFields = {
    // WordPress keeps titles and excerpts as HTML (and an editor with unfiltered_html may store
    // script): the headline and dek are plain text, so they go escaped and show as typed.
    title: escapeHtml(article.headline),
    content: `${content.trimEnd()}\n${postMarker(clientKey)}`,
    excerpt: escapeHtml(article.dek),
    status: plan.status,
    categories: ids.categories,
    tags: ids.tags,
    sticky: plan.sticky,
    featured_media: ids.featured,
  };
  if (article.slug.trim()) fields.slug = article.slug.trim();
  if (plan.status === 'future' && plan.goLiveAt) fields.date_gmt = wordPressDate(plan.goLiveAt);
  return fields;
}

async function writePost(input: WordPressJobInput, api: WordPressApi, keeper: RecordKeeper, fields: PostFields, existing: WpPost | null, now: Date): Promise<WpPost> {
  const { context } = input;
  const { job, signal } = context;
  let post: WpPost;
  if (existing) {
    // A scheduled post published now needs a new date, or WordPress keeps it scheduled. null lets
    // the site date it by its own clock: this computer's, if fast, would schedule it instead.
    const request = fields.status === 'publish' && existing.status === 'future' ? { ...fields, date_gmt: null } : fields;
    context.progress({ step: 'post', label: 'Updating the post', bytesSent: 0, bytesTotal: 0 });
    // On disk before it is sent: should the answer be lost, the next attempt knows the change is ours.
    keeper.change({ sentTextHash: postTextFingerprint(fields) });
    await keeper.save();
    post = await api.updatePost(existing.id, request, signal);
    context.log('info', `Updated post ${post.id} (${post.status}).`);
  } else {
    context.progress({ step: 'post', label: 'Creating the post', bytesSent: 0, bytesTotal: 0 });
    post = await api.createPost(fields, signal);
    keeper.settle('post', job.clientKey, { postId: post.id, clientKey: job.clientKey });
    context.log('info', `Created post ${post.id} (${post.status}).`);
  }
  post = await repairDroppedTerms(input, api, post, fields);
  keeper.change({
    postId: post.id,
    link: post.link,
    modifiedGmt: post.modified_gmt,
    contentHash: postFingerprint(post),
    sentTextHash: '',
    publishedAt: now.toISOString(),
  });
  await keeper.save();
  return post;
}

/**
 * WordPress silently drops a term id it does not know (a category deleted on the site since it was
 * cached): look the names up again and set them once more.
 */
async function repairDroppedTerms(input: WordPressJobInput, api: WordPressApi, post: WpPost, fields: PostFields): Promise<WpPost> {
  const missing = (sent: number[], got: number[] | undefined): boolean => got !== undefined && sent.some((id) => !got.includes(id));
  if (!missing(fields.categories, post.categories) && !missing(fields.tags, post.tags)) return post;
  const { context } = input;
  const plan = planPublish({ article: input.article, placement: input.placement, feeds: input.feeds, mode: context.job.mode, targetKind: 'wordpress', existing: null, now: new Date() });
  api.forgetTerms();
  const categories = await api.termIds('categories', plan.categories, context.signal);
  const tags = await api.termIds('tags', plan.tags, context.signal);
  context.log('warn', 'Some categories or tags had been deleted on the site; they were created again.');
  return api.updatePost(post.id, { categories, tags }, context.signal);
}
