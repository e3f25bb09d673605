import { createHash } from 'node:crypto';
import type { Article } from '../../../../../shared/model/article';
import { photoOriginalPath } from '../../../../../shared/model/photo';
import type { ConflictVersions, PendingCreate, PublishPlan, RemoteMedia, WordPressTarget } from '../../../../../shared/model/publishing';
import { articleBodyHtml } from '../../../../../shared/rules/article-html';
import { wordpressEmbedBlocks } from '../../../../../shared/rules/embed-output';
import { escapeHtml } from '../../../../../shared/rules/html-escape';
import { clockNotesOf, planPublish } from '../../../../../shared/rules/publish-plan';
import { photoUsesOf } from '../../../../../shared/rules/prepublish';
import { cleanArticleHtml } from '../export/clean-html';
import type { PublishOutcome } from '../outbox/publisher';
import { plainText } from '../remote/remote-to-article';
import { emptyRemoteRecord, RecordKeeper } from '../remote/remote-records';
import type { SiteJobInput } from '../remote/site-job';
import { createWordPressApi, type PostFields, type WordPressApi, type WpPost } from './wordpress-api';
import { checkCancelled, uniquePhotoUses } from '../remote/site-photos';
import { checkExistingPost, recordCreated, recordSending, recordWritten, type PostSummary, type SitePosts } from '../remote/site-post';
import { preparePhotos, uploadPhotos } from './wordpress-media';
import { wordPressByline, type WordPressByline } from './wordpress-byline';

/**
 * One attempt at one job for a WordPress target: check the post was not changed in the CMS since
 * the last push, upload or update the photos, find or create the terms, then create or update the
 * post. Safe to run again after any failure: every create is announced in the record first and
 * looked up by its key on the next attempt, so nothing is ever created twice.
 */

export interface WordPressJobInput extends SiteJobInput {
  target: WordPressTarget;
  /** The application password. */
  password: string;
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

function bodyHtml(article: Article, src: (photoId: string) => string | null): string {
  // Embeds become WordPress embed blocks after cleaning (the sanitizer drops block comments).
  return wordpressEmbedBlocks(cleanArticleHtml(articleBodyHtml(article.body, { photoSrc: src })));
}

export async function publishToWordPress(input: WordPressJobInput): Promise<PublishOutcome> {
  const { context, target, article, records } = input;
  const { job, signal } = context;
  const now = input.now ?? (() => new Date());
  const api = createWordPressApi({ siteUrl: target.siteUrl, user: target.user, password: input.password, requestTimeoutMs: input.requestTimeoutMs, http: input.http });
  const keeper = new RecordKeeper(records, (await records.get(target.id, article.id)) ?? emptyRemoteRecord(target.id, article.id, job.clientKey));
  try {
    const existing = await checkExistingPost(context, keeper, wordPressPosts(input, api, keeper));
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
    const byline = await wordPressByline(api, target, article.byline, signal);
    for (const sentence of byline.sentences) context.log('info', sentence);
    const fields = postFields(article, plan, uploaded, { categories, tags, featured: lead?.mediaId ?? 0 }, markerKey, byline);
    const post = await writePost(input, api, keeper, fields, existing.post, now());
    // Said once the site has surely answered (a new post with no photos asks nothing before it).
    const written = now();
    for (const note of clockNotesOf(plan, written, input.http.clocks.skewMs(target.siteUrl, written.getTime()))) context.log('warn', note);
    context.progress({ step: 'done', label: 'Published', bytesSent: 0, bytesTotal: 0 });
    return { kind: 'done', remote: { postId: post.id, link: post.link } };
  } finally {
    // Results not yet on disk (a caption updated, a create answered just before a failure) are kept.
    await keeper.save().catch(() => undefined);
  }
}

/** How WordPress posts look to the shared checks (remote/site-post.ts). */
function wordPressPosts(input: WordPressJobInput, api: WordPressApi, keeper: RecordKeeper): SitePosts<WpPost> {
  return {
    cms: 'WordPress',
    findByMarker: (key, signal) => api.findPostByMarker(key, postMarker(key), signal),
    async fetch(postId, signal) {
      // A post id of another CMS's shape cannot be on this site: the record is treated as never pushed here.
      const remote = typeof postId === 'number' ? await api.getPost(postId, signal) : null;
      if (!remote) return { gone: 'deleted' };
      return remote.status === 'trash' ? { gone: 'moved to the trash' } : { post: remote };
    },
    summary: postSummary,
    stamp: (modified) => `${modified} UTC`,
    conflictOf: (remote, knownModified) => conflictOf(remote, knownModified, input.article, keeper.current.media),
  };
}

export function postSummary(post: WpPost): PostSummary {
  const text = { title: post.title?.raw ?? '', excerpt: post.excerpt?.raw ?? '', content: post.content?.raw ?? '' };
  return { id: post.id, link: post.link, modified: post.modified_gmt, contentHash: postFingerprint(post), textHash: postTextFingerprint(text) };
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

function postFields(article: Article, plan: PublishPlan, uploaded: ReadonlyMap<string, RemoteMedia>, ids: TermsAndMedia, clientKey: string, byline: WordPressByline): PostFields {
  // The byline line leads the content; an update sends the whole content, so it is replaced, never added twice.
  const content = `${byline.lineHtml ? `${byline.lineHtml}\n` : ''}${bodyHtml(article, (photoId) => uploaded.get(photoId)?.sourceUrl ?? null)}`;
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
  if (byline.author !== undefined) fields.author = byline.author;
  if (article.slug.trim()) fields.slug = article.slug.trim();
  if (plan.status === 'future' && plan.goLiveAt) fields.date_gmt = wordPressDate(plan.goLiveAt);
  return fields;
}

async function writePost(input: WordPressJobInput, api: WordPressApi, keeper: RecordKeeper, fields: PostFields, existing: WpPost | null, now: Date): Promise<WpPost> {
  const { context } = input;
  const { signal } = context;
  let post: WpPost;
  if (existing) {
    // A scheduled post published now needs a new date, or WordPress keeps it scheduled. null lets
    // the site date it by its own clock: this computer's, if fast, would schedule it instead.
    const request = fields.status === 'publish' && existing.status === 'future' ? { ...fields, date_gmt: null } : fields;
    context.progress({ step: 'post', label: 'Updating the post', bytesSent: 0, bytesTotal: 0 });
    await recordSending(keeper, postTextFingerprint(fields));
    post = await api.updatePost(existing.id, request, signal);
    context.log('info', `Updated post ${post.id} (${post.status}).`);
  } else {
    context.progress({ step: 'post', label: 'Creating the post', bytesSent: 0, bytesTotal: 0 });
    post = await api.createPost(fields, signal);
    recordCreated(context, keeper, postSummary(post), post.status);
  }
  post = await repairDroppedTerms(input, api, post, fields);
  await recordWritten(keeper, postSummary(post), now, context.job.mode);
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
