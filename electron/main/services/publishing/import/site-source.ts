import type { RemotePostId } from '../../../../../shared/model/publishing';
import type { SitePostSummary } from '../../../../../shared/model/site-import';
import type { PostSummary } from '../remote/site-post';

/**
 * What importing needs from a CMS, whichever it is: a page of its posts, and one post in full.
 * wordpress-source.ts and ghost-source.ts read them with the target's own credentials.
 */

export interface SourcePage {
  posts: Omit<SitePostSummary, 'importedAs'>[];
  page: number;
  totalPages: number;
  total: number;
}

export interface SourceQuery {
  search: string;
  page: number;
  perPage: number;
}

/** The site's featured (lead) picture of a post. */
export interface SourceLead {
  url: string;
  /** Plain text or HTML, as the site keeps it. */
  caption: string;
  alt: string;
  /** WordPress's media id (0 on Ghost, where the address is the picture). */
  mediaId: number;
}

export interface SourcePost {
  remoteId: RemotePostId;
  /** Title and excerpt as HTML (a plain-text title is escaped), content as HTML: what remote-to-article reads. */
  title: string;
  excerpt: string;
  html: string;
  slug: string;
  author: string;
  /**
   * The names that may be the article's section: WordPress's categories but the default one (in the
   * site's order, which is not the order they were sent in), Ghost's primary tag.
   */
  categories: string[];
  /** Its tags by name, in the site's order (Ghost: those after the primary one). */
  tags: string[];
  lead: SourceLead | null;
  /** What the publish record keeps of the post, computed exactly as the publisher does. */
  summary: PostSummary;
  /** The CMS's name in sentences. */
  cms: 'WordPress' | 'Ghost';
  /** What could not be read while reading the post (a featured image the site would not give). */
  notes: string[];
}

export interface SiteSource {
  list(query: SourceQuery, signal: AbortSignal): Promise<SourcePage>;
  read(remoteId: RemotePostId, signal: AbortSignal): Promise<SourcePost>;
  /** Where relative picture addresses in the posts point. */
  siteUrl: string;
}
