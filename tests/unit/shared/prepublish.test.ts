import { describe, expect, it } from 'vitest';
import { bodyPhotosOf, checkArticle, photoUsesOf } from '../../../shared/rules/prepublish';
import { body, imageNode, leadUse, makeArticle, makePhoto, paragraph, photoId, photoMap, text } from './photo-fixtures';

const NOW = new Date('2026-06-01T12:00:00.000Z');

const lead = makePhoto('1', { creator: 'Jane Doe', creditLine: 'AFP' }, 'lead.jpg');
const inline = makePhoto('2', { creator: 'Yves Herman', creditLine: 'REUTERS' }, 'inline.jpg');
const third = makePhoto('3', {}, 'third.jpg');

describe('photoUsesOf', () => {
  it('lists nothing for an article without photos', () => {
    expect(photoUsesOf(makeArticle())).toEqual([]);
  });

  it('lists the lead, then body photos in document order wherever they are nested', () => {
    const article = makeArticle({
      leadPhoto: leadUse(lead.id),
      body: body(
        paragraph(text('Before.')),
        imageNode(inline.id, { captionText: 'First in the body' }),
        { type: 'quote', version: 1, children: [paragraph(text('Quoted')), imageNode(third.id, { captionText: 'Inside a quote' })] },
        paragraph(text('After.')),
        imageNode(inline.id, { captionText: 'Used again', credit: 'Edited credit', altText: 'Again' }),
      ),
    });
    expect(photoUsesOf(article)).toEqual([
      { where: 'lead', index: 0, photoId: lead.id, caption: 'Lead caption', credit: 'Jane Doe/AFP', altText: 'Flooded street' },
      { where: 'body', index: 1, photoId: inline.id, caption: 'First in the body', credit: 'Jane Doe/AFP', altText: 'A crowd in a square' },
      { where: 'body', index: 2, photoId: third.id, caption: 'Inside a quote', credit: 'Jane Doe/AFP', altText: 'A crowd in a square' },
      { where: 'body', index: 3, photoId: inline.id, caption: 'Used again', credit: 'Edited credit', altText: 'Again' },
    ]);
  });

  it('leaves out photo nodes it cannot read, which bodyPhotosOf reports at their place', () => {
    const broken = { type: 'newsdesk-photo', version: 1, photoId: 'not-an-id' };
    const article = makeArticle({ body: body(imageNode(inline.id), broken, imageNode(third.id)) });
    expect(photoUsesOf(article).map((use) => [use.index, use.photoId])).toEqual([
      [1, inline.id],
      [3, third.id],
    ]);
    const entries = bodyPhotosOf(article.body);
    expect(entries[1]).toMatchObject({ where: 'body', index: 2, photoId: 'not-an-id' });
    expect(entries[1] && 'problem' in entries[1] && entries[1].problem).toMatch(/photoId/);
  });

  it('walks very deep documents without overflowing the stack', () => {
    let node: Record<string, unknown> = imageNode(inline.id);
    for (let depth = 0; depth < 20_000; depth += 1) node = { type: 'quote', version: 1, children: [node] };
    expect(photoUsesOf(makeArticle({ body: body(node) }))).toHaveLength(1);
  });
});

