import { SignJWT } from 'jose';
import { GHOST_ADMIN_KEY_PATTERN } from '../../../../../shared/model/publishing';
import { errorFromResponse, isSuccess, type HttpClient, type HttpRequest, type HttpResponse } from '../http/http-client';
import { PublishError } from '../http/publish-error';

/**
 * Ghost's Admin API as Newsdesk uses it: a short-lived token signed with the integration's key per
 * request, posts (read, find by our marker, create, update) and image uploads. HTTP statuses come
 * back as PublishErrors classified like WordPress's, except 409 UPDATE_COLLISION, which is the
 * post edited on the site since the updated_at we sent.
 */

export interface GhostPost {
  id: string;
  uuid?: string;
  title: string;
  slug: string;
  status: string;
  url: string;
  updated_at: string;
  custom_excerpt?: string | null;
  lexical?: string | null;
  html?: string | null;
  feature_image?: string | null;
  featured?: boolean;
  published_at?: string | null;
}

export interface GhostPostFields {
  title: string;
  lexical: string;
  custom_excerpt: string;
  status: 'draft' | 'published' | 'scheduled';
  published_at?: string;
  slug?: string;
  featured: boolean;
  tags: { name: string }[];
  feature_image: string | null;
  feature_image_caption: string | null;
  feature_image_alt: string | null;
  // Search and social fields (Ghost keeps them in posts_meta; null clears one).
  meta_title: string | null;
  meta_description: string | null;
  og_title: string | null;
  og_description: string | null;
  og_image: string | null;
  twitter_title: string | null;
  twitter_description: string | null;
  twitter_image: string | null;
  /** Staff users credited, the first the primary author; absent leaves them as they are. */
  authors?: { id: string }[];
}

/** A staff user as the Admin API lists it. */
export interface GhostUser {
  id: string;
  name: string;
  slug: string;
  email?: string;
  roles?: { name: string }[];
}

/** The post was changed on the site since the updated_at sent (Ghost's 409 UPDATE_COLLISION). */
export class GhostCollision extends Error {}

export interface GhostApiOptions {
  siteUrl: string;
  adminApiKey: string;
  requestTimeoutMs?: number;
  http: HttpClient;
}

const TOKEN_LIFETIME = '5m';
const POST_FIELDS = 'id,uuid,title,slug,status,url,updated_at,custom_excerpt,lexical,feature_image,featured,published_at';

/** The Admin API token: HS256, `kid` = the key's id, signed with its hex secret, audience /admin/. */
export async function ghostAdminToken(adminApiKey: string, now: Date = new Date()): Promise<string> {
  const key = adminApiKey.trim();
  if (!GHOST_ADMIN_KEY_PATTERN.test(key)) {
    throw new PublishError('rejected', 'The stored Admin API key is not a Ghost key (two hex parts joined by a colon). Paste it again in Settings › Publishing.');
  }
  const [id, secret] = key.split(':') as [string, string];
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: id })
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(TOKEN_LIFETIME)
    .setAudience('/admin/')
    .sign(Buffer.from(secret, 'hex'));
}

