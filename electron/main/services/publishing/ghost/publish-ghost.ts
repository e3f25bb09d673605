import { createHash } from 'node:crypto';
import type { Article } from '../../../../../shared/model/article';
import { photoOriginalPath, type Photo } from '../../../../../shared/model/photo';
import type { ConflictVersions, GhostTarget, PendingCreate, PublishPlan, RemoteMedia } from '../../../../../shared/model/publishing';
import { articleBodyHtml } from '../../../../../shared/rules/article-html';
import { escapeHtml } from '../../../../../shared/rules/html-escape';
import { planPublish } from '../../../../../shared/rules/publish-plan';
import { photoUsesOf, type PhotoUseRef } from '../../../../../shared/rules/prepublish';
import { extraPhotoIdsOf, sentSeo, seoFieldsOf } from '../../../../../shared/rules/seo';
import { cleanArticleHtml } from '../export/clean-html';
import type { PublishOutcome } from '../outbox/publisher';
import { emptyRemoteRecord, RecordKeeper } from '../remote/remote-records';
import type { SiteJobInput } from '../remote/site-job';
import { checkCancelled, uniquePhotoUses } from '../remote/site-photos';
import { checkExistingPost, recordCreated, recordSending, recordWritten, type PostSummary, type SitePosts } from '../remote/site-post';
import { createGhostApi, GhostCollision, type GhostApi, type GhostPost, type GhostPostFields } from './ghost-api';
import { ghostCaption, ghostLexical, markerHtml } from './ghost-lexical';
import { photosToUpload, syncGhostPhotos } from './ghost-photos';
import { ghostGoLive } from './ghost-schedule';
import { ghostByline, withBylineCard } from './ghost-byline';

/**
 * One attempt at one job for a Ghost target, with WordPress's guarantees: a post changed on the
 * site since the last push (its updated_at moved, or Ghost answers 409 UPDATE_COLLISION) becomes a
 * conflict for the editor; every create is announced in the record first and looked up by its key
 * on the next attempt, so nothing is created twice.
 */

export interface GhostJobInput extends SiteJobInput {
  target: GhostTarget;
  adminApiKey: string;
  /** For tests: the API to talk to instead of the site's. */
  api?: GhostApi;
}

/** The words of a post (title, excerpt, every text and caption of its lexical, the marker left out). */
export function ghostTextFingerprint(post: { title: string; custom_excerpt?: string | null; lexical?: string | null }): string {
  const words: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const fields = node as Record<string, unknown>;
    for (const key of ['text', 'caption', 'alt', 'src', 'url']) if (typeof fields[key] === 'string') words.push(fields[key] as string);
    if (Array.isArray(fields.children)) fields.children.forEach(walk);
  };
  try {
    walk((JSON.parse(post.lexical ?? '{}') as { root?: unknown }).root);
  } catch {
    words.push(post.lexical ?? '');
  }
  return createHash('sha256').update(JSON.stringify([post.title, post.custom_excerpt ?? '', words])).digest('hex').slice(0, 32);
}

/** The social image as one more photo to upload (once, like the others); it has no caption of its own. */
function socialImageUse(article: Article): PhotoUseRef[] {
  return extraPhotoIdsOf(article).map((photoId) => ({ where: 'lead' as const, index: 0, photoId, caption: '', credit: '', altText: '' }));
}

/**
 * Ghost's search and social fields. The titles and texts go as typed, or as what they fall back to
 * (the headline, the dek) so the site shows the same as the HTML export; the social image only when
 * one was chosen, as Ghost itself shows the feature image when og_image is empty.
 */
function seoFieldsFor(article: Article, uploaded: ReadonlyMap<string, RemoteMedia>): Pick<GhostPostFields, SeoField> {
  const seo = sentSeo(article);
  const fields = seoFieldsOf(article);
  const image = fields.socialImage ? (uploaded.get(fields.socialImage)?.sourceUrl ?? null) : null;
  const orNull = (text: string) => text || null;
  return {
    meta_title: orNull(seo.title),
    meta_description: orNull(seo.description),
    og_title: orNull(seo.socialTitle),
    og_description: orNull(seo.socialDescription),
    og_image: image,
    twitter_title: orNull(seo.socialTitle),
    twitter_description: orNull(seo.socialDescription),
    twitter_image: image,
  };
}

