import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../shared/model/article';
import { articleFromRemote } from '../../electron/main/services/publishing/remote/remote-to-article';
import { ghostSkipReason, startGhost, type GhostSite } from '../ghost/ghost-server';
import { addGhostStaffUser, bylineAuthor, paragraphs, planOf } from './byline-helpers';
import { ghostAdmin } from './ghost-publish-helpers';
import { attempt, newJob, openDeskFor, saveArticle, type PublishingDesk } from './wordpress-publish-helpers';

const skipReason = ghostSkipReason();
if (skipReason) console.warn(`[ghost-bylines] skipped: ${skipReason}`);

interface AuthoredPost {
  id: string;
  html: string;
  lexical: string;
  authors: { id: string; email: string; name: string }[];
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe.skipIf(skipReason !== null)('bylines on a real Ghost', () => {
  let site: GhostSite;
  let desk: PublishingDesk;
  let admin: ReturnType<typeof ghostAdmin>;
  let article: Article;
  let postId: string;
  const read = async (id: string): Promise<AuthoredPost> => {
    const { json } = await admin.call<{ posts: AuthoredPost[] }>('GET', `/posts/${id}/?formats=html,lexical&include=authors`);
    return json.posts[0]!;
  };

  beforeAll(async () => {
    site = await startGhost();
    admin = ghostAdmin(site);
    // A second staff user, matched by display name (before the desk first reads the staff list).
    await addGhostStaffUser(site, { name: 'Maria Koval', slug: 'maria-koval', email: 'maria@example.com' });
    // The staff user (the site's owner, "Test Owner") signs as Lucy Pakhnyuk by the target's mapping, by email.
    desk = await openDeskFor(
      { kind: 'ghost', name: 'Test Ghost', siteUrl: site.url, secret: site.adminApiKey, bylineUsers: [{ name: 'Lucy Pakhnyuk', user: 'owner@example.com' }] },
      'newsdesk-ghost-bylines-',
    );
    article = await saveArticle(desk.drafts, {
      headline: 'Harbour reopens after the storm',
      byline: [bylineAuthor('Ivan Petrenko', 'Reporter'), bylineAuthor('Lucy Pakhnyuk', 'News Editor')],
      body: paragraphs('Ships came back at dawn.'),
    });
  }, 240_000);

  afterAll(async () => {
    await desk?.close();
    await site?.stop();
  });

  it('says in the plan which staff user Ghost credits and what the byline line shows', async () => {
    const plan = await planOf(desk, article.id);
    expect(plan.byline).toEqual([
      'Author on the site: Test Owner (site user owner@example.com).',
      'Byline shown as a line at the top: “By Ivan Petrenko, Reporter”; no site user matches “Ivan Petrenko”.',
    ]);
  });

  it('credits the mapped staff user and shows the other author once, as a line above the story', async () => {
    const result = await attempt(desk.publisher, newJob(article.id, desk.target.id));
    expect(result.error).toBeNull();
    postId = result.outcome?.kind === 'done' ? String(result.outcome.remote.postId) : '';
    const post = await read(postId);
    expect(post.authors.map((author) => author.email)).toEqual(['owner@example.com']);
    // Ghost renders the HTML card as it is, before the story's first paragraph.
    expect(post.html).toMatch(/<p class="byline newsdesk-byline">By <span class="author">Ivan Petrenko<\/span>, <span class="role">Reporter<\/span><\/p>[\s\S]*Ships came back at dawn\./);
    expect(count(post.html, 'newsdesk-byline')).toBe(1);
  });

  it('replaces the line on update, and reading the post back leaves it out of the story', async () => {
    await desk.drafts.save({ ...(await desk.drafts.get(article.id)), body: paragraphs('Ships came back at noon.') }, 'manual');
    const result = await attempt(desk.publisher, newJob(article.id, desk.target.id));
    expect(result.error).toBeNull();
    const post = await read(postId);
    expect(count(post.html, 'newsdesk-byline')).toBe(1);
    expect(count(post.lexical, 'newsdesk-byline')).toBe(1);
    expect(post.html).toContain('Ships came back at noon.');
    const { article: back } = articleFromRemote({ title: 'Harbour reopens after the storm', excerpt: '', html: post.html }, article, []);
    expect(JSON.stringify(back.body)).not.toContain('Ivan Petrenko');
    expect(JSON.stringify(back.body)).toContain('Ships came back at noon.');
  });

  it('credits every matching staff user in byline order, the first as primary, with no line when all match', async () => {
    const story = await saveArticle(desk.drafts, {
      headline: 'Two desks, one story',
      byline: [bylineAuthor('Maria Koval', 'Reporter'), bylineAuthor('Lucy Pakhnyuk', 'News Editor')],
      body: paragraphs('Joint reporting.'),
    });
    expect((await planOf(desk, story.id)).byline).toEqual(['Author on the site: Maria Koval (site user maria@example.com).', 'Author on the site: Test Owner (site user owner@example.com).']);
    const result = await attempt(desk.publisher, newJob(story.id, desk.target.id));
    expect(result.error).toBeNull();
    const post = await read(result.outcome?.kind === 'done' ? String(result.outcome.remote.postId) : '');
    expect(post.authors.map((author) => author.email)).toEqual(['maria@example.com', 'owner@example.com']);
    expect(count(post.html, 'newsdesk-byline')).toBe(0);
  });

  it('sends the owner when no byline author is a staff user (Ghost needs one), with the whole byline as the line', async () => {
    const story = await saveArticle(desk.drafts, {
      headline: 'Ferry timetable changes',
      byline: [bylineAuthor('Ivan Petrenko', 'Reporter'), bylineAuthor('Olga Marchenko', 'Photographer')],
      body: paragraphs('New times from Monday.'),
    });
    const plan = await planOf(desk, story.id);
    expect(plan.byline?.[0]).toBe('Author on the site: Test Owner (site user owner@example.com), the site owner — Ghost needs at least one author, and no byline author is credited on the site.');
    const result = await attempt(desk.publisher, newJob(story.id, desk.target.id));
    expect(result.error).toBeNull();
    const post = await read(result.outcome?.kind === 'done' ? String(result.outcome.remote.postId) : '');
    expect(post.authors.map((author) => author.email)).toEqual(['owner@example.com']);
    expect(post.html).toContain('By <span class="author">Ivan Petrenko</span>, <span class="role">Reporter</span>; <span class="author">Olga Marchenko</span>, <span class="role">Photographer</span>');
  });
});
