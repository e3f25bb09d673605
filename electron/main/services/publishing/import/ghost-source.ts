import type { GhostTarget } from '../../../../../shared/model/publishing';
import { escapeHtml } from '../../../../../shared/rules/html-escape';
import { adminApiBase, ghostAdminToken, type GhostPost } from '../ghost/ghost-api';
import { postSummary } from '../ghost/publish-ghost';
import { errorFromResponse, isSuccess, type HttpClient, type HttpResponse } from '../http/http-client';
import { PublishError } from '../http/publish-error';
import type { SiteSource, SourcePost } from './site-source';

/**
 * A Ghost site's posts for importing, through the Admin API with the target's integration key:
 * `/posts/?filter=&page=&limit=&formats=html` for the list (every status), each post read with its
 * Lexical too (the publisher's fingerprint of a post is taken from it).
 */

interface ImportedGhostPost extends GhostPost {
  feature_image_caption?: string | null;
  feature_image_alt?: string | null;
  authors?: { name?: unknown }[];
  tags?: { name?: unknown; visibility?: unknown }[];
}

interface PostsBody {
  posts?: unknown;
  meta?: { pagination?: { page?: unknown; pages?: unknown; total?: unknown } };
}

const isPost = (value: unknown): value is ImportedGhostPost =>
  typeof value === 'object' && value !== null && typeof (value as GhostPost).id === 'string' && /^[a-f0-9]{24}$/u.test((value as GhostPost).id);

const authorOf = (post: ImportedGhostPost): string =>
  (Array.isArray(post.authors) ? post.authors : []).map((author) => (typeof author?.name === 'string' ? author.name : '')).filter(Boolean).join(', ');

/** The post's public tags by name, primary first (internal "#" tags are the site's own plumbing). */
const tagsOf = (post: ImportedGhostPost): string[] =>
  (Array.isArray(post.tags) ? post.tags : [])
    .filter((tag) => tag?.visibility !== 'internal' && typeof tag?.name === 'string')
    .map((tag) => (tag.name as string).trim())
    .filter((name) => name !== '' && !name.startsWith('#'));

/** Ghost's filter language takes a quoted string; its quote and backslash are escaped. */
const nqlString = (text: string): string => `'${text.replace(/[\\']/gu, (character) => `\\${character}`)}'`;

const sectionAndTags = ([primary, ...tags]: string[]): { categories: string[]; tags: string[] } => ({ categories: primary ? [primary] : [], tags });

const wholeNumber = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : fallback);

export function ghostSource(target: GhostTarget, adminApiKey: string, http: HttpClient): SiteSource {
  const base = adminApiBase(target.siteUrl);

  async function get(path: string, signal: AbortSignal): Promise<HttpResponse> {
    const token = await ghostAdminToken(adminApiKey);
    return http.request({ method: 'GET', url: `${base}${path}`, headers: { Authorization: `Ghost ${token}`, 'Accept-Version': 'v5.0' }, signal });
  }

  function bodyOf(response: HttpResponse, doing: string): PostsBody {
    if (!isSuccess(response)) throw errorFromResponse(response, doing);
    const body = response.json<PostsBody>();
    if (typeof body !== 'object' || body === null || !Array.isArray(body.posts)) {
      throw new PublishError('server', `Ghost answered the request to ${doing} with something that is not a list of posts (HTTP ${response.status}).`, { status: response.status });
    }
    return body;
  }

  return {
    siteUrl: target.siteUrl,

    async list(query, signal) {
      // Newest first with the id as tie-breaker: posts published in the same second (an import, a
      // batch) would otherwise be ordered anew on each page, one shown twice and another never.
      const params = new URLSearchParams({ page: String(query.page), limit: String(query.perPage), formats: 'html', include: 'authors', order: 'published_at desc, id desc' });
      if (query.search.trim()) params.set('filter', `title:~${nqlString(query.search.trim())}`);
      const body = bodyOf(await get(`/posts/?${params}`, signal), 'list the posts');
      const posts = (body.posts as unknown[]).filter(isPost);
      const pagination = body.meta?.pagination ?? {};
      return {
        posts: posts.map((post) => ({
          remoteId: post.id,
          title: typeof post.title === 'string' ? post.title : '',
          date: post.published_at ?? (typeof post.updated_at === 'string' ? post.updated_at : ''),
          status: typeof post.status === 'string' ? post.status : '',
          author: authorOf(post),
          link: typeof post.url === 'string' ? post.url : '',
        })),
        page: query.page,
        totalPages: wholeNumber(pagination.pages, 1),
        total: wholeNumber(pagination.total, posts.length),
      };
    },

    async read(remoteId, signal): Promise<SourcePost> {
      if (typeof remoteId !== 'string') throw new PublishError('rejected', 'it is not a Ghost post id.');
      const response = await get(`/posts/${encodeURIComponent(remoteId)}/?formats=lexical,html&include=authors,tags`, signal);
      if (response.status === 404) throw new PublishError('rejected', 'it is no longer on the site.');
      const [post] = bodyOf(response, 'read the post').posts as unknown[];
      if (!isPost(post) || typeof post.title !== 'string') throw new PublishError('server', 'Ghost answered with something that is not a post.');
      const lead = typeof post.feature_image === 'string' && post.feature_image.trim() !== ''
        ? { url: post.feature_image, caption: post.feature_image_caption ?? '', alt: post.feature_image_alt ?? '', mediaId: 0 }
        : null;
      return {
        remoteId: post.id,
        // Ghost keeps titles and excerpts as plain text; the converter reads HTML.
        title: escapeHtml(post.title),
        excerpt: escapeHtml(post.custom_excerpt ?? ''),
        html: typeof post.html === 'string' ? post.html : '',
        slug: typeof post.slug === 'string' ? post.slug : '',
        author: authorOf(post),
        // The publisher sends the section as the primary (first) tag: it comes back as the section.
        ...sectionAndTags(tagsOf(post)),
        lead,
        summary: postSummary(post),
        cms: 'Ghost',
        notes: [],
      };
    },
  };
}
