import type { Article, DraftSummary } from '../../../../shared/model/article';
import type { DraftPage, ParsedRequestOf, QuarantinedFile, RevisionInfo, SaveResult } from '../../../../shared/ipc/contract';

/** The draft store: plain Node over files in one folder, no IPC inside. */
export interface DraftStore {
  list(query: ParsedRequestOf<'drafts:list'>): DraftPage;
  get(id: string): Promise<Article>;
  create(options: { section?: string | undefined }): Promise<Article>;
  save(article: Article, reason: 'auto' | 'manual'): Promise<SaveResult>;
  duplicate(id: string): Promise<Article>;
  trash(id: string): Promise<void>;
  listTrash(): DraftSummary[];
  restoreFromTrash(id: string): Promise<DraftSummary>;
  revisions(id: string): Promise<RevisionInfo[]>;
  getRevision(id: string, revisionId: string): Promise<Article>;
  restoreRevision(id: string, revisionId: string): Promise<Article>;
  /** Files found corrupt when the store opened (or later), already moved aside. */
  quarantined(): QuarantinedFile[];
  /** Writes any pending index state; the store must not be used afterwards. */
  close(): Promise<void>;
}
