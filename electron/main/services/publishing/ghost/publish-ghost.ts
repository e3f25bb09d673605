import { createHash } from 'node:crypto';
import type { Article } from '../../../../../shared/model/article';
import { photoOriginalPath, type Photo } from '../../../../../shared/model/photo';
import type { Placement } from '../../../../../shared/model/placement';
import type { ConflictVersions, GhostTarget, PendingCreate, PublishPlan, RemoteMedia } from '../../../../../shared/model/publishing';
import { articleBodyHtml } from '../../../../../shared/rules/article-html';
import { escapeHtml } from '../../../../../shared/rules/html-escape';
import { planPublish, type FeedSpot } from '../../../../../shared/rules/publish-plan';
import { photoUsesOf } from '../../../../../shared/rules/prepublish';
import type { MediaLibrary } from '../../media/types';
import { cleanArticleHtml } from '../export/clean-html';
import type { PublishContext, PublishOutcome } from '../outbox/publisher';
import { PublishError } from '../http/publish-error';
import { emptyRemoteRecord, RecordKeeper, type RemoteRecords } from '../remote/remote-records';
import { uniquePhotoUses } from '../wordpress/wordpress-media';
import { createGhostApi, GhostCollision, type GhostApi, type GhostPost, type GhostPostFields } from './ghost-api';
import { ghostCaption, ghostLexical, markerHtml } from './ghost-lexical';
import { photosToUpload, syncGhostPhotos } from './ghost-photos';
import { ghostGoLive } from './ghost-schedule';
import { siteClocks } from '../http/site-clock';

/**
 * One attempt at one job for a Ghost target, with WordPress's guarantees: a post changed on the
 * site since the last push (its updated_at moved, or Ghost answers 409 UPDATE_COLLISION) becomes a
 * conflict for the editor; every create is announced in the record first and looked up by its key
 * on the next attempt, so nothing is created twice.
 */

