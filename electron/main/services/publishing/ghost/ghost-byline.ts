import type { Author } from '../../../../../shared/model/article';
import type { GhostTarget } from '../../../../../shared/model/publishing';
import { bylineLineHtml, decideByline, type SiteAuthors, type SiteUser } from '../../../../../shared/rules/byline-match';
import { isPublishError } from '../http/publish-error';
import type { GhostApi, GhostUser } from './ghost-api';

/**
 * The staff users a Ghost post is credited to. Ghost shows several authors (the first is the
 * primary one) and needs at least one: when no byline author is a staff user, the site owner is
 * sent — what Ghost itself gives a post an integration creates — so an author credited by an
 * earlier push does not stay on a story whose byline changed. Authors no staff user matches are
 * shown in a byline line at the top of the post, as for WordPress.
 */

/** Staff change rarely: one read serves the plan and the jobs that follow for a few minutes. */
const CACHE_MS = 5 * 60_000;
const cache = new Map<string, { at: number; authors: SiteAuthors }>();

const siteUser = (user: GhostUser): SiteUser => ({ id: user.id, name: (user.name ?? '').trim(), slug: user.slug ?? '', ...(user.email ? { email: user.email } : {}) });

/** The site's staff; network failures are thrown (the job retries). */
export async function ghostSiteAuthors(api: GhostApi, cacheKey: string, signal: AbortSignal, now = Date.now()): Promise<SiteAuthors> {
  const cached = cache.get(cacheKey);
  if (cached && now - cached.at < CACHE_MS) return cached.authors;
  let staff: GhostUser[];
  try {
    staff = await api.listUsers(signal);
  } catch (error) {
    // A key whose integration may not list staff: nobody can be matched, so the whole byline goes in the line.
    if (!(isPublishError(error) && error.status === 403)) throw error;
    staff = [];
  }
  const owner = staff.find((user) => user.roles?.some((role) => role.name === 'Owner')) ?? null;
  const authors: SiteAuthors = { users: staff.map(siteUser), fallback: owner ? siteUser(owner) : null, canSetAuthor: true };
  cache.set(cacheKey, { at: now, authors });
  return authors;
}

export interface GhostByline {
  /** The staff users to credit, the primary first; absent when not even the owner is known. */
  authors?: { id: string }[];
  /** The marked byline line for an HTML card above the story, or ''. */
  lineHtml: string;
  sentences: string[];
}

export async function ghostByline(api: GhostApi, target: GhostTarget, byline: readonly Author[], signal: AbortSignal): Promise<GhostByline> {
  const site = await ghostSiteAuthors(api, `${target.siteUrl}\n${target.id}`, signal);
  const decision = decideByline('ghost', byline, site, target.bylineUsers);
  const credited = decision.siteAuthors.length > 0 ? decision.siteAuthors : site.fallback ? [site.fallback] : [];
  return {
    ...(credited.length > 0 ? { authors: credited.map((user) => ({ id: String(user.id) })) } : {}),
    lineHtml: decision.lineAuthors.length > 0 ? bylineLineHtml(decision.lineAuthors) : '',
    sentences: decision.sentences,
  };
}

/** The post's lexical with the byline line as an HTML card before the story. */
export function withBylineCard(lexical: string, lineHtml: string): string {
  if (!lineHtml) return lexical;
  const document = JSON.parse(lexical) as { root: { children: unknown[] } };
  document.root.children.unshift({ type: 'html', version: 1, html: lineHtml });
  return JSON.stringify(document);
}
