import { describe, expect, it } from 'vitest';
import { EMPTY_PHOTO_METADATA, type PhotoMetadata } from '../../../shared/model/photo';
import { formatUtc, parseEmbargoTime } from '../../../shared/rules/embargo-date';
import { findRestrictions, type Restriction, type RestrictionKind } from '../../../shared/rules/rights';

function restrictionsIn(metadata: Partial<PhotoMetadata>): Restriction[] {
  return findRestrictions({ ...EMPTY_PHOTO_METADATA, ...metadata });
}

function kindsIn(metadata: Partial<PhotoMetadata>): RestrictionKind[] {
  return restrictionsIn(metadata).map((restriction) => restriction.kind);
}

describe('findRestrictions', () => {
  it('finds nothing in a photo without restrictions', () => {
    expect(restrictionsIn({})).toEqual([]);
    expect(restrictionsIn({ description: 'Fans cheer in Liverpool.', creditLine: 'Reuters', usageTerms: 'Licensed for use' })).toEqual([]);
  });

  it('finds each agency restriction with its label, field and sentence', () => {
    const found = restrictionsIn({
      instructions: 'MANDATORY CREDIT. NO SALES. NO ARCHIVES. EDITORIAL USE ONLY.',
      creditLine: 'POOL/AFP via Getty Images',
    });
    expect(found).toEqual([
      { kind: 'mandatory-credit', label: 'MANDATORY CREDIT', detail: 'MANDATORY CREDIT.', field: 'instructions' },
      { kind: 'no-sales', label: 'NO SALES', detail: 'NO SALES.', field: 'instructions' },
      { kind: 'no-archive', label: 'NO ARCHIVE', detail: 'NO ARCHIVES.', field: 'instructions' },
      { kind: 'editorial-only', label: 'EDITORIAL USE ONLY', detail: 'EDITORIAL USE ONLY.', field: 'instructions' },
      { kind: 'pool', label: 'POOL', detail: 'POOL/AFP via Getty Images', field: 'creditLine' },
    ]);
  });

  it('matches in any case and across line breaks', () => {
    expect(kindsIn({ usageTerms: 'Mandatory\ncredit, no sales, no archive, for editorial use only' })).toEqual([
      'mandatory-credit',
      'no-sales',
      'no-archive',
      'editorial-only',
    ]);
    expect(kindsIn({ instructions: 'pool photo' })).toEqual(['pool']);
    expect(kindsIn({ instructions: 'NO THIRD PARTY SALES' })).toEqual(['no-sales']);
  });

  it('matches whole words only', () => {
    expect(restrictionsIn({ creditLine: 'Liverpool FC via Getty Images', instructions: 'Poolside. Cesspools. NOSALES' })).toEqual([]);
  });

  it('keeps one entry per kind, from the first field searched', () => {
    const found = restrictionsIn({ description: 'Photo by X / POOL / AFP', creditLine: 'POOL/AFP', instructions: 'POOL PHOTO' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'pool', field: 'instructions', detail: 'POOL PHOTO' });
    expect(kindsIn({ instructions: 'NO SALES. No sales at all.', usageTerms: 'NO SALES' })).toEqual(['no-sales']);
  });

  it('reads "… OUT" clauses as other restrictions, listed together', () => {
    const found = restrictionsIn({ instructions: 'NO SALES MAGS OUT TV OUT. NORTH AMERICA OUT', usageTerms: 'INTERNET OUT' });
    const other = found.find((restriction) => restriction.kind === 'other');
    expect(other).toMatchObject({ label: 'MAGS OUT, TV OUT, NORTH AMERICA OUT', field: 'instructions' });
    expect(kindsIn({ instructions: 'FRANCE OUT' })).toEqual(['other']);
    expect(kindsIn({ instructions: 'Online out' })).toEqual(['other']);
  });

  it('does not read ordinary words in a caption as instructions', () => {
    expect(restrictionsIn({ description: 'Swimmers train in the pool. Ministers debate the oil embargo. Workers walked out.' })).toEqual([]);
    expect(kindsIn({ description: 'Photo by Gonzalo Fuentes / POOL / AFP. FRANCE OUT' })).toEqual(['pool', 'other']);
    expect(kindsIn({ description: 'Embargoed until 2 December 2026.' })).toEqual(['embargo']);
  });

  it('searches instructions, usage terms, credit line, source and caption, and no other field', () => {
    expect(kindsIn({ instructions: 'NO SALES' })).toEqual(['no-sales']);
    expect(kindsIn({ usageTerms: 'NO SALES' })).toEqual(['no-sales']);
    expect(kindsIn({ creditLine: 'NO SALES' })).toEqual(['no-sales']);
    expect(kindsIn({ source: 'NO SALES' })).toEqual(['no-sales']);
    expect(kindsIn({ description: 'NO SALES' })).toEqual(['no-sales']);
    expect(kindsIn({ headline: 'NO SALES', keywords: ['NO SALES'] })).toEqual([]);
  });

  it('gives the sentence around the find, not the whole field', () => {
    const [found] = restrictionsIn({
      description: 'Protesters gather in Kyiv on Dec. 2, 2026. EDITORIAL USE ONLY. The march was peaceful.',
    });
    expect(found?.detail).toBe('EDITORIAL USE ONLY.');
    const long = `${'word '.repeat(100)}MANDATORY CREDIT ${'word '.repeat(100)}`;
    const [cut] = restrictionsIn({ instructions: long });
    expect(cut?.detail.startsWith('…')).toBe(true);
    expect(cut?.detail.endsWith('…')).toBe(true);
    expect(cut?.detail).toContain('MANDATORY CREDIT');
    expect(cut?.detail.length).toBeLessThan(320);
  });
});

