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

describe('one-time use, resale, archive and time-limited use', () => {
  it('finds the restrictions of an agency handout, in order', () => {
    const found = restrictionsIn({
      instructions: 'THIS IMAGE HAS BEEN SUPPLIED BY A THIRD PARTY. ONE TIME USE ONLY. NOT FOR RESALE. NO ARCHIVES. FOR USE WITHIN 14 DAYS.',
      dateCreated: '2026-03-14T09:15:00+02:00',
    });
    expect(found.map((restriction) => [restriction.kind, restriction.label])).toEqual([
      ['one-time-use', 'ONE-TIME USE'],
      ['not-for-resale', 'NOT FOR RESALE'],
      ['no-archive', 'NO ARCHIVE'],
      ['time-limited', 'USE WITHIN 14 DAYS (until 28 Mar 2026)'],
    ]);
    expect(found[3]).toMatchObject({ until: '2026-03-28', detail: 'FOR USE WITHIN 14 DAYS.', field: 'instructions' });
  });

  it('reads the usual wordings', () => {
    expect(kindsIn({ usageTerms: 'Single use only. Not for re-sale. Do not archive.' })).toEqual(['one-time-use', 'not-for-resale', 'no-archive']);
    expect(kindsIn({ instructions: 'One-time use. NOT FOR ARCHIVING.' })).toEqual(['one-time-use', 'no-archive']);
    expect(restrictionsIn({ instructions: '30-day licence', dateCreated: '2026-12-15' })[0]).toMatchObject({
      kind: 'time-limited',
      until: '2027-01-14',
    });
  });

  it('computes the last day of "use until" dates, taking the year from the date created', () => {
    const until = (instructions: string, dateCreated = '2026-03-14') => restrictionsIn({ instructions, dateCreated })[0];
    expect(until('USE UNTIL 31 DEC')).toMatchObject({ kind: 'time-limited', label: 'USE UNTIL 31 Dec 2026', until: '2026-12-31' });
    expect(until('Valid until December 31, 2027.')).toMatchObject({ until: '2027-12-31' });
    expect(until('Use until 2026-04-30.')).toMatchObject({ until: '2026-04-30' });
    // A day already past when the photo was taken means the next year's.
    expect(until('USE UNTIL 10 JAN', '2026-12-20')).toMatchObject({ until: '2027-01-10' });
    // Without a date created there is no year to give it: the badge says what the file says.
    expect(until('USE UNTIL 31 DEC', '')).toMatchObject({ label: 'USE UNTIL 31 DEC' });
    expect(until('USE UNTIL 31 DEC', '')).not.toHaveProperty('until');
    expect(until('FOR 14 DAYS', '')).toMatchObject({ label: 'USE WITHIN 14 DAYS' });
  });

  it('keeps "do not use until" an embargo, and prose about days out of it', () => {
    expect(kindsIn({ instructions: 'DO NOT USE UNTIL 2 DECEMBER 2026' })).not.toContain('time-limited');
    expect(kindsIn({ description: 'Protesters camped outside parliament for 14 days.' })).toEqual([]);
    expect(kindsIn({ description: 'A one-time use of force, officials said.' })).toEqual([]);
    expect(kindsIn({ description: 'Smoke over the port. FOR USE WITHIN 14 DAYS.' })).toEqual(['time-limited']);
  });
});
