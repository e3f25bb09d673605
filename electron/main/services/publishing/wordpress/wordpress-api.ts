import { randomBytes } from 'node:crypto';
import { errorFromResponse, isSuccess, type HttpClient, type HttpRequest, type HttpResponse } from '../http/http-client';
import { PublishError } from '../http/publish-error';

/**
 * The WordPress REST calls publishing makes, authenticated with an application password (Basic
 * auth). Every call takes the job's signal; every failure is a PublishError (network, timeout,
 * or the CMS's own message). Nothing here decides what to create: publish-wordpress.ts does.
 */

export interface WordPressSiteAccess {
  /** The site's address as the editor entered it, e.g. https://example.com or https://example.com/blog. */
  siteUrl: string;
  user: string;
  /** The application password; it only ever goes into the Authorization header. */
  password: string;
  /** How long one request may stay silent; uploads and other calls have their own defaults when absent. */
  requestTimeoutMs?: number;
  http: HttpClient;
}

/** The media fields Newsdesk writes. */
export interface MediaFields {
  title: string;
  caption: string;
  altText: string;
  description: string;
}

export interface WpMedia {
  id: number;
  slug: string;
  source_url: string;
  title?: { raw?: string };
  caption?: { raw?: string };
  description?: { raw?: string };
  alt_text?: string;
}

export interface WpPost {
  id: number;
  status: string;
  link: string;
  modified_gmt: string;
  date_gmt: string | null;
  sticky?: boolean;
  featured_media?: number;
  author?: number;
  categories?: number[];
  tags?: number[];
  title: { raw?: string; rendered?: string };
  content: { raw?: string; rendered?: string };
  excerpt: { raw?: string; rendered?: string };
}

/** The post fields Newsdesk writes (REST names). */
export interface PostFields {
  title: string;
  content: string;
  excerpt: string;
  slug?: string;
  status: 'draft' | 'publish' | 'future';
  /** UTC, "2026-03-16T09:30:00"; null makes the site date the post by its own clock. */
  date_gmt?: string | null;
  categories: number[];
  tags: number[];
  sticky: boolean;
  featured_media: number;
  /** The user credited as the post's author; absent leaves it as it is (new posts: the signing-in user). */
  author?: number;
}

export interface UploadInput {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  /** The media item's slug: the key a retry looks it up by. */
  slug: string;
  fields: MediaFields;
  /** For messages: the photo as the editor knows it. */
  label: string;
  signal: AbortSignal;
  onProgress?: (sent: number, total: number) => void;
}

export type Taxonomy = 'categories' | 'tags';

export interface WordPressApi {
  /** One multipart request: the file and its fields together, with upload progress. */
  uploadMedia(input: UploadInput): Promise<WpMedia>;
  updateMedia(id: number, fields: MediaFields, signal: AbortSignal): Promise<WpMedia>;
  mediaBySlug(slug: string, signal: AbortSignal): Promise<WpMedia | null>;
  /** context=edit; null when WordPress no longer has it (deleted for good). */
  getPost(id: number, signal: AbortSignal): Promise<WpPost | null>;
  createPost(fields: PostFields, signal: AbortSignal): Promise<WpPost>;
  updatePost(id: number, fields: Partial<PostFields>, signal: AbortSignal): Promise<WpPost>;
  /** Moves the post to WordPress's trash (restorable there); the answer is the trashed post. */
  trashPost(id: number, signal: AbortSignal): Promise<WpPost>;
  /** The post whose content carries `marker` (searched for by `key`), in any status but the trash. */
  findPostByMarker(key: string, marker: string, signal: AbortSignal): Promise<WpPost | null>;
  /** The ids of terms named `names`, creating the missing ones (cached per site for the life of the process). */
  termIds(taxonomy: Taxonomy, names: readonly string[], signal: AbortSignal): Promise<number[]>;
  /** Drops cached term ids of this site (after WordPress ignored one: it was deleted there). */
  forgetTerms(): void;
  /** A GET of a REST route, answered as it came (for callers that read a refusal themselves, e.g. the users list). */
  get(path: string, query: Record<string, string>, signal: AbortSignal): Promise<HttpResponse>;
}

