import { describe, expect, it } from 'vitest';
import { CheckIssueView } from '../../../shared/model/publish-check';
import type { Article } from '../../../shared/model/article';
import type { Photo } from '../../../shared/model/photo';
import type { Placement } from '../../../shared/model/placement';
import type { PublishMode } from '../../../shared/model/publishing';
import { HEADLINE_FEED_LENGTH, HEADLINE_MAX_LENGTH, checkForPublishing } from '../../../shared/rules/publish-check';
import { body, imageNode, leadUse, makePhoto, paragraph, photoMap, text } from '../shared/photo-fixtures';
import { NOW, fullArticle, inlineOne, inlineTwo, leadPhoto, link, placementOf } from './publishing-fixtures';

const allPhotos = photoMap(leadPhoto, inlineOne, inlineTwo);

function check(
  article: Article,
  options: { photos?: ReadonlyMap<string, Photo>; placement?: Placement | null; mode?: PublishMode } = {},
) {
  const report = checkForPublishing({ article, photos: options.photos ?? allPhotos, placement: options.placement ?? null, now: NOW, mode: options.mode ?? 'publish' });
  const all = [...report.blocking, ...report.warnings];
  // Every finding crosses IPC and is acknowledged by its code: valid, and codes unique in the report.
  for (const finding of all) CheckIssueView.parse(finding);
  expect(new Set(all.map((finding) => finding.code)).size).toBe(all.length);
  return report;
}

const codes = (issues: readonly { code: string }[]) => issues.map((issue) => issue.code);

describe('checkForPublishing: the story', () => {
  it('passes a complete, approved story with credited photos', () => {
    expect(check(fullArticle())).toEqual({ blocking: [], warnings: [] });
  });

  it('blocks a missing headline', () => {
    const report = check(fullArticle({ headline: '   ' }));
    expect(report.blocking).toEqual([
      { severity: 'blocking', code: 'headline-missing', message: 'The story has no headline.', where: 'article', photoId: '', index: 0 },
    ]);
  });

  it(`warns over ${HEADLINE_FEED_LENGTH} characters and blocks over ${HEADLINE_MAX_LENGTH}`, () => {
    expect(check(fullArticle({ headline: 'x'.repeat(HEADLINE_FEED_LENGTH) }))).toEqual({ blocking: [], warnings: [] });
    const long = check(fullArticle({ headline: 'x'.repeat(HEADLINE_FEED_LENGTH + 1) }));
    expect(codes(long.warnings)).toEqual(['headline-long']);
    expect(long.warnings[0]?.message).toMatch(/91 characters long; feeds and search results cut it after about 90/);
    expect(check(fullArticle({ headline: 'x'.repeat(HEADLINE_MAX_LENGTH) })).blocking).toEqual([]);
    const tooLong = check(fullArticle({ headline: 'x'.repeat(HEADLINE_MAX_LENGTH + 1) }));
    expect(codes(tooLong.blocking)).toEqual(['headline-too-long']);
    expect(codes(tooLong.warnings)).toEqual([]);
  });

  it('warns when the dek is empty', () => {
    expect(codes(check(fullArticle({ dek: ' ' })).warnings)).toEqual(['dek-missing']);
  });

  it('blocks an empty byline and an empty section', () => {
    const report = check(fullArticle({ byline: [], section: '' }));
    expect(codes(report.blocking)).toEqual(['byline-missing', 'section-missing']);
    expect(report.blocking.every((issue) => issue.where === 'article' && issue.photoId === '')).toBe(true);
  });

  it('warns when the story is still marked Draft, only when publishing', () => {
    expect(codes(check(fullArticle({ status: 'draft' })).warnings)).toEqual(['status-draft']);
    expect(check(fullArticle({ status: 'draft' }), { mode: 'draft' }).warnings).toEqual([]);
    expect(check(fullArticle({ status: 'ready' })).warnings).toEqual([]);
  });
});

describe('checkForPublishing: links', () => {
  const withLinks = (...links: Record<string, unknown>[]) => fullArticle({ body: body(paragraph(text('See '), ...links)) });

  it('passes web and e-mail addresses', () => {
    const report = check(withLinks(link('https://example.com/a', 'a'), link('http://example.org', 'b'), link('mailto:desk@example.com', 'c')));
    expect(report.blocking).toEqual([]);
  });

  it('blocks empty, relative, script, data and malformed links, each with its own code', () => {
    const report = check(
      withLinks(
        link('', 'empty'),
        link('/local/page', 'relative'),
        link('javascript:alert(1)', 'script'),
        link('data:text/html,hi', 'data'),
        link('mailto:nobody', 'mail'),
        link('https://example.com/ok', 'fine'),
        link('ftp://files.example.com/x', 'ftp'),
      ),
    );
    expect(codes(report.blocking)).toEqual(['link-broken@1', 'link-broken@2', 'link-broken@3', 'link-broken@4', 'link-broken@5', 'link-broken@7']);
    const messages = report.blocking.map((issue) => issue.message);
    expect(messages[0]).toBe('Broken link “empty” → (no address): it has no address.');
    expect(messages[1]).toBe('Broken link “relative” → /local/page: it is not a complete address (it needs https://, http:// or mailto:).');
    expect(messages[2]).toMatch(/^Broken link “script” → javascript:alert\(1\): script and data links are never published\.$/);
    expect(messages[3]).toMatch(/^Broken link “data” → data:text\/html,hi: /);
    expect(messages[4]).toMatch(/it is not a valid e-mail address/);
    expect(messages[5]).toMatch(/“ftp:” addresses are not published/);
  });

  it('finds links inside photo captions and nested blocks', () => {
    const caption = { root: { type: 'root' as const, version: 1, children: [paragraph(link('javascript:void(0)', 'caption link'))] } };
    const article = fullArticle({
      body: body({ type: 'quote', version: 1, children: [paragraph(link('nope', 'quoted'))] }, imageNode(inlineOne.id, { caption })),
    });
    expect(check(article).blocking.map((issue) => issue.message)).toEqual([
      expect.stringMatching(/^Broken link “quoted” → nope/),
      expect.stringMatching(/^Broken link “caption link” → javascript:void\(0\)/),
    ]);
  });
});

