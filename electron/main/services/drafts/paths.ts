import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Layout of the data folder the store owns:
 *
 *   drafts/<id>.json                 one live article per file ({schemaVersion, ...article})
 *   trash/<id>.json                  trashed articles, moved here whole so restore is a rename
 *   revisions/<id>/<revisionId>.json up to 50 snapshots per article, plus manifest.json listing them
 *   quarantine/<stamp>-<name>        files that could not be read, moved aside for a person to inspect
 *   index/summaries.json             draft list cache (derived; rebuilt when missing or stale)
 *   index/search.bin                 full-text index cache (binary, see compact-index.ts; derived; rebuilt when missing or stale)
 */
export type Location = 'drafts' | 'trash';

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{7,63}$/;
export const REVISION_ID_PATTERN = /^[0-9a-z-]{1,64}$/;

export interface StorePaths {
  root: string;
  drafts: string;
  trash: string;
  revisions: string;
  quarantine: string;
  index: string;
  summariesFile: string;
  searchFile: string;
  /**
   * The library is another process's, or cannot be written: the store reads only. Housekeeping
   * (temp sweeps, pruning, cache and manifest rewrites) is skipped: the temp files may be that
   * process's writes under way.
   */
  readOnly: boolean;
}

export function storePaths(root: string, options: { readOnly?: boolean } = {}): StorePaths {
  const index = join(root, 'index');
  return {
    root,
    drafts: join(root, 'drafts'),
    trash: join(root, 'trash'),
    revisions: join(root, 'revisions'),
    quarantine: join(root, 'quarantine'),
    index,
    summariesFile: join(index, 'summaries.json'),
    searchFile: join(index, 'search.bin'),
    readOnly: options.readOnly ?? false,
  };
}

export async function ensureFolders(paths: StorePaths): Promise<void> {
  // A read-only store creates nothing; a missing folder reads as empty (library/read-only-folders.ts).
  if (paths.readOnly) return;
  for (const dir of [paths.drafts, paths.trash, paths.revisions, paths.quarantine, paths.index]) {
    await mkdir(dir, { recursive: true });
  }
}

/** Ids are checked before they become part of a path, so a request can never reach outside the folder. */
export function isArticleId(id: string): boolean {
  return ID_PATTERN.test(id);
}

export function articleFile(paths: StorePaths, location: Location, id: string): string {
  return join(location === 'drafts' ? paths.drafts : paths.trash, `${id}.json`);
}

/** The id a draft file name stands for, or null for anything that is not `<valid id>.json`. */
export function idFromFileName(name: string): string | null {
  if (!name.endsWith('.json')) return null;
  const id = name.slice(0, -'.json'.length);
  return isArticleId(id) ? id : null;
}
