import type { ConflictVersions } from '../../../../../shared/model/publishing';
import type { Article } from '../../../../../shared/model/article';
import type { Photo } from '../../../../../shared/model/photo';
import type { Placement } from '../../../../../shared/model/placement';
import type { FeedSpot } from '../../../../../shared/rules/publish-plan';
import type { MediaLibrary } from '../../media/types';
import type { HttpClient } from '../http/http-client';
import type { PublishContext } from '../outbox/publisher';
import type { RemoteRecords } from './remote-records';

/** What every CMS publisher takes for one attempt, beside its target and secret. */
export interface SiteJobInput {
  context: PublishContext;
  article: Article;
  /** The library's records of the photos the article uses. */
  photos: ReadonlyMap<string, Photo>;
  placement: Placement | null;
  feeds: readonly FeedSpot[];
  records: RemoteRecords;
  media: Pick<MediaLibrary, 'filePath'>;
  /** Whether published copies carry the desk's credit in their XMP (settings.photoDesk.writeXmpOnExport). */
  writeXmp: boolean;
  /** This computer's clock (tests inject one that is off); the site's clock still decides when the post goes live. */
  now?: () => Date;
  /** Per request; the http client's default when absent. */
  requestTimeoutMs?: number;
  /** How the job talks to the site, and what time it is there (from its answers' Date headers). */
  http: HttpClient;
}

/** What a change to a post already on a site (a retract, a kill) takes for one attempt, beside its target and secret. */
export interface PostChangeInput {
  context: PublishContext;
  records: RemoteRecords;
  /** The story as Newsdesk holds it, for the conflict view when the post changed on the site. */
  local: ConflictVersions['local'];
  http: HttpClient;
  requestTimeoutMs?: number;
  now?: () => Date;
}
