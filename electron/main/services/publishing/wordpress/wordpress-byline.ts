import type { Author } from '../../../../../shared/model/article';
import type { WordPressTarget } from '../../../../../shared/model/publishing';
import { bylineLineHtml, decideByline, type SiteAuthors, type SiteUser } from '../../../../../shared/rules/byline-match';
import { errorFromResponse, isSuccess } from '../http/http-client';
import type { WordPressApi } from './wordpress-api';

/**
 * The users a WordPress site can credit as a post's author, and whether the user Newsdesk signs in
 * as may credit someone else. Setting `author` to another user needs `edit_others_posts` (editors
 * and administrators); without it WordPress refuses the whole post with 403
 * rest_cannot_edit_others, so Newsdesk then leaves the author alone and puts the byline in the line.
 * Listing every user needs `list_users` (administrators); without it the REST API lists only users
 * who have published posts, which is said in the plan.
 */

interface WpUser {
  id: number;
  name?: string;
  slug?: string;
  username?: string;
  capabilities?: Record<string, boolean>;
}

const PAGE_SIZE = 100;
/** A newsroom's site has tens of users; ten pages is a bound, not an expectation. */
const MAX_PAGES = 10;
/** Users change rarely: one read serves the plan and the jobs that follow for a few minutes. */
const CACHE_MS = 5 * 60_000;
const cache = new Map<string, { at: number; authors: SiteAuthors }>();

const siteUser = (user: WpUser): SiteUser => ({ id: user.id, name: (user.name ?? '').trim(), slug: user.slug ?? '', ...(user.username ? { login: user.username } : {}) });

async function listUsers(api: WordPressApi, context: 'edit' | 'view', signal: AbortSignal): Promise<WpUser[] | 'forbidden'> {
  const users: WpUser[] = [];
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const query = { context, per_page: String(PAGE_SIZE), page: String(page), _fields: 'id,name,slug,username' };
    const response = await api.get('/users', query, signal);
    if (response.status === 401 || response.status === 403) return 'forbidden';
    // Past the last page WordPress answers 400 rest_post_invalid_page_number.
    if (response.status === 400 && page > 1) break;
    if (!isSuccess(response)) throw errorFromResponse(response, 'list the site’s users');
    const batch = response.json<WpUser[]>();
    if (!Array.isArray(batch)) break;
    users.push(...batch.filter((user) => typeof user.id === 'number'));
    if (batch.length < PAGE_SIZE) break;
  }
  return users;
}

/** The site's users as the signing-in user may see them; network failures are thrown (the job retries). */
export async function wordPressSiteAuthors(api: WordPressApi, cacheKey: string, signal: AbortSignal, now = Date.now()): Promise<SiteAuthors> {
  const cached = cache.get(cacheKey);
  if (cached && now - cached.at < CACHE_MS) return cached.authors;
  const meResponse = await api.get('/users/me', { context: 'edit', _fields: 'id,name,slug,username,capabilities' }, signal);
  if (!isSuccess(meResponse)) throw errorFromResponse(meResponse, 'read the signing-in user');
  const me = meResponse.json<WpUser>();
  const fallback = me && typeof me.id === 'number' ? siteUser(me) : null;
  const canSetAuthor = me?.capabilities?.edit_others_posts === true;
  let listed = await listUsers(api, 'edit', signal);
  let partialList = false;
  if (listed === 'forbidden') {
    partialList = true;
    listed = await listUsers(api, 'view', signal);
  }
  const users = listed === 'forbidden' ? [] : listed.map(siteUser);
  if (fallback && !users.some((user) => user.id === fallback.id)) users.push(fallback);
  const authors: SiteAuthors = { users, fallback, canSetAuthor, ...(partialList ? { partialList } : {}) };
  cache.set(cacheKey, { at: now, authors });
  return authors;
}

export interface WordPressByline {
  /** The user to credit; absent leaves the post's author as WordPress has it. */
  author?: number;
  /** The marked byline line to put above the story, or ''. */
  lineHtml: string;
  sentences: string[];
}

/** Who the post is credited to and the byline line, for this target and byline. */
export async function wordPressByline(api: WordPressApi, target: WordPressTarget, byline: readonly Author[], signal: AbortSignal): Promise<WordPressByline> {
  const site = await wordPressSiteAuthors(api, `${target.siteUrl}\n${target.user}`, signal);
  const decision = decideByline('wordpress', byline, site, target.bylineUsers);
  const first = decision.siteAuthors[0];
  // With nobody matched, the signing-in user is credited explicitly, so an author credited by an
  // earlier push is not left on a story whose byline changed.
  const author = first ?? (site.canSetAuthor ? site.fallback : null);
  return {
    ...(author && typeof author.id === 'number' ? { author: author.id } : {}),
    lineHtml: decision.lineAuthors.length > 0 ? bylineLineHtml(decision.lineAuthors) : '',
    sentences: decision.sentences,
  };
}