describe('checkArticle', () => {
  it('passes an article whose photos are credited, described and in the library', () => {
    const article = makeArticle({ leadPhoto: leadUse(lead.id), body: body(imageNode(inline.id)) });
    expect(checkArticle(article, photoMap(lead, inline), NOW)).toEqual({ blocking: [], warnings: [], ok: true });
    expect(checkArticle(makeArticle(), new Map(), NOW).ok).toBe(true);
  });

  it('blocks a photo without a credit, naming it and where it is used', () => {
    const article = makeArticle({ leadPhoto: leadUse(lead.id, { credit: '   ' }) });
    const report = checkArticle(article, photoMap(lead), NOW);
    expect(report.ok).toBe(false);
    expect(report.blocking).toEqual([
      {
        severity: 'blocking',
        code: 'photo-missing-credit',
        message: 'Lead photo “lead.jpg” has no credit. Every published photo needs one.',
        photoId: lead.id,
        where: 'lead',
        index: 0,
      },
    ]);
  });

  it('blocks a body photo without alt text, naming its position', () => {
    const article = makeArticle({ body: body(imageNode(inline.id), imageNode(third.id, { altText: '' })) });
    const report = checkArticle(article, photoMap(inline, third), NOW);
    expect(report.blocking).toHaveLength(1);
    expect(report.blocking[0]).toMatchObject({ code: 'photo-missing-alt', where: 'body', index: 2, photoId: third.id });
    expect(report.blocking[0]?.message).toMatch(/^Photo 2 in the body “third\.jpg” has no alt text/);
  });

  it('blocks a photo that is not in the library', () => {
    const missing = photoId('9');
    const report = checkArticle(makeArticle({ body: body(imageNode(missing)) }), photoMap(lead), NOW);
    expect(report.ok).toBe(false);
    expect(report.blocking.map((issue) => issue.code)).toEqual(['photo-not-in-library']);
    expect(report.blocking[0]?.message).toMatch(/^Photo 1 in the body is not in the photo library/);
  });

  it('reports every problem of a photo, and each use of it', () => {
    const article = makeArticle({
      leadPhoto: leadUse(lead.id, { credit: '', altText: '' }),
      body: body(imageNode(lead.id, { credit: '' })),
    });
    const report = checkArticle(article, photoMap(lead), NOW);
    expect(report.blocking.map((issue) => `${issue.where}${issue.index}:${issue.code}`)).toEqual([
      'lead0:photo-missing-credit',
      'lead0:photo-missing-alt',
      'body1:photo-missing-credit',
    ]);
  });

  it('blocks a photo node it cannot read', () => {
    const report = checkArticle(makeArticle({ body: body({ type: 'newsdesk-photo', version: 1 }) }), new Map(), NOW);
    expect(report.blocking).toHaveLength(1);
    expect(report.blocking[0]).toMatchObject({ code: 'photo-unreadable', where: 'body', index: 1, photoId: '' });
    expect(report.blocking[0]?.message).toMatch(/^Photo 1 in the body cannot be read \(.+\)\. Remove it and insert the photo again\.$/);
  });

  it('warns about restrictions without blocking', () => {
    const pooled = makePhoto('4', { creator: 'Gonzalo Fuentes', creditLine: 'POOL/AFP via Getty Images', instructions: 'NO SALES' }, 'pool.jpg');
    const report = checkArticle(makeArticle({ body: body(imageNode(pooled.id)) }), photoMap(pooled), NOW);
    expect(report.ok).toBe(true);
    expect(report.warnings.map((issue) => [issue.code, issue.restriction?.kind])).toEqual([
      ['photo-restricted', 'no-sales'],
      ['photo-restricted', 'pool'],
    ]);
    expect(report.warnings[1]?.message).toBe('Photo 1 in the body “pool.jpg” is marked POOL in its credit line: “POOL/AFP via Getty Images”.');
  });

  it('warns about an embargo that has not lifted, and drops one that has', () => {
    const embargoed = (until: string) => makePhoto('5', { instructions: `EMBARGOED UNTIL ${until}` }, 'summit.jpg');
    const article = makeArticle({ leadPhoto: leadUse(photoId('5')) });

    const future = checkArticle(article, photoMap(embargoed('0001 GMT 2 DECEMBER 2026')), NOW);
    expect(future.ok).toBe(true);
    expect(future.warnings).toHaveLength(1);
    expect(future.warnings[0]?.message).toBe('Lead photo “summit.jpg” is embargoed until 2 Dec 2026 00:01 UTC.');

    const past = checkArticle(article, photoMap(embargoed('0001 GMT 2 JANUARY 2026')), NOW);
    expect(past.warnings).toEqual([]);

    const justLifted = checkArticle(article, photoMap(embargoed('1200 GMT 1 JUNE 2026')), NOW);
    expect(justLifted.warnings).toEqual([]);
  });

  it('keeps warning about an embargo without a date', () => {
    const held = makePhoto('6', { instructions: 'HOLD FOR RELEASE' }, 'held.jpg');
    const report = checkArticle(makeArticle({ leadPhoto: leadUse(held.id) }), photoMap(held), NOW);
    expect(report.warnings[0]?.message).toBe('Lead photo “held.jpg” carries an embargo in its special instructions: “HOLD FOR RELEASE”. Check that it has lifted.');
  });
});

describe('checkArticle: time-limited use', () => {
  it('says until when a photo may be used, and that its use has ended once it has', () => {
    const limited = (dateCreated: string) => makePhoto('7', { instructions: 'FOR USE WITHIN 14 DAYS', dateCreated, creator: 'A', creditLine: 'AFP' }, 'port.jpg');
    const article = makeArticle({ leadPhoto: leadUse(photoId('7')) });
    const open = checkArticle(article, photoMap(limited('2026-05-25')), NOW);
    expect(open.warnings[0]?.message).toBe('Lead photo “port.jpg” may be used only until 8 Jun 2026 (special instructions: “FOR USE WITHIN 14 DAYS”).');
    const ended = checkArticle(article, photoMap(limited('2026-03-14')), NOW);
    expect(ended.warnings[0]?.message).toBe('Lead photo “port.jpg” may no longer be used: its use ended on 28 Mar 2026 (special instructions: “FOR USE WITHIN 14 DAYS”).');
  });
});