type SeoField = 'meta_title' | 'meta_description' | 'og_title' | 'og_description' | 'og_image' | 'twitter_title' | 'twitter_description' | 'twitter_image';

function bodyHtml(article: Article, src: (photoId: string) => string | null): string {
  return cleanArticleHtml(articleBodyHtml(article.body, { photoSrc: src }));
}

export async function publishToGhost(input: GhostJobInput): Promise<PublishOutcome> {
  const { context, target, article, records } = input;
  const { job, signal } = context;
  const now = input.now ?? (() => new Date());
  const api = input.api ?? createGhostApi({ siteUrl: target.siteUrl, adminApiKey: input.adminApiKey, requestTimeoutMs: input.requestTimeoutMs, http: input.http });
  const keeper = new RecordKeeper(records, (await records.get(target.id, article.id)) ?? emptyRemoteRecord(target.id, article.id, job.clientKey));
  try {
    const existing = await checkExistingPost(context, keeper, ghostPosts(input, api, keeper));
    if (existing.kind === 'conflict') return existing;

    const photoInput = { context, api, keeper, siteUrl: target.siteUrl, targetId: target.id, articleId: article.id, media: input.media, writeXmp: input.writeXmp, uses: uniquePhotoUses([...photoUsesOf(article), ...socialImageUse(article)]), photos: input.photos, now: now() };
    const creates: PendingCreate[] = photosToUpload(photoInput);
    if (!existing.post) creates.push({ kind: 'post', key: job.clientKey });
    if (creates.length > 0) await keeper.announce(creates);
    const uploaded = await syncGhostPhotos(photoInput);

    checkCancelled(signal);
    const record = keeper.current;
    const plan = planPublish({
      article,
      placement: input.placement,
      feeds: input.feeds,
      mode: job.mode,
      targetKind: 'ghost',
      existing: record.postId === null ? null : { postId: record.postId, link: record.link },
      now: now(),
    });
    const markerKey = existing.post ? record.clientKey || job.clientKey : job.clientKey;
    const byline = await ghostByline(api, target, article.byline, signal);
    for (const sentence of byline.sentences) context.log('info', sentence);
    const fields = postFields(article, plan, uploaded, input.photos, markerKey, existing.post, now(), input.http.clocks.siteNow(input.target.siteUrl) ?? now().getTime());
    fields.lexical = withBylineCard(fields.lexical, byline.lineHtml);
    if (byline.authors) fields.authors = byline.authors;
    const post = await writePost(input, api, keeper, fields, existing.post, now());
    if (post.kind === 'conflict') return post;
    context.progress({ step: 'done', label: 'Published', bytesSent: 0, bytesTotal: 0 });
    return { kind: 'done', remote: { postId: post.post.id, link: post.post.url } };
  } finally {
    await keeper.save().catch(() => undefined);
  }
}

/** How Ghost posts look to the shared checks (remote/site-post.ts). */
function ghostPosts(input: GhostJobInput, api: GhostApi, keeper: RecordKeeper): SitePosts<GhostPost> {
  return {
    cms: 'Ghost',
    findByMarker: (key, signal) => api.findPostByMarker(markerHtml(key), signal),
    async fetch(postId, signal) {
      // A numeric id is WordPress's: it cannot be on this site, so the article is new here.
      const remote = typeof postId === 'string' ? await api.getPost(postId, signal) : null;
      return remote ? { post: remote } : { gone: 'deleted' };
    },
    summary: postSummary,
    stamp: (modified) => modified,
    conflictOf: (remote, knownModified) => conflictOf(remote, knownModified, input.article, keeper.current.media),
  };
}

export function postSummary(post: GhostPost): PostSummary {
  const fingerprint = ghostTextFingerprint(post);
  return { id: post.id, link: post.url, modified: post.updated_at, contentHash: fingerprint, textHash: fingerprint };
}

