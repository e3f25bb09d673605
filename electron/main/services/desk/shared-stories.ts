import { join } from 'node:path';
import { z } from 'zod';
import { deskIdSchema, storyIdSchema } from '../../../../shared/desk/desk-protocol';
import { ArticleId } from '../../../../shared/model/article';
import type { Quarantine } from '../drafts/quarantine';
import { readDeskFile, writeDeskFile } from './desk-files';

/**
 * Which local articles are desk stories: <library>/desk/shared.json, one record per article (its
 * desk and story id). Written atomically before a story starts syncing, so a crash never leaves a
 * story syncing that the library does not know is shared.
 */
export interface SharedStory {
  articleId: string;
  deskId: string;
  storyId: string;
}

export interface SharedStories {
  list(): SharedStory[];
  byArticle(articleId: string): SharedStory | undefined;
  byStory(deskId: string, storyId: string): SharedStory | undefined;
  add(story: SharedStory): Promise<void>;
}

const SharedFile = z
  .object({
    format: z.literal(1),
    stories: z.array(z.object({ articleId: ArticleId, deskId: deskIdSchema, storyId: storyIdSchema }).strict()),
  })
  .strict();

export async function openSharedStories(deskDir: string, quarantine: Quarantine): Promise<SharedStories> {
  const path = join(deskDir, 'shared.json');
  const stories = new Map<string, SharedStory>();
  for (const story of (await readDeskFile(path, SharedFile, quarantine, 'The records of shared stories'))?.stories ?? []) {
    stories.set(story.articleId, story);
  }
  // Writes one after another, so the file follows the order of the changes.
  let writing: Promise<void> = Promise.resolve();
  return {
    list: () => [...stories.values()],
    byArticle: (articleId) => stories.get(articleId),
    byStory: (deskId, storyId) => [...stories.values()].find((story) => story.deskId === deskId && story.storyId === storyId),
    add(story) {
      const write = writing.then(async () => {
        const next = new Map(stories).set(story.articleId, story);
        await writeDeskFile(path, { format: 1, stories: [...next.values()] });
        // Kept in memory only once the disk has it: a refused write leaves the story unshared.
        stories.set(story.articleId, story);
      });
      writing = write.catch(() => undefined);
      return write;
    },
  };
}