describe('checkForPublishing: photos', () => {
  it('converts the photo checks, with codes naming where each photo is used', () => {
    const article = fullArticle({
      leadPhoto: leadUse(leadPhoto.id, { credit: '' }),
      body: body(imageNode(inlineOne.id, { altText: '' }), imageNode('9'.repeat(64))),
    });
    const report = check(article);
    expect(codes(report.blocking)).toEqual(['photo-missing-credit@lead-0', 'photo-missing-alt@body-1', 'photo-not-in-library@body-2']);
    expect(report.blocking[1]).toMatchObject({ where: 'body', index: 1, photoId: inlineOne.id });
  });

  it('gives each restriction of a photo its own warning code', () => {
    const restricted = makePhoto('4', { creator: 'Pool', creditLine: 'POOL / AFP', instructions: 'MANDATORY CREDIT' }, 'pool.jpg');
    const article = fullArticle({ body: body(imageNode(restricted.id), imageNode(restricted.id)) });
    const report = check(article, { photos: photoMap(leadPhoto, restricted) });
    expect(codes(report.warnings).sort()).toEqual([
      'photo-restricted@body-1:mandatory-credit',
      'photo-restricted@body-1:pool',
      'photo-restricted@body-2:mandatory-credit',
      'photo-restricted@body-2:pool',
    ]);
  });
});

describe('checkForPublishing: embargoes', () => {
  const embargoed = makePhoto('5', { instructions: 'EMBARGOED UNTIL 0001 GMT 3 JUNE 2026' }, 'embargoed.jpg');
  const article = fullArticle({ body: body(imageNode(embargoed.id)) });
  const photos = photoMap(leadPhoto, embargoed);

  it('blocks publishing now a photo whose embargo lifts later', () => {
    const report = check(article, { photos });
    expect(codes(report.blocking)).toEqual(['photo-embargo@body-1']);
    expect(report.blocking[0]?.message).toBe(
      'Photo 1 in the body “embargoed.jpg” is embargoed until 3 Jun 2026 00:01 UTC, after the story goes live (1 Jun 2026 12:00 UTC). Schedule the story at or after 3 Jun 2026 00:01 UTC, or use another photo.',
    );
  });

  it('passes when the story is scheduled after the photo embargo lifts', () => {
    const placement = placementOf(article, { publish: { mode: 'scheduled', at: '2026-06-03T06:00:00.000Z' } });
    expect(check(article, { photos, placement })).toEqual({ blocking: [], warnings: [] });
  });

  it('only warns about a photo embargo when sending a draft', () => {
    const report = check(article, { photos, mode: 'draft' });
    expect(report.blocking).toEqual([]);
    expect(codes(report.warnings)).toEqual(['photo-restricted@body-1:embargo']);
  });

  it('blocks a schedule set before the placement embargo', () => {
    const placement = placementOf(article, {
      publish: { mode: 'scheduled', at: '2026-06-02T08:00:00.000Z' },
      embargoUntil: '2026-06-04T00:00:00.000Z',
    });
    const report = check(fullArticle(), { placement });
    expect(codes(report.blocking)).toEqual(['schedule-before-embargo']);
    expect(report.blocking[0]?.message).toBe(
      'The story is scheduled for 2 Jun 2026 08:00 UTC, before its embargo lifts at 4 Jun 2026 00:00 UTC. Schedule it at or after the embargo.',
    );
    const after = placementOf(article, { publish: { mode: 'scheduled', at: '2026-06-04T00:00:00.000Z' }, embargoUntil: '2026-06-04T00:00:00.000Z' });
    expect(check(fullArticle(), { placement: after }).blocking).toEqual([]);
  });

  it('blocks a story that would expire before it goes live', () => {
    const placement = placementOf(article, { expiresAt: '2026-05-30T00:00:00.000Z' });
    expect(codes(check(fullArticle(), { placement }).blocking)).toEqual(['expired-before-live']);
    expect(check(fullArticle(), { placement, mode: 'draft' }).blocking).toEqual([]);
  });
});
