import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RemoteRecord } from '../../../../../shared/model/publishing';
import type { DraftStore } from '../../drafts/types';
import { remoteRecordsDir } from '../remote/remote-records';

/**
 * Which posts of a target are already articles here: every publish record of the target (written
 * by a push or by an earlier import) names its post, and the article it names still exists (in the
 * drafts or the trash). A record whose article is gone for good no longer counts, so that post can
 * be imported again. Damaged records are left to the publisher, which quarantines them when it reads them.
 */

export interface ImportedArticle {
  articleId: string;
  headline: string;
  inTrash: boolean;
}

/** The key of a post id of either CMS (WordPress numbers, Ghost hex strings). */
export const postKey = (postId: number | string): string => String(postId);

export async function importedPosts(libraryDir: string, targetId: string, drafts: Pick<DraftStore, 'summaryById'>): Promise<Map<string, ImportedArticle>> {
  const found = new Map<string, ImportedArticle>();
  const dir = join(remoteRecordsDir(libraryDir), targetId);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return found;
    throw error;
  }
  for (const name of names) {
    if (!name.endsWith('.json')) continue;
    let parsed: ReturnType<typeof RemoteRecord.safeParse>;
    try {
      parsed = RemoteRecord.safeParse(JSON.parse(await readFile(join(dir, name), 'utf8')));
    } catch {
      continue;
    }
    if (!parsed.success || parsed.data.postId === null || parsed.data.targetId !== targetId) continue;
    const article = drafts.summaryById(parsed.data.articleId);
    if (!article) continue;
    found.set(postKey(parsed.data.postId), { articleId: parsed.data.articleId, headline: article.summary.headline, inTrash: article.location === 'trash' });
  }
  return found;
}