export function adminApiBase(siteUrl: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/ghost/api/admin`;
}

export interface GhostApi {
  getPost(id: string, signal: AbortSignal): Promise<GhostPost | null>;
  /** The post whose lexical holds this marker, among the posts created since `since` (ISO). */
  findPostByMarker(marker: string, signal: AbortSignal): Promise<GhostPost | null>;
  createPost(fields: GhostPostFields, signal: AbortSignal): Promise<GhostPost>;
  updatePost(id: string, fields: Partial<GhostPostFields> & { updated_at: string }, signal: AbortSignal): Promise<GhostPost>;
  /** Uploads a picture; returns its address on the site. */
  uploadImage(bytes: Uint8Array, fileName: string, mimeType: string, signal: AbortSignal, onProgress?: (sent: number, total: number) => void): Promise<string>;
  /** Whether a picture is on the site at this address (an upload whose answer was lost). */
  imageExists(url: string, signal: AbortSignal): Promise<boolean>;
  /** Every staff user, with their roles (the owner is the post's author when no other is given). */
  listUsers(signal: AbortSignal): Promise<GhostUser[]>;
}

interface PostsBody {
  posts?: GhostPost[];
  meta?: { pagination?: { next?: number | null } };
}

/** How many of the newest posts are searched for a marker: lost answers are recent. */
const MARKER_SEARCH_PAGES = 4;
const MARKER_SEARCH_PAGE_SIZE = 50;

export function createGhostApi(options: GhostApiOptions): GhostApi {
  const base = adminApiBase(options.siteUrl);

  async function send(request: Omit<HttpRequest, 'url'> & { path: string }, doing: string): Promise<HttpResponse> {
    const { path, headers, ...rest } = request;
    const token = await ghostAdminToken(options.adminApiKey);
    const response = await options.http.request({
      ...rest,
      url: `${base}${path}`,
      headers: { Authorization: `Ghost ${token}`, 'Accept-Version': 'v5.0', ...headers },
      timeoutMs: request.timeoutMs ?? options.requestTimeoutMs,
    });
    if (response.status === 409 && /UPDATE_COLLISION/.test(response.text)) throw new GhostCollision('The post was changed on the site.');
    if (!isSuccess(response) && response.status !== 404) throw errorFromResponse(response, doing);
    return response;
  }

  function onePost(response: HttpResponse, doing: string): GhostPost {
    const post = response.json<PostsBody>()?.posts?.[0];
    if (!post || typeof post.id !== 'string') throw new PublishError('rejected', `Ghost answered ${doing} without the post.`);
    return post;
  }

  return {
    async getPost(id, signal) {
      const response = await send({ method: 'GET', path: `/posts/${encodeURIComponent(id)}/?formats=lexical,html`, signal }, 'reading the post');
      return response.status === 404 ? null : onePost(response, 'reading the post');
    },

    async findPostByMarker(marker, signal) {
      // The Admin API cannot filter on content, so the newest posts (drafts and scheduled too) are read.
      for (let page = 1; page <= MARKER_SEARCH_PAGES; page += 1) {
        const query = new URLSearchParams({ formats: 'lexical', fields: POST_FIELDS, order: 'created_at desc', limit: String(MARKER_SEARCH_PAGE_SIZE), page: String(page), filter: 'status:[draft,published,scheduled,sent]' });
        const response = await send({ method: 'GET', path: `/posts/?${query}`, signal }, 'looking for the post sent by the last attempt');
        const body = response.json<PostsBody>();
        const found = body?.posts?.find((post) => typeof post.lexical === 'string' && post.lexical.includes(JSON.stringify(marker).slice(1, -1)));
        if (found) return found;
        if (!body?.meta?.pagination?.next) return null;
      }
      return null;
    },

    async createPost(fields, signal) {
      const response = await send({ method: 'POST', path: '/posts/?formats=lexical', json: { posts: [fields] }, signal }, 'creating the post');
      return onePost(response, 'creating the post');
    },

    async updatePost(id, fields, signal) {
      const response = await send({ method: 'PUT', path: `/posts/${encodeURIComponent(id)}/?formats=lexical`, json: { posts: [fields] }, signal }, 'updating the post');
      if (response.status === 404) throw new PublishError('rejected', 'The post was deleted on the site while it was being updated; publish again to create it anew.');
      return onePost(response, 'updating the post');
    },

    async uploadImage(bytes, fileName, mimeType, signal, onProgress) {
      // The platform's FormData writes the multipart body; it is sent as bytes for progress and stall timeouts.
      const form = new FormData();
      // slice(): a Blob takes bytes on a plain ArrayBuffer only (not a shared one).
      form.append('file', new Blob([bytes.slice()], { type: mimeType }), fileName);
      form.append('purpose', 'image');
      form.append('ref', fileName);
      const encoded = new Request('http://multipart.invalid/', { method: 'POST', body: form });
      const body = new Uint8Array(await encoded.arrayBuffer());
      const response = await send(
        { method: 'POST', path: '/images/upload/', body, headers: { 'Content-Type': encoded.headers.get('content-type') ?? '' }, signal, onUploadProgress: onProgress },
        `uploading “${fileName}”`,
      );
      const url = response.json<{ images?: { url?: string }[] }>()?.images?.[0]?.url;
      if (response.status === 404 || typeof url !== 'string') throw new PublishError('rejected', `Ghost answered the upload of “${fileName}” without the picture's address.`);
      return url;
    },

    async listUsers(signal) {
      const response = await send({ method: 'GET', path: '/users/?limit=all&include=roles', signal }, 'listing the staff users');
      const users = response.json<{ users?: GhostUser[] }>()?.users;
      return Array.isArray(users) ? users.filter((user) => typeof user.id === 'string') : [];
    },

    async imageExists(url, signal) {
      const response = await options.http.request({ method: 'HEAD', url, signal, timeoutMs: options.requestTimeoutMs });
      if (response.status === 404) return false;
      // Only a clear answer counts: taking a 500 for "not there" would upload the picture twice.
      if (!isSuccess(response)) throw errorFromResponse(response, 'looking for a picture sent by the last attempt');
      return true;
    },
  };
}
