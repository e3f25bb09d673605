import type { Article, DraftSummary } from '../../../../shared/model/article';
import type { DraftPage, DraftQuery, RevisionInfo, SaveResult } from '../../../../shared/model/drafts';
import type { QuarantinedFile } from '../../../../shared/model/library';

/**
 * The draft store: plain Node over files in one folder, no IPC inside. Failures a person should
 * read are thrown as UserFacingError (not-found, conflict, invalid-request, io).
 */
export interface DraftStore {
  /**
   * One page of live drafts. Empty `text`: newest first by updatedAt. Otherwise full-text hits,
   * best first; this waits for the search index if it is still warming up after open.
   * Accepts the contract's query with or without its defaults applied.
   */
  list(query: DraftQuery): Promise<DraftPage>;
  get(id: string): Promise<Article>;
  create(options: { section?: string | undefined }): Promise<Article>;
  /** Creates the article if its id is new; refuses (conflict) if it is in the trash. */
  save(article: Article, reason: 'auto' | 'manual'): Promise<SaveResult>;
  duplicate(id: string): Promise<Article>;
  trash(id: string): Promise<void>;
  /**
   * The summary of one draft from the in-memory index (no file is opened), with where it is;
   * null when no such draft exists. For callers that hold ids, such as the placement board.
   */
  summaryById(id: string): { summary: DraftSummary; location: 'drafts' | 'trash' } | null;
  /** Trashed drafts, most recently updated first. */
  listTrash(): DraftSummary[];
  restoreFromTrash(id: string): Promise<DraftSummary>;
  /** Newest first, at most 50. */
  revisions(id: string): Promise<RevisionInfo[]>;
  getRevision(id: string, revisionId: string): Promise<Article>;
  /** Snapshots the current text ('before-restore'), then saves the revision's text as current. */
  restoreRevision(id: string, revisionId: string): Promise<Article>;
  /** Files found corrupt since the store opened, already moved aside. */
  quarantined(): QuarantinedFile[];
  /** Resolves once full-text search is warm (it loads in the background after open). */
  searchReady(): Promise<void>;
  /** Finishes pending writes and writes the index caches; the store must not be used afterwards. */
  close(): Promise<void>;
}
