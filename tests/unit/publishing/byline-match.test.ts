import { describe, expect, it } from 'vitest';
import type { Author } from '../../../shared/model/article';
import { PublishPlan } from '../../../shared/model/publishing';
import { bylineLineHtml, bylineLineText, decideByline, matchAuthors, type SiteAuthors, type SiteUser } from '../../../shared/rules/byline-match';
import { planPublish } from '../../../shared/rules/publish-plan';
import { NOW, fullArticle } from './publishing-fixtures';

const author = (name: string, role = ''): Author => ({ name, role, avatar: null });
const lucy = author('Lucy Pakhnyuk', 'News Editor');
const ivan = author('Ivan Petrenko', 'Reporter');

const admin: SiteUser = { id: 1, name: 'admin', slug: 'admin', login: 'admin' };
const lucyUser: SiteUser = { id: 7, name: 'Lucy Pakhnyuk', slug: 'lucy', login: 'lucy' };
const kate: SiteUser = { id: 9, name: 'K. Morrow', slug: 'kmorrow', login: 'kate' };
const wordpress = (extra: Partial<SiteAuthors> = {}): SiteAuthors => ({ users: [admin, lucyUser, kate], fallback: admin, canSetAuthor: true, ...extra });

const owner: SiteUser = { id: 'o1', name: 'Test Owner', slug: 'test-owner', email: 'owner@example.com' };
const ghost: SiteAuthors = { users: [owner, { id: 'g2', name: 'Lucy Pakhnyuk', slug: 'lucy-pakhnyuk', email: 'lucy@example.com' }], fallback: owner, canSetAuthor: true };

describe('matching byline authors to site users', () => {
  it('matches by the mapping first, then the display name, then the slug, ignoring case and spacing', () => {
    const users = [admin, lucyUser, kate, { id: 11, name: 'Someone Else', slug: 'ivan-petrenko' }];
    const matches = matchAuthors([author('  lucy   PAKHNYUK '), author('Kate Morrow'), ivan, author('Nobody Here')], users, [{ name: 'Kate Morrow', user: 'KATE' }]);
    expect(matches.map((match) => match.user?.id ?? null)).toEqual([7, 9, 11, null]);
  });

  it('says when the mapping names a user the site does not have, rather than matching by name', () => {
    const [match] = matchAuthors([lucy], [lucyUser], [{ name: 'Lucy Pakhnyuk', user: 'lpakhnyuk' }]);
    expect(match).toMatchObject({ user: null, missingMappedUser: 'lpakhnyuk' });
  });

  it('writes the byline line in the house format, marked as Newsdesk’s and escaped', () => {
    expect(bylineLineText([lucy])).toBe('By Lucy Pakhnyuk, News Editor');
    expect(bylineLineText([author('A <b>&'), author('B')])).toBe('By A <b>& and B');
    expect(bylineLineHtml([lucy])).toBe('<p class="byline newsdesk-byline">By <span class="author">Lucy Pakhnyuk</span>, <span class="role">News Editor</span></p>');
  });
});

describe('what a WordPress site shows as the byline', () => {
  it('credits the first matched author and shows the other in the line', () => {
    const decision = decideByline('wordpress', [ivan, lucy], wordpress());
    expect(decision.siteAuthors).toEqual([lucyUser]);
    expect(decision.lineAuthors).toEqual([ivan]);
    expect(decision.sentences).toEqual([
      'Author on the site: Lucy Pakhnyuk (site user lucy).',
      'Byline shown as a line at the top: “By Ivan Petrenko, Reporter”; no site user matches “Ivan Petrenko”.',
    ]);
  });

  it('puts a second matched author in the line, since WordPress credits one author per post', () => {
    const decision = decideByline('wordpress', [lucy, author('K Morrow')], wordpress(), [{ name: 'K Morrow', user: 'kmorrow' }]);
    expect(decision.siteAuthors).toEqual([lucyUser]);
    expect(decision.sentences[1]).toBe('Byline shown as a line at the top: “By K Morrow”; WordPress credits one author per post, so “K Morrow” goes in the line.');
  });

  it('keeps the signing-in user as author when no byline author matches, and names them', () => {
    const decision = decideByline('wordpress', [lucy], wordpress({ users: [admin] }));
    expect(decision.siteAuthors).toEqual([]);
    expect(decision.lineAuthors).toEqual([lucy]);
    expect(decision.sentences[0]).toBe('Author on the site: admin (site user admin), the user Newsdesk signs in as — no byline author is credited on the site.');
  });

  it('without edit_others_posts credits nobody else and shows every other author in the line', () => {
    const decision = decideByline('wordpress', [lucy], wordpress({ canSetAuthor: false }));
    expect(decision.siteAuthors).toEqual([]);
    expect(decision.sentences[1]).toBe(
      'Byline shown as a line at the top: “By Lucy Pakhnyuk, News Editor”; the user “admin” may not credit another author (WordPress needs edit_others_posts), so “Lucy Pakhnyuk” goes in the line.',
    );
  });

  it('says only users with published posts could be looked up when the site would not list them all', () => {
    const decision = decideByline('wordpress', [ivan], wordpress({ partialList: true }));
    expect(decision.sentences.at(-1)).toMatch(/^Only users who have published posts could be looked up \(listing every user needs list_users\)/);
  });

  it('says the users are matched at publish time when the site could not be read', () => {
    const decision = decideByline('wordpress', [lucy], { users: null, unknownReason: 'The site did not answer', fallback: null, canSetAuthor: false });
    expect(decision.sentences).toEqual([
      "The site's users could not be read (The site did not answer): each byline author is matched when the job runs, and those no site user matches are shown in a byline line at the top of the post.",
    ]);
  });
});

describe('what a Ghost site shows as the byline', () => {
  it('credits every matched staff user, by email mapping too, and shows the unmatched in the line', () => {
    const decision = decideByline('ghost', [lucy, ivan, author('T. Owner')], ghost, [{ name: 'T. Owner', user: 'owner@example.com' }]);
    expect(decision.siteAuthors.map((user) => user.id)).toEqual(['g2', 'o1']);
    expect(decision.lineAuthors).toEqual([ivan]);
  });

  it('names the owner Ghost falls back to when no author is a staff user', () => {
    const decision = decideByline('ghost', [ivan], ghost);
    expect(decision.sentences).toEqual([
      'Author on the site: Test Owner (site user owner@example.com), the site owner — Ghost needs at least one author, and no byline author is credited on the site.',
      'Byline shown as a line at the top: “By Ivan Petrenko, Reporter”; no site user matches “Ivan Petrenko”.',
    ]);
  });
});

describe('the publish plan’s byline', () => {
  it('carries the sentences for a CMS and leaves them out for ninjs', () => {
    const article = fullArticle({ byline: [ivan, lucy] });
    const sentences = decideByline('wordpress', article.byline, wordpress()).sentences;
    const base = { article, placement: null, feeds: [], mode: 'publish' as const, existing: null, now: NOW, byline: sentences };
    expect(PublishPlan.parse(planPublish({ ...base, targetKind: 'wordpress' })).byline).toEqual(sentences);
    expect(planPublish({ ...base, targetKind: 'ninjs' }).byline).toBeUndefined();
  });
});