describe('embargoes', () => {
  it('reads the time an embargo lifts', () => {
    const [found] = restrictionsIn({ instructions: 'EMBARGOED UNTIL 0001 GMT 2 DECEMBER 2026. MANDATORY CREDIT.' });
    expect(found).toEqual({
      kind: 'embargo',
      label: 'Embargoed until 2 Dec 2026 00:01 UTC',
      detail: 'EMBARGOED UNTIL 0001 GMT 2 DECEMBER 2026.',
      field: 'instructions',
      until: '2026-12-02T00:01:00.000Z',
    });
    expect(restrictionsIn({ usageTerms: 'Embargo: 2026-12-02T10:00Z' })[0]).toMatchObject({
      kind: 'embargo',
      until: '2026-12-02T10:00:00.000Z',
      label: 'Embargoed until 2 Dec 2026 10:00 UTC',
    });
  });

  it('keeps an embargo whose date cannot be read, without a time', () => {
    const [held] = restrictionsIn({ instructions: 'HOLD FOR RELEASE' });
    expect(held).toEqual({ kind: 'embargo', label: 'HOLD FOR RELEASE', detail: 'HOLD FOR RELEASE', field: 'instructions' });
    const [unknown] = restrictionsIn({ instructions: 'EMBARGOED UNTIL FURTHER NOTICE. Credit: 3 March 2027 archive.' });
    expect(unknown).toMatchObject({ kind: 'embargo', label: 'EMBARGO' });
    expect(unknown?.until).toBeUndefined();
  });

  it('recognises the usual wordings', () => {
    for (const wording of ['Embargoed until 2 December 2026', 'UNDER EMBARGO', 'Not for publication before 10:00 GMT 2 Dec 2026', 'Do not publish until Monday', 'hold for release until noon']) {
      expect(kindsIn({ instructions: wording }), wording).toEqual(['embargo']);
    }
  });
});

describe('parseEmbargoTime', () => {
  it.each([
    ['0001 GMT 2 DECEMBER 2026', '2026-12-02T00:01:00.000Z'],
    ['2026-12-02T10:00Z', '2026-12-02T10:00:00.000Z'],
    ['2026-12-02T10:00+01:00', '2026-12-02T09:00:00.000Z'],
    ['2026-12-02', '2026-12-02T00:00:00.000Z'],
    ['10:00 a.m. EST, Dec. 2, 2026', '2026-12-02T15:00:00.000Z'],
    ['December 2, 2026 at 9pm BST', '2026-12-02T20:00:00.000Z'],
    ['noon CET on the 3rd of March 2027', '2027-03-03T11:00:00.000Z'],
    ['10.30 GMT+1 1 Jan 2027', '2027-01-01T09:30:00.000Z'],
    ['2 December 2026', '2026-12-02T00:00:00.000Z'],
    ['2 December 2026 14:15', '2026-12-02T14:15:00.000Z'],
  ])('reads %s', (text, iso) => {
    expect(parseEmbargoTime(text)).toBe(iso);
  });

  it.each([['0001 GMT 2 DECEMBER'], ['02/12/2026'], ['31 February 2026'], ['2026-13-40'], ['further notice'], ['']])(
    'does not guess at %j',
    (text) => {
      expect(parseEmbargoTime(text)).toBeUndefined();
    },
  );

  it('formats times the same way on every machine', () => {
    expect(formatUtc('2026-12-02T00:01:00.000Z')).toBe('2 Dec 2026 00:01 UTC');
    expect(formatUtc('not a time')).toBe('not a time');
  });
});
