import { readdir, readFile, stat } from 'node:fs/promises';
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

/**
 * Per record file: the post and article it names, as read when the file was last replaced. Every
 * record write is an atomic rename, so a file with the same inode, size and time is the one read
 * before; only new or replaced files are read again (importing one post at a time would otherwise
 * read every record of the target at every post).
 */
interface SeenRecord {
  ino: number;
  size: number;
  mtimeMs: number;
  post: string | null;
  articleId: string;
}
const seenFiles = new Map<string, SeenRecord>();

async function readRecord(path: string, targetId: string): Promise<Pick<SeenRecord, 'post' | 'articleId'>> {
  try {
    const parsed = RemoteRecord.safeParse(JSON.parse(await readFile(path, 'utf8')));
    if (parsed.success && parsed.data.postId !== null && parsed.data.targetId === targetId) return { post: postKey(parsed.data.postId), articleId: parsed.data.articleId };
  } catch {
    // Unreadable or gone meanwhile: it names no post.
  }
  return { post: null, articleId: '' };
}

async function recordsIn(dir: string, targetId: string): Promise<Map<string, string>> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  const articles = new Map<string, string>();
  for (const name of names) {
    if (!name.endsWith('.json')) continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (!info) continue;
    let seen = seenFiles.get(path);
    if (!seen || seen.ino !== info.ino || seen.size !== info.size || seen.mtimeMs !== info.mtimeMs) {
      seen = { ino: info.ino, size: info.size, mtimeMs: info.mtimeMs, ...(await readRecord(path, targetId)) };
      seenFiles.set(path, seen);
    }
    if (seen.post !== null) articles.set(seen.post, seen.articleId);
  }
  return articles;
}

export async function importedPosts(libraryDir: string, targetId: string, drafts: Pick<DraftStore, 'summaryById'>): Promise<Map<string, ImportedArticle>> {
  const found = new Map<string, ImportedArticle>();
  for (const [post, articleId] of await recordsIn(join(remoteRecordsDir(libraryDir), targetId), targetId)) {
    // Whether the article still exists is asked each time (it is in memory): a deleted one frees its post.
    const article = drafts.summaryById(articleId);
    if (article) found.set(post, { articleId, headline: article.summary.headline, inTrash: article.location === 'trash' });
  }
  return found;
}
