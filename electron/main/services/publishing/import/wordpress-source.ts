import type { WordPressTarget } from '../../../../../shared/model/publishing';
import { errorFromResponse, isSuccess, type HttpClient, type HttpResponse } from '../http/http-client';
import { PublishError } from '../http/publish-error';
import { createWordPressApi, type WordPressApi, type WpPost } from '../wordpress/wordpress-api';
import { postSummary } from '../wordpress/publish-wordpress';
import { plainText } from '../remote/remote-to-article';
import type { SiteSource, SourceLead, SourcePost } from './site-source';

/**
 * A WordPress site's posts for importing, through the REST API with the target's application
 * password: `/wp/v2/posts?search=&page=&per_page=&status=any` for the list, each post read with
 * context=edit (its raw title, excerpt and content, as the publisher compares them).
 */

const LIST_FIELDS = 'id,title,date_gmt,modified_gmt,status,author,link';

/** "2026-03-16T09:30:00" (UTC without a zone, as WordPress writes _gmt fields) → ISO; '' when absent. */
function isoOf(gmt: string | null | undefined): string {
  if (!gmt) return '';
  const parsed = Date.parse(`${gmt}Z`);
  return Number.isNaN(parsed) ? '' : new Date(parsed).toISOString();
}

function jsonOf<T>(response: HttpResponse, doing: string): T {
  if (!isSuccess(response)) throw errorFromResponse(response, doing);
  const body = response.json<T>();
  if (body === undefined) throw new PublishError('server', `WordPress answered the request to ${doing} with something that is not JSON (HTTP ${response.status}).`, { status: response.status });
  return body;
}

const isPost = (value: unknown): value is WpPost => typeof value === 'object' && value !== null && typeof (value as WpPost).id === 'number' && Number.isSafeInteger((value as WpPost).id) && (value as WpPost).id > 0;

/** Display names of the site's users by id; the list still shows without them when the site refuses. */
async function authorNames(api: WordPressApi, ids: readonly number[], signal: AbortSignal): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  const wanted = [...new Set(ids.filter((id) => Number.isSafeInteger(id) && id > 0))];
  if (wanted.length === 0) return names;
  try {
    const response = await api.get('/users', { include: wanted.join(','), per_page: '100', _fields: 'id,name' }, signal);
    const users = isSuccess(response) ? response.json<{ id?: unknown; name?: unknown }[]>() : undefined;
    if (Array.isArray(users)) for (const user of users) if (typeof user.id === 'number' && typeof user.name === 'string') names.set(user.id, user.name);
  } catch {
    // Author names are a help for choosing, not needed to import: the list goes on without them.
  }
  return names;
}

/** WordPress files a post without a category under its default one, which is no section. */
const DEFAULT_CATEGORY_SLUG = 'uncategorized';

/**
 * The names of the post's terms, in the post's order (REST gives ids; names come HTML-escaped, as
 * WordPress stores them). A site that will not give them leaves a note, never a failed import.
 */
async function termNames(api: WordPressApi, taxonomy: 'categories' | 'tags', ids: readonly number[] | undefined, signal: AbortSignal, notes: string[]): Promise<string[]> {
  const wanted = [...new Set((ids ?? []).filter((id) => Number.isSafeInteger(id) && id > 0))];
  if (wanted.length === 0) return [];
  const response = await api.get(`/${taxonomy}`, { include: wanted.join(','), per_page: '100', _fields: 'id,name,slug' }, signal);
  const terms = isSuccess(response) ? response.json<{ id?: unknown; name?: unknown; slug?: unknown }[]>() : undefined;
  if (!Array.isArray(terms)) {
    notes.push(`The post's ${taxonomy} could not be read from the site (HTTP ${response.status}); the article has none.`);
    return [];
  }
  const byId = new Map(terms.filter((term) => typeof term.id === 'number' && typeof term.name === 'string').map((term) => [term.id as number, term]));
  return wanted
    .map((id) => byId.get(id))
    .filter((term) => term !== undefined && !(taxonomy === 'categories' && term.slug === DEFAULT_CATEGORY_SLUG))
    .map((term) => plainText(term!.name as string).trim())
    .filter((name) => name !== '');
}

/** The post's slug (the REST answer has it; the publisher's type does not need it). */
function slugOf(post: WpPost): string {
  const slug = (post as unknown as { slug?: unknown }).slug;
  return typeof slug === 'string' ? slug : '';
}