export interface GhostJobInput {
  context: PublishContext;
  target: GhostTarget;
  adminApiKey: string;
  article: Article;
  photos: ReadonlyMap<string, Photo>;
  placement: Placement | null;
  feeds: readonly FeedSpot[];
  records: RemoteRecords;
  media: Pick<MediaLibrary, 'filePath'>;
  writeXmp: boolean;
  now?: () => Date;
  requestTimeoutMs?: number;
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

function bodyHtml(article: Article, src: (photoId: string) => string | null): string {
  return cleanArticleHtml(articleBodyHtml(article.body, { photoSrc: src }));
}

export async function publishToGhost(input: GhostJobInput): Promise<PublishOutcome> {
  const { context, target, article, records } = input;
  const { job, signal } = context;
  const now = input.now ?? (() => new Date());
  const api = input.api ?? createGhostApi({ siteUrl: target.siteUrl, adminApiKey: input.adminApiKey, requestTimeoutMs: input.requestTimeoutMs });
  const keeper = new RecordKeeper(records, (await records.get(target.id, article.id)) ?? emptyRemoteRecord(target.id, article.id, job.clientKey));
  try {
    const existing = await checkExistingPost(input, api, keeper);
    if (existing.kind === 'conflict') return existing;

    const photoInput = { context, api, keeper, siteUrl: target.siteUrl, targetId: target.id, articleId: article.id, media: input.media, writeXmp: input.writeXmp, uses: uniquePhotoUses(photoUsesOf(article)), photos: input.photos, now: now() };
    const creates: PendingCreate[] = photosToUpload(photoInput);
    if (!existing.post) creates.push({ kind: 'post', key: job.clientKey });
    if (creates.length > 0) await keeper.announce(creates);
    const uploaded = await syncGhostPhotos(photoInput);

    if (signal.aborted) throw new PublishError('local', 'Cancelled.');
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
    const fields = postFields(article, plan, uploaded, input.photos, markerKey, existing.post, now(), siteClocks.siteNow(input.target.siteUrl) ?? now().getTime());
    const post = await writePost(input, api, keeper, fields, existing.post, now());
    if (post.kind === 'conflict') return post;
    context.progress({ step: 'done', label: 'Published', bytesSent: 0, bytesTotal: 0 });
    return { kind: 'done', remote: { postId: post.post.id, link: post.post.url } };
  } finally {
    await keeper.save().catch(() => undefined);
  }
}

type ExistingPost = { kind: 'post'; post: GhostPost | null } | Extract<PublishOutcome, { kind: 'conflict' }>;

async function checkExistingPost(input: GhostJobInput, api: GhostApi, keeper: RecordKeeper): Promise<ExistingPost> {
  const { context, article } = input;
  const { job, signal } = context;
  const record = keeper.current;
  const announced = record.pending.filter((entry) => entry.kind === 'post');
  if (record.postId === null) {
    for (const { key } of announced) {
      // An earlier attempt sent the create and never heard back: Ghost may hold the post already.
      context.progress({ step: 'checking', label: 'Looking for the post sent by the last attempt', bytesSent: 0, bytesTotal: 0 });
      const found = await api.findPostByMarker(markerHtml(key), signal);
      keeper.settle('post', key);
      if (!found) continue;
      context.log('info', `Found the post created by an earlier attempt (post ${found.id}); it is updated, not created again.`);
      for (const other of announced) keeper.settle('post', other.key);
      keeper.change({ postId: found.id, link: found.url, modifiedGmt: found.updated_at, contentHash: ghostTextFingerprint(found), clientKey: key });
      return { kind: 'post', post: found };
    }
    return { kind: 'post', post: null };
  }
  for (const { key } of announced) keeper.settle('post', key);

  context.progress({ step: 'checking', label: 'Checking the post on the site', bytesSent: 0, bytesTotal: 0 });
  // A numeric id is WordPress's: it cannot be on this site, so the article is new here.
  const remote = typeof record.postId === 'string' ? await api.getPost(record.postId, signal) : null;
  if (!remote) {
    context.log('warn', `Post ${record.postId} was deleted in Ghost; a new post is created.`);
    keeper.change({ postId: null, link: '', modifiedGmt: '', contentHash: '', clientKey: job.clientKey });
    return { kind: 'post', post: null };
  }
  const changed = remote.updated_at !== record.modifiedGmt || (record.contentHash !== '' && ghostTextFingerprint(remote) !== record.contentHash);
  if (!changed) return { kind: 'post', post: remote };
  if (record.sentTextHash !== '' && ghostTextFingerprint(remote) === record.sentTextHash) {
    context.log('info', `The update sent by an earlier attempt reached post ${remote.id}; the change on the site is Newsdesk's own.`);
    keeper.change({ modifiedGmt: remote.updated_at, contentHash: ghostTextFingerprint(remote), sentTextHash: '' });
    return { kind: 'post', post: remote };
  }
  if (job.overwrite) {
    context.log('warn', `Post ${remote.id} was changed in Ghost (${remote.updated_at}); it is overwritten as asked.`);
    return { kind: 'post', post: remote };
  }
  context.log('warn', `Post ${remote.id} was changed in Ghost since the last push (${remote.updated_at}, was ${record.modifiedGmt || 'unknown'}).`);
  return { kind: 'conflict', conflict: conflictOf(remote, record.modifiedGmt, article, record.media) };
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
  const { job, signal } = context;
  let post: GhostPost;
  if (existing) {
    context.progress({ step: 'post', label: 'Updating the post', bytesSent: 0, bytesTotal: 0 });
    // On disk before it is sent: should the answer be lost, the next attempt knows the change is ours.
    keeper.change({ sentTextHash: ghostTextFingerprint(fields) });
    await keeper.save();
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
    keeper.settle('post', job.clientKey, { postId: post.id, clientKey: job.clientKey });
    context.log('info', `Created post ${post.id} (${post.status}).`);
  }
  keeper.change({
    postId: post.id,
    link: post.url,
    modifiedGmt: post.updated_at,
    contentHash: ghostTextFingerprint(post),
    sentTextHash: '',
    publishedAt: now.toISOString(),
  });
  await keeper.save();
  return { kind: 'post', post };
}