function conflictOf(remote: GhostPost, knownModifiedGmt: string, article: Article, media: readonly RemoteMedia[]): ConflictVersions {
  const src = (photoId: string): string => media.find((item) => item.photoId === photoId)?.sourceUrl ?? photoOriginalPath(photoId);
  return {
    remote: {
      title: escapeHtml(remote.title),
      excerpt: escapeHtml(remote.custom_excerpt ?? ''),
      html: remote.html ?? '',
      modifiedGmt: remote.updated_at,
      link: remote.url,
    },
    local: { title: escapeHtml(article.headline), excerpt: escapeHtml(article.dek), html: bodyHtml(article, src) },
    knownModifiedGmt,
  };
}

function postFields(
  article: Article,
  plan: PublishPlan,
  uploaded: ReadonlyMap<string, RemoteMedia>,
  photos: ReadonlyMap<string, Photo>,
  clientKey: string,
  existing: GhostPost | null,
  now: Date,
  siteNowMs: number,
): GhostPostFields {
  const image = (photoId: string) => {
    const media = uploaded.get(photoId);
    const photo = photos.get(photoId);
    return media ? { src: media.sourceUrl, width: photo?.width ?? null, height: photo?.height ?? null } : null;
  };
  const lead = article.leadPhoto;
  const leadMedia = lead ? uploaded.get(lead.photoId) : undefined;
  // Ghost has tags only: the section and feeds lead (the first tag is the post's primary tag).
  const seen = new Set<string>();
  const tags = [...plan.categories, ...plan.tags].filter((name) => !seen.has(name.toLocaleLowerCase()) && seen.add(name.toLocaleLowerCase()));
  const fields: GhostPostFields = {
    // Ghost keeps titles and excerpts as plain text: sent as typed.
    title: article.headline.trim(),
    lexical: ghostLexical(article.body, { image, marker: clientKey }),
    custom_excerpt: article.dek.trim().slice(0, 300),
    status: plan.status === 'future' ? 'scheduled' : plan.status === 'publish' ? 'published' : 'draft',
    featured: plan.sticky,
    tags: tags.map((name) => ({ name })),
    feature_image: leadMedia?.sourceUrl ?? null,
    feature_image_caption: lead && leadMedia ? ghostCaption(lead.caption, lead.credit) : null,
    feature_image_alt: lead && leadMedia ? lead.altText.trim().slice(0, 191) : null,
    ...seoFieldsFor(article, uploaded),
  };
  if (article.slug.trim()) fields.slug = article.slug.trim();
  if (plan.status === 'future' && plan.goLiveAt) {
    const goLive = ghostGoLive(plan.goLiveAt, siteNowMs);
    fields.status = goLive.status;
    fields.published_at = goLive.publishedAt;
  }
  // A scheduled post published now needs today's date, or Ghost keeps the later one.
  else if (plan.status === 'publish' && existing?.status === 'scheduled') fields.published_at = now.toISOString();
  return fields;
}

type Written = { kind: 'post'; post: GhostPost } | Extract<PublishOutcome, { kind: 'conflict' }>;

async function writePost(input: GhostJobInput, api: GhostApi, keeper: RecordKeeper, fields: GhostPostFields, existing: GhostPost | null, now: Date): Promise<Written> {
  const { context, article } = input;
  const { signal } = context;
  let post: GhostPost;
  if (existing) {
    context.progress({ step: 'post', label: 'Updating the post', bytesSent: 0, bytesTotal: 0 });
    await recordSending(keeper, ghostTextFingerprint(fields));
    try {
      post = await api.updatePost(existing.id, { ...fields, updated_at: existing.updated_at }, signal);
    } catch (error) {
      if (!(error instanceof GhostCollision)) throw error;
      // Edited on the site between our read and our write: the same choice as a change found before.
      keeper.change({ sentTextHash: '' });
      const remote = (await api.getPost(existing.id, signal)) ?? existing;
      context.log('warn', `Post ${existing.id} was changed in Ghost while it was being updated (${remote.updated_at}).`);
      return { kind: 'conflict', conflict: conflictOf(remote, keeper.current.modifiedGmt, article, keeper.current.media) };
    }
    context.log('info', `Updated post ${post.id} (${post.status}).`);
  } else {
    context.progress({ step: 'post', label: 'Creating the post', bytesSent: 0, bytesTotal: 0 });
    post = await api.createPost(fields, signal);
    recordCreated(context, keeper, postSummary(post), post.status);
  }
  await recordWritten(keeper, postSummary(post), now, context.job.mode);
  return { kind: 'post', post };
}