export function wordPressSource(target: WordPressTarget, password: string, http: HttpClient): SiteSource {
  const api = createWordPressApi({ siteUrl: target.siteUrl, user: target.user, password, http });

  async function readLead(mediaId: number, signal: AbortSignal, notes: string[]): Promise<SourceLead | null> {
    if (!Number.isSafeInteger(mediaId) || mediaId <= 0) return null;
    const response = await api.get(`/media/${mediaId}`, { context: 'edit' }, signal);
    const media = isSuccess(response) ? response.json<{ source_url?: unknown; caption?: { raw?: unknown }; alt_text?: unknown }>() : undefined;
    if (!media || typeof media.source_url !== 'string') {
      notes.push(`The featured image (media ${mediaId}) could not be read from the site (HTTP ${response.status}); the article has no lead photo.`);
      return null;
    }
    const caption = typeof media.caption?.raw === 'string' ? media.caption.raw : '';
    return { url: media.source_url, caption, alt: typeof media.alt_text === 'string' ? media.alt_text : '', mediaId };
  }

  return {
    siteUrl: target.siteUrl,

    async list(query, signal) {
      // Newest first by id: posts dated in the same second tie on WordPress's default date order,
      // and MySQL may then give one post on two pages and another on none.
      const params: Record<string, string> = { page: String(query.page), per_page: String(query.perPage), status: 'any', context: 'edit', orderby: 'id', order: 'desc', _fields: LIST_FIELDS };
      if (query.search.trim()) params.search = query.search.trim();
      const response = await api.get('/posts', params, signal);
      // Past the last page WordPress answers 400 rest_post_invalid_page_number: an empty page, not an error.
      if (response.status === 400 && /rest_post_invalid_page_number/u.test(response.text)) {
        return { posts: [], page: query.page, totalPages: Number(response.headers.get('x-wp-totalpages') ?? 0) || 0, total: Number(response.headers.get('x-wp-total') ?? 0) || 0 };
      }
      const body = jsonOf<unknown>(response, 'list the posts');
      if (!Array.isArray(body)) throw new PublishError('server', 'WordPress answered the list of posts with something that is not a list of posts.');
      const posts = body.filter(isPost);
      const names = await authorNames(api, posts.map((post) => post.author ?? 0), signal);
      const total = Number(response.headers.get('x-wp-total'));
      const totalPages = Number(response.headers.get('x-wp-totalpages'));
      return {
        posts: posts.map((post) => ({
          remoteId: post.id,
          title: typeof post.title?.raw === 'string' ? plainText(post.title.raw) : '',
          date: isoOf(post.date_gmt) || isoOf(post.modified_gmt),
          status: typeof post.status === 'string' ? post.status : '',
          author: names.get(post.author ?? 0) ?? '',
          link: typeof post.link === 'string' ? post.link : '',
        })),
        page: query.page,
        totalPages: Number.isSafeInteger(totalPages) && totalPages >= 0 ? totalPages : 1,
        total: Number.isSafeInteger(total) && total >= 0 ? total : posts.length,
      };
    },

    async read(remoteId, signal): Promise<SourcePost> {
      if (typeof remoteId !== 'number') throw new PublishError('rejected', 'it is not a WordPress post id.');
      const post = await api.getPost(remoteId, signal);
      if (!post || post.status === 'trash') throw new PublishError('rejected', post ? 'it is in the trash on the site.' : 'it is no longer on the site.');
      if (!isPost(post) || typeof post.content?.raw !== 'string' || typeof post.title?.raw !== 'string') {
        throw new PublishError('server', 'WordPress answered with something that is not a post.');
      }
      const notes: string[] = [];
      const lead = await readLead(post.featured_media ?? 0, signal, notes);
      const names = await authorNames(api, [post.author ?? 0], signal);
      const categories = await termNames(api, 'categories', post.categories, signal, notes);
      const tags = await termNames(api, 'tags', post.tags, signal, notes);
      return {
        remoteId: post.id,
        title: post.title.raw,
        excerpt: post.excerpt?.raw ?? '',
        html: post.content.raw,
        slug: slugOf(post),
        author: names.get(post.author ?? 0) ?? '',
        categories,
        tags,
        lead,
        summary: postSummary(post),
        cms: 'WordPress',
        notes,
      };
    },
  };
}
