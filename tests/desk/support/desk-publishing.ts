import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article, LexicalDocument } from '../../../shared/model/article';
import type { PublishJob } from '../../../shared/model/publishing';
import type { Services } from '../../../electron/main/services/compose';
import { restClient, type RestMedia, type RestPost } from '../../integration/wordpress-publish-helpers';
import type { WordPressSite } from '../../wordpress/wordpress-server';

/**
 * Publishing desk stories from a desktop of the desk tests to a real WordPress: the way the
 * publish panel does it (the check, its warnings acknowledged, the queue, the outbox), and the
 * post read back through the site's REST API.
 */

const text = (value: string) => ({ type: 'text', version: 1, text: value, format: 0, detail: 0, mode: 'normal', style: '' });
const paragraph = (value: string) => ({ type: 'paragraph', version: 1, format: '', indent: 0, direction: null, textFormat: 0, textStyle: '', children: [text(value)] });

export function bodyOfParagraphs(...paragraphs: string[]): LexicalDocument {
  return { root: { type: 'root', version: 1, format: '', indent: 0, direction: null, children: paragraphs.map(paragraph) } } as LexicalDocument;
}

/** A new article on this desktop with `fields`, then shared to the desk. */
export async function sharedStory(services: Services, fields: Partial<Article>): Promise<Article> {
  const created = await services.drafts.create({ section: 'News' });
  await services.drafts.save({ ...created, ...fields }, 'manual');
  await services.desk.share(created.id);
  return services.drafts.get(created.id);
}

export async function addWordPressTarget(services: Services, site: WordPressSite, name: string): Promise<string> {
  const target = await services.publishing.targets.save({ kind: 'wordpress', name, siteUrl: site.url, user: site.user, secret: site.appPassword });
  return target.id;
}

/** The publish panel's click: the check, its warnings acknowledged, the job queued. */
export async function queuePublish(services: Services, articleId: string, targetId: string): Promise<PublishJob> {
  const check = await services.handlers['publish:check']({ articleId, targetId, mode: 'publish' });
  if (check.blocking.length > 0) throw new Error(`The story cannot be queued: ${check.blocking.map((issue) => issue.message).join(' ')}`);
  return services.handlers['publish:queue']({ articleId, targetId, mode: 'publish', acknowledged: check.warnings.map((issue) => issue.code) });
}

/** Queues the story and waits for the outbox to finish with it. */
export async function publishAndWait(services: Services, articleId: string, targetId: string): Promise<PublishJob> {
  const queued = await queuePublish(services, articleId, targetId);
  await services.publishing.outbox.whenIdle();
  const job = services.publishing.outbox.get(queued.id);
  if (!job) throw new Error('The job left the outbox before it could be read.');
  if (job.state !== 'done') throw new Error(`The job ended ${job.state}: ${job.lastError ?? ''}\n${job.log.map((line) => line.message).join('\n')}`);
  return job;
}

export interface PostOnSite {
  post: RestPost;
  featured: RestMedia | null;
  /** The uploaded lead photo, saved to `dir` as the site serves it. */
  featuredFile: string | null;
}

export async function readPost(site: WordPressSite, postId: number, dir: string): Promise<PostOnSite> {
  const rest = restClient(site);
  const post = await rest.get<RestPost>(`/posts/${postId}?context=edit`);
  if (!post.featured_media) return { post, featured: null, featuredFile: null };
  const featured = await rest.get<RestMedia>(`/media/${post.featured_media}?context=edit`);
  const served = await fetch(featured.source_url);
  if (!served.ok) throw new Error(`The site did not serve its uploaded file: HTTP ${served.status}`);
  const featuredFile = join(dir, `featured-${post.featured_media}.jpg`);
  await writeFile(featuredFile, Buffer.from(await served.arrayBuffer()));
  return { post, featured, featuredFile };
}
