import type { Article } from '../../../shared/model/article';
import { DEFAULT_FEEDS, type Feed } from '../../../shared/model/feed';
import type { Placement } from '../../../shared/model/placement';
import { body, imageNode, leadUse, makeArticle, makePhoto, paragraph, text } from '../shared/photo-fixtures';

/** Articles, photos and placements for the publishing rules' tests. */

export const NOW = new Date('2026-06-01T12:00:00.000Z');

export const NEWS_FEED: Feed = DEFAULT_FEEDS[0]!;
export const OPINION: Feed = DEFAULT_FEEDS[2]!;

export const leadPhoto = makePhoto('1', { creator: 'Jane Doe', creditLine: 'AFP', copyright: '© AFP 2026', headline: 'Flooded high street' }, 'lead.jpg');
export const inlineOne = makePhoto('2', { creator: 'Yves Herman', creditLine: 'REUTERS' }, 'inline-one.jpg');
export const inlineTwo = makePhoto('3', { creator: 'Ann Lee' }, 'inline-two.jpg');

export function link(url: string, words: string): Record<string, unknown> {
  return { type: 'link', version: 1, url, rel: 'noreferrer', target: null, title: null, children: [text(words)] };
}

/** A story ready to publish: headline, dek, byline, section, tags, a lead and two inline photos. */
export function fullArticle(overrides: Partial<Article> = {}): Article {
  const base = makeArticle({
    leadPhoto: leadUse(leadPhoto.id, { caption: 'Water in the high street', credit: 'Jane Doe/AFP', altText: 'A flooded street' }),
    body: body(
      paragraph(text('Water rose overnight, '), link('https://example.com/report', 'the report says'), text('.')),
      imageNode(inlineOne.id, { captionText: 'Rescuers at work', credit: 'Yves Herman/REUTERS', altText: 'Rescuers in a boat' }),
      paragraph(text('More rain is due.')),
      imageNode(inlineTwo.id, { captionText: 'The river at dawn', credit: 'Ann Lee', altText: 'A swollen river' }),
    ),
  });
  return {
    ...base,
    headline: 'Floods in the north',
    dek: 'Hundreds leave their homes as the river bursts its banks.',
    byline: [{ name: 'Sam Reporter', role: 'Correspondent', avatar: null }],
    section: 'News',
    tags: ['Floods', 'Weather'],
    status: 'approved',
    ...overrides,
  };
}

export function placementOf(article: Article, timing: Partial<Pick<Placement, 'publish' | 'embargoUntil' | 'expiresAt'>> = {}): Placement {
  return {
    item: { kind: 'article', id: article.id },
    publish: { mode: 'now' },
    embargoUntil: null,
    expiresAt: null,
    delivery: 'none',
    publishedAt: null,
    ...timing,
  };
}
