import type { Author } from '../model/article';
import type { BylineUserLink } from '../model/publishing';
import { bylineHtml } from './article-html';
import { slugify } from './slug';

/**
 * Who a CMS shows as a story's author. Each byline author is matched to a site user — by the
 * target's mapping first, then by display name, then by slug — and the site credits those it can
 * (WordPress one author per post, Ghost several). Authors the site cannot credit are not dropped:
 * they are shown in a byline line at the top of the post, in the house format of the HTML export,
 * marked with a class so an update replaces the line and reading the post back leaves it out.
 */

export type BylineCms = 'wordpress' | 'ghost';

export interface SiteUser {
  id: string | number;
  /** The display name the site shows. */
  name: string;
  slug: string;
  /** WordPress: the login name. */
  login?: string;
  /** Ghost: the staff user's email. */
  email?: string;
}

/** What is known of a site's users. */
export interface SiteAuthors {
  /** null when they could not be read; `unknownReason` says why. */
  users: readonly SiteUser[] | null;
  unknownReason?: string;
  /** Who the post is credited to when no byline author is: WordPress the signing-in user, Ghost the owner. */
  fallback: SiteUser | null;
  /** WordPress: whether the signing-in user may credit another user (edit_others_posts). Ghost: always. */
  canSetAuthor: boolean;
  /** WordPress without list_users: only users who have published posts could be listed. */
  partialList?: boolean;
}

export interface AuthorMatch {
  author: Author;
  user: SiteUser | null;
  /** The mapping named a user the site does not have. */
  missingMappedUser?: string;
}

export interface BylineDecision {
  /** The site users the post is credited to, in byline order; empty when the site's default stands. */
  siteAuthors: SiteUser[];
  /** Authors shown in the byline line at the top of the post; empty: no line. */
  lineAuthors: Author[];
  /** What the site will show, in sentences for the publish plan and the job's log. */
  sentences: string[];
}

/** The class that marks the byline line Newsdesk writes into a post. */
export const BYLINE_LINE_CLASS = 'newsdesk-byline';

const fold = (text: string): string => text.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase();

const namedAuthors = (byline: readonly Author[]): Author[] => byline.filter((author) => author.name.trim() !== '');

/** How the editor knows a site user: WordPress's login, Ghost's email, else the slug. */
export function userLabel(user: SiteUser): string {
  return user.login || user.email || user.slug || String(user.id);
}

function userNamed(users: readonly SiteUser[], wanted: string): SiteUser | null {
  const key = fold(wanted);
  return users.find((user) => [user.login, user.email, user.slug, user.name].some((value) => value !== undefined && fold(value) === key)) ?? null;
}

/** Each named byline author with the site user it stands for, or null. */
export function matchAuthors(byline: readonly Author[], users: readonly SiteUser[], links: readonly BylineUserLink[] = []): AuthorMatch[] {
  return namedAuthors(byline).map((author) => {
    const name = fold(author.name);
    const link = links.find((candidate) => fold(candidate.name) === name);
    if (link) {
      const user = userNamed(users, link.user);
      return user ? { author, user } : { author, user: null, missingMappedUser: link.user.trim() };
    }
    const byName = users.find((user) => fold(user.name) === name);
    if (byName) return { author, user: byName };
    const slug = slugify(author.name);
    const bySlug = slug ? users.find((user) => user.slug === slug || (user.login !== undefined && fold(user.login) === slug)) : undefined;
    return { author, user: bySlug ?? null };
  });
}

/** The byline line as HTML: the export's byline paragraph, marked as Newsdesk's. */
export function bylineLineHtml(authors: readonly Author[]): string {
  return bylineHtml(authors).replace('<p class="byline">', `<p class="byline ${BYLINE_LINE_CLASS}">`).trimEnd();
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** The byline line as the reader sees it: "By Lucy Pakhnyuk, News Editor". */
export function bylineLineText(authors: readonly Author[]): string {
  return bylineHtml(authors)
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity)
    .trim();
}

function siteAuthorSentence(user: SiteUser): string {
  return `Author on the site: ${user.name} (site user ${userLabel(user)}).`;
}

function whyInLine(match: AuthorMatch, cms: BylineCms, credited: readonly SiteUser[], site: SiteAuthors): string {
  const name = match.author.name.trim();
  if (match.missingMappedUser !== undefined) return `the mapping names “${match.missingMappedUser}” for “${name}”, and the site has no such user`;
  if (!match.user) return `no site user matches “${name}”`;
  if (cms === 'wordpress' && !site.canSetAuthor) {
    const me = site.fallback ? `“${userLabel(site.fallback)}”` : 'Newsdesk signs in as';
    return `the user ${me} may not credit another author (WordPress needs edit_others_posts), so “${name}” goes in the line`;
  }
  if (cms === 'wordpress' && credited.length > 0) return `WordPress credits one author per post, so “${name}” goes in the line`;
  return `“${name}” is not credited on the site`;
}

function fallbackSentence(cms: BylineCms, site: SiteAuthors, why: string): string {
  const who = site.fallback ? `${site.fallback.name} (site user ${userLabel(site.fallback)})` : null;
  if (cms === 'wordpress') return `Author on the site: ${who ?? 'the user Newsdesk signs in as'}, the user Newsdesk signs in as — ${why}.`;
  return `Author on the site: ${who ?? 'the site owner'}, the site owner — Ghost needs at least one author, and ${why}.`;
}

/** Who the site will credit and what goes in the byline line, for a known list of users. */
export function decideByline(cms: BylineCms, byline: readonly Author[], site: SiteAuthors, links: readonly BylineUserLink[] = []): BylineDecision {
  const authors = namedAuthors(byline);
  if (site.users === null) {
    const sentences = [`The site's users could not be read (${site.unknownReason ?? 'no answer'}): each byline author is matched when the job runs, and those no site user matches are shown in a byline line at the top of the post.`];
    return { siteAuthors: [], lineAuthors: authors, sentences };
  }
  const matches = matchAuthors(authors, site.users, links);
  const credited: SiteUser[] = [];
  const inLine: AuthorMatch[] = [];
  for (const match of matches) {
    const user = match.user;
    const own = user !== null && site.fallback !== null && user.id === site.fallback.id;
    const creditable = user !== null && (site.canSetAuthor || own) && (cms === 'ghost' || credited.length === 0);
    if (creditable && !credited.some((known) => known.id === user.id)) credited.push(user);
    else if (!creditable) inLine.push(match);
  }
  const sentences = credited.map(siteAuthorSentence);
  if (credited.length === 0) {
    const why = authors.length === 0 ? 'the story has no byline' : 'no byline author is credited on the site';
    sentences.push(fallbackSentence(cms, site, why));
  }
  if (inLine.length > 0) {
    const line = bylineLineText(inLine.map((match) => match.author));
    const reasons = inLine.map((match) => whyInLine(match, cms, credited, site));
    sentences.push(`Byline shown as a line at the top: “${line}”; ${reasons.join('; ')}.`);
  }
  if (site.partialList && inLine.some((match) => match.user === null)) {
    sentences.push('Only users who have published posts could be looked up (listing every user needs list_users): map a byline name to its user in the target’s settings if it is missing.');
  }
  return { siteAuthors: credited, lineAuthors: inLine.map((match) => match.author), sentences };
}
