import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../shared/model/article';
import { articleFromRemote } from '../../electron/main/services/publishing/remote/remote-to-article';
import { startWordPress, wordPressSkipReason, type WordPressSite } from '../wordpress/wordpress-server';
import { bylineAuthor, paragraphs, planOf } from './byline-helpers';
import { attempt, newJob, openDeskFor, openPublishingDesk, restClient, saveArticle, type PublishingDesk, type RestPost } from './wordpress-publish-helpers';

const skipReason = wordPressSkipReason();
if (skipReason) console.warn(`[wordpress-bylines] skipped: ${skipReason}`);

type AuthoredPost = RestPost & { author: number; content: { raw: string; rendered: string } };

const LINE_OF_IVAN = '<p class="byline newsdesk-byline">By <span class="author">Ivan Petrenko</span>, <span class="role">Reporter</span></p>';
const count = (text: string, part: string) => text.split(part).length - 1;

describe.skipIf(skipReason !== null)('bylines on a real WordPress', () => {
  let site: WordPressSite;
  let desk: PublishingDesk;
  let rest: ReturnType<typeof restClient>;
  let lucyId: number;
  let article: Article;
  let postId: number;

  beforeAll(async () => {
    site = await startWordPress();
    desk = await openPublishingDesk(site, site.url);
    rest = restClient(site);
    // A site user whose display name is the byline's: matched by name, no mapping needed.
    const lucy = await rest.post<{ id: number }>('/users', { username: 'lucy', name: 'Lucy Pakhnyuk', email: 'lucy@example.com', password: `L-${Date.now()}-pw!`, roles: ['editor'] });
    lucyId = lucy.id;
    article = await saveArticle(desk.drafts, {
      headline: 'Council approves the flood wall',
      byline: [bylineAuthor('Ivan Petrenko', 'Reporter'), bylineAuthor('Lucy Pakhnyuk', 'News Editor')],
      body: paragraphs('The council voted 7 to 2.', 'Work starts in May.'),
    });
  }, 120_000);

  afterAll(async () => {
    await desk?.close();
    await site?.stop();
  });

  it('says in the plan who the site credits and what the byline line shows', async () => {
    const plan = await planOf(desk, article.id);
    expect(plan.byline).toEqual([
      'Author on the site: Lucy Pakhnyuk (site user lucy).',
      'Byline shown as a line at the top: “By Ivan Petrenko, Reporter”; no site user matches “Ivan Petrenko”.',
    ]);
  });

  it('credits the matching user as the post’s author and shows the other author as the byline line', async () => {
    const result = await attempt(desk.publisher, newJob(article.id, desk.target.id));
    expect(result.error).toBeNull();
    expect(result.outcome?.kind).toBe('done');
    postId = result.outcome?.kind === 'done' ? Number(result.outcome.remote.postId) : 0;
    const post = await rest.get<AuthoredPost>(`/posts/${postId}?context=edit`);
    expect(post.author).toBe(lucyId);
    expect(post.content.raw.startsWith(`${LINE_OF_IVAN}\n`)).toBe(true);
    expect(post.content.rendered).toContain('By <span class="author">Ivan Petrenko</span>, <span class="role">Reporter</span>');
    expect(result.log).toContain('info: Author on the site: Lucy Pakhnyuk (site user lucy).');
  });

  it('replaces the byline line on update instead of adding a second one, and follows a byline change', async () => {
    await desk.drafts.save({ ...(await desk.drafts.get(article.id)), body: paragraphs('The council voted 7 to 2.', 'Work starts in June.') }, 'manual');
    expect((await attempt(desk.publisher, newJob(article.id, desk.target.id))).outcome?.kind).toBe('done');
    let post = await rest.get<AuthoredPost>(`/posts/${postId}?context=edit`);
    expect(count(post.content.raw, 'newsdesk-byline')).toBe(1);
    expect(post.content.raw).toContain('Work starts in June.');

    // Lucy alone now: she is the author and no line is left behind.
    await desk.drafts.save({ ...(await desk.drafts.get(article.id)), byline: [bylineAuthor('Lucy Pakhnyuk', 'News Editor')] }, 'manual');
    expect((await attempt(desk.publisher, newJob(article.id, desk.target.id))).outcome?.kind).toBe('done');
    post = await rest.get<AuthoredPost>(`/posts/${postId}?context=edit`);
    expect(post.author).toBe(lucyId);
    expect(count(post.content.raw, 'newsdesk-byline')).toBe(0);
  });

  it('leaves the byline line out when the post is read back into an article', async () => {
    const withLine = `${LINE_OF_IVAN}\n<p>The council voted 7 to 2.</p>`;
    const { article: back } = articleFromRemote({ title: 'Council approves the flood wall', excerpt: '', html: withLine }, article, []);
    expect(JSON.stringify(back.body)).not.toContain('Ivan Petrenko');
    expect(JSON.stringify(back.body)).toContain('The council voted 7 to 2.');
    expect(back.byline).toEqual(article.byline);
  });

  it('keeps the signing-in author when that user may not credit others, and shows the whole byline as the line', async () => {
    // An "author" role user: may publish own posts, lacks edit_others_posts.
    const writer = await rest.post<{ id: number }>('/users', { username: 'writer', name: 'Wren Writer', email: 'writer@example.com', password: `W-${Date.now()}-pw!`, roles: ['author'] });
    const { password } = await rest.post<{ password: string }>(`/users/${writer.id}/application-passwords`, { name: 'Newsdesk' });
    const writerDesk = await openDeskFor({ kind: 'wordpress', name: 'As writer', siteUrl: site.url, user: 'writer', secret: password }, 'newsdesk-bylines-writer-');
    try {
      const story = await saveArticle(writerDesk.drafts, {
        headline: 'Writer’s story',
        byline: [bylineAuthor('Lucy Pakhnyuk', 'News Editor'), bylineAuthor('Ivan Petrenko', 'Reporter')],
        body: paragraphs('Text.'),
      });
      // What WordPress itself does when such a user names another author: the whole post is refused.
      const refused = await fetch(`${site.url}/wp-json/wp/v2/posts`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`writer:${password}`).toString('base64')}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Probe', status: 'draft', author: lucyId }),
      });
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { code: string }).code).toBe('rest_cannot_edit_others');
      const plan = await planOf(writerDesk, story.id);
      expect(plan.byline?.[0]).toBe('Author on the site: Wren Writer (site user writer), the user Newsdesk signs in as — no byline author is credited on the site.');
      expect(plan.byline?.[1]).toContain('the user “writer” may not credit another author (WordPress needs edit_others_posts)');
      const result = await attempt(writerDesk.publisher, newJob(story.id, writerDesk.target.id));
      expect(result.error).toBeNull();
      const id = result.outcome?.kind === 'done' ? Number(result.outcome.remote.postId) : 0;
      const post = await rest.get<AuthoredPost>(`/posts/${id}?context=edit`);
      expect(post.author).toBe(writer.id);
      expect(post.content.raw).toContain('By <span class="author">Lucy Pakhnyuk</span>, <span class="role">News Editor</span>; <span class="author">Ivan Petrenko</span>');
    } finally {
      await writerDesk.close();
    }
  });
});
