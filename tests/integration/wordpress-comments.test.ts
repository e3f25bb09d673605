import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readThreads } from '../../shared/desk/comments';
import { commentedStory, commentLeaks } from '../unit/desk/comment-fixtures';
import { startWordPress, wordPressSkipReason, type WordPressSite } from '../wordpress/wordpress-server';
import { attempt, newJob, openPublishingDesk, restClient, saveArticle, type PublishingDesk, type RestPost } from './wordpress-publish-helpers';

// A story with comments (threads in its story document, marks around the commented words in its
// body) published to a real WordPress: the post has the words, nothing of the comments.
const skipReason = wordPressSkipReason();
if (skipReason) console.warn(`[wordpress-comments] skipped: ${skipReason}`);

describe.skipIf(skipReason !== null)('a commented story published to a real WordPress', () => {
  let site: WordPressSite;
  let desk: PublishingDesk;

  beforeAll(async () => {
    site = await startWordPress();
    desk = await openPublishingDesk(site, site.url);
  }, 120_000);

  afterAll(async () => {
    await desk?.close();
    await site?.stop();
  });

  it('the post content and every field of the post carry the commented words and no comment', async () => {
    const story = commentedStory();
    expect(readThreads(story.doc)).toHaveLength(2);
    const article = await saveArticle(desk.drafts, { headline: 'Bridge reopens on Monday', dek: 'The city confirms.', body: story.body });
    // The article file keeps the marks' ids (so the text stays anchored), never a comment's words.
    expect(commentLeaks(JSON.stringify(await desk.drafts.get(article.id))).filter((leak) => leak.startsWith('SECRET'))).toEqual([]);

    const result = await attempt(desk.publisher, newJob(article.id, desk.target.id));
    expect(result.error).toBeNull();
    const postId = result.outcome?.kind === 'done' ? (result.outcome.remote.postId as number) : 0;
    const post = await restClient(site).get<RestPost & { content: { raw: string; rendered: string } }>(`/posts/${postId}?context=edit`);
    expect(post.content.raw).toContain('<strong>bridge reopens</strong>');
    expect(post.content.raw).toContain('<a href="https://example.com/release">the city press release</a>');
    expect(commentLeaks(JSON.stringify(post))).toEqual([]);
  }, 120_000);
});