type RouteMode = 'pretty' | 'plain';
/** Per site: whether /wp-json/ works or the API must be reached with ?rest_route= (pretty permalinks off). */
const routeModes = new Map<string, RouteMode>();
/** Per site and taxonomy: lower-cased name → term id. */
const termCache = new Map<string, Map<string, number>>();

const UPLOAD_TIMEOUT_MS = 120_000;
const SEARCH_STATUSES = 'publish,future,draft,pending,private';

export function createWordPressApi(access: WordPressSiteAccess): WordPressApi {
  const site = access.siteUrl.trim().replace(/\/+$/, '');
  const authorization = `Basic ${Buffer.from(`${access.user}:${access.password}`, 'utf8').toString('base64')}`;

  const urlFor = (mode: RouteMode, path: string, query: Record<string, string>): string => {
    const params = new URLSearchParams(query).toString();
    if (mode === 'pretty') return `${site}/wp-json/wp/v2${path}${params ? `?${params}` : ''}`;
    return `${site}/?rest_route=${encodeURIComponent(`/wp/v2${path}`)}${params ? `&${params}` : ''}`;
  };

  type CallOptions = Omit<HttpRequest, 'url' | 'method'> & { query?: Record<string, string> };
  const call = async (method: HttpRequest['method'], path: string, options: CallOptions): Promise<HttpResponse> => {
    const { query = {}, headers, ...rest } = options;
    const known = routeModes.get(site);
    const send = (mode: RouteMode): Promise<HttpResponse> =>
      access.http.request({ timeoutMs: access.requestTimeoutMs, ...rest, method, url: urlFor(mode, path, query), headers: { ...headers, authorization } });
    const response = await send(known ?? 'pretty');
    if (known) return response;
    // The first answer from a site says how to reach its API: a REST answer is JSON. Without pretty
    // permalinks /wp-json/ is just a page or a 404 page, and nothing was created by asking it; any
    // other answer (a proxy's 502 page) is returned as it is, since a retry might create twice.
    if (isRestAnswer(response)) {
      routeModes.set(site, 'pretty');
      return response;
    }
    if (response.status !== 404 && !isSuccess(response)) return response;
    const plain = await send('plain');
    if (isRestAnswer(plain)) routeModes.set(site, 'plain');
    return plain;
  };

  const expect = async <T>(response: Promise<HttpResponse>, doing: string): Promise<T> => {
    const answer = await response;
    if (!isSuccess(answer)) throw errorFromResponse(answer, doing);
    const body = answer.json<T>();
    if (body === undefined) throw new PublishError('server', `WordPress answered the request to ${doing} with something that is not JSON (HTTP ${answer.status}).`, { status: answer.status });
    return body;
  };

  const mediaBody = (fields: MediaFields) => ({ title: fields.title, caption: fields.caption, alt_text: fields.altText, description: fields.description });

  return {
    async uploadMedia(input) {
      const multipart = multipartBody(
        { ...mediaBody(input.fields), slug: input.slug },
        { name: 'file', fileName: input.fileName, mimeType: input.mimeType, bytes: input.bytes },
      );
      return expect<WpMedia>(
        call('POST', '/media', {
          query: { context: 'edit' },
          headers: { 'content-type': multipart.contentType },
          body: multipart.bytes,
          signal: input.signal,
          timeoutMs: access.requestTimeoutMs ?? UPLOAD_TIMEOUT_MS,
          onUploadProgress: input.onProgress,
        }),
        `upload the photo “${input.label}”`,
      );
    },

    updateMedia(id, fields, signal) {
      return expect<WpMedia>(call('POST', `/media/${id}`, { query: { context: 'edit' }, json: mediaBody(fields), signal }), 'update the photo’s caption and alt text');
    },

    async mediaBySlug(slug, signal) {
      const found = await expect<WpMedia[]>(call('GET', '/media', { query: { slug, context: 'edit' }, signal }), 'look up an uploaded photo');
      return Array.isArray(found) ? (found.find((media) => media.slug === slug) ?? null) : null;
    },

    async getPost(id, signal) {
      const response = await call('GET', `/posts/${id}`, { query: { context: 'edit' }, signal });
      if (response.status === 404 || response.status === 410) return null;
      return expect<WpPost>(Promise.resolve(response), 'read the post');
    },

    createPost(fields, signal) {
      return expect<WpPost>(call('POST', '/posts', { query: { context: 'edit' }, json: fields, signal }), 'create the post');
    },

    updatePost(id, fields, signal) {
      return expect<WpPost>(call('POST', `/posts/${id}`, { query: { context: 'edit' }, json: fields, signal }), 'update the post');
    },

    trashPost(id, signal) {
      return expect<WpPost>(call('DELETE', `/posts/${id}`, { query: { context: 'edit' }, signal }), 'move the post to the trash');
    },

    async findPostByMarker(key, marker, signal) {
      const query = { search: key, status: SEARCH_STATUSES, context: 'edit', per_page: '20' };
      const found = await expect<WpPost[]>(call('GET', '/posts', { query, signal }), 'look for a post created earlier');
      return Array.isArray(found) ? (found.find((post) => (post.content?.raw ?? '').includes(marker)) ?? null) : null;
    },

    async termIds(taxonomy, names, signal) {
      const cacheKey = `${site}\n${taxonomy}`;
      let cache = termCache.get(cacheKey);
      if (!cache) termCache.set(cacheKey, (cache = new Map()));
      const ids: number[] = [];
      for (const name of names) {
        const wanted = name.trim();
        const folded = wanted.toLocaleLowerCase();
        if (!wanted) continue;
        let id = cache.get(folded);
        if (id === undefined) {
          // Jobs running side by side may both create a new term: the second hears term_exists and reuses it.
          id = await findOrCreateTerm(taxonomy, wanted, signal);
          cache.set(folded, id);
        }
        if (!ids.includes(id)) ids.push(id);
      }
      return ids;
    },

    forgetTerms() {
      termCache.delete(`${site}\ncategories`);
      termCache.delete(`${site}\ntags`);
    },

    get: (path, query, signal) => call('GET', path, { query, signal }),
  };

  async function findOrCreateTerm(taxonomy: Taxonomy, name: string, signal: AbortSignal): Promise<number> {
    const what = taxonomy === 'categories' ? 'category' : 'tag';
    const folded = name.toLocaleLowerCase();
    const query = { search: name, per_page: '100', context: 'edit', _fields: 'id,name' };
    const found = await expect<{ id: number; name: string }[]>(call('GET', `/${taxonomy}`, { query, signal }), `look up the ${what} “${name}”`);
    // WordPress stores names HTML-escaped ("News &amp; Views") and searches by substring: match exactly.
    const match = Array.isArray(found) ? found.find((term) => decodeEntities(term.name).trim().toLocaleLowerCase() === folded) : undefined;
    if (match) return match.id;
    const response = await call('POST', `/${taxonomy}`, { json: { name }, signal });
    const body = response.json<{ id?: number; code?: string; data?: { term_id?: number } }>();
    if (isSuccess(response) && typeof body?.id === 'number') return body.id;
    // Created meanwhile (another desk, or a name that differs only in accents the search missed).
    if (response.status === 400 && body?.code === 'term_exists' && typeof body.data?.term_id === 'number') return body.data.term_id;
    throw errorFromResponse(response, `create the ${what} “${name}”`);
  }
}

function isRestAnswer(response: HttpResponse): boolean {
  return /json/i.test(response.headers.get('content-type') ?? '');
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the entities WordPress writes into term names (esc_html): named basics and numeric ones. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

interface FilePart {
  name: string;
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

/**
 * multipart/form-data built as bytes, so the whole request has a known length (sent as
 * Content-Length: some servers in front of PHP mishandle chunked bodies, and a site can turn down
 * an oversize photo before it arrives) and goes out through the http client with upload progress.
 */
export function multipartBody(fields: Record<string, string>, file: FilePart): { contentType: string; bytes: Uint8Array } {
  const boundary = `NewsdeskBoundary${randomBytes(12).toString('hex')}`;
  const quoted = (value: string): string => value.replace(/[\r\n"\\]/g, '_');
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"\r\n\r\n${value}\r\n`, 'utf8'));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(file.name)}"; filename="${quoted(file.fileName)}"\r\nContent-Type: ${file.mimeType}\r\n\r\n`,
      'utf8',
    ),
  );
  parts.push(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'));
  return { contentType: `multipart/form-data; boundary=${boundary}`, bytes: new Uint8Array(Buffer.concat(parts)) };
}
