import { describe, expect, it } from 'vitest';
import { mergeBlocks } from '../../../electron/main/services/media/metadata/merge';
import { cleanKeywords, cleanText, isoDateTime, isoFromIim } from '../../../electron/main/services/media/metadata/values';
import { isWellFormedXml } from '../../../electron/main/services/media/metadata/xml-check';
import { buildXmpPacket } from '../../../electron/main/services/media/metadata/write-xmp';
import { readXmpPacket } from '../../../electron/main/services/media/metadata/xmp';
import { EMPTY_PHOTO_METADATA, PhotoMetadata } from '../../../shared/model/photo';

describe('metadata values', () => {
  it('turns the dates of each block into ISO 8601', () => {
    expect(isoDateTime('2026-03-14T10:22:05+01:00')).toBe('2026-03-14T10:22:05+01:00');
    expect(isoDateTime('2026-03-14T10:22:05+0100')).toBe('2026-03-14T10:22:05+01:00');
    expect(isoDateTime('2026-03')).toBe('2026-03');
    expect(isoDateTime('2026:03:14 06:41:00')).toBe('2026-03-14T06:41:00');
    expect(isoDateTime('2026:03:14 06:41:00', '-05:00')).toBe('2026-03-14T06:41:00-05:00');
    expect(isoFromIim('20260314', '102205+0100')).toBe('2026-03-14T10:22:05+01:00');
    expect(isoFromIim('20260314', undefined)).toBe('2026-03-14');
  });

  it('drops placeholder and malformed dates', () => {
    expect(isoDateTime('0000:00:00 00:00:00')).toBe('');
    expect(isoDateTime('yesterday')).toBe('');
    expect(isoFromIim('00000000', '000000')).toBe('');
    expect(isoFromIim('2026-03-14', '')).toBe('');
  });

  it('cleans text: trims, drops control characters, keeps line breaks, respects the schema limit', () => {
    expect(cleanText('  Caption\u0000\u0007 text \r\nsecond line  ')).toBe('Caption text \nsecond line');
    expect(cleanText(['A', ' ', 'B', 'A'])).toBe('A; B');
    expect(cleanText(2026)).toBe('2026');
    expect(cleanText({ nested: true })).toBe('');
    expect(cleanText('x'.repeat(12_000))).toHaveLength(10_000);
  });

  it('makes keyword lists the schema accepts', () => {
    expect(cleanKeywords(['  politics ', 'politics', '', 'multi   word'])).toEqual(['politics', 'multi word']);
    expect(cleanKeywords('single')).toEqual(['single']);
    const many = cleanKeywords(Array.from({ length: 300 }, (_, index) => `keyword ${index} ${'y'.repeat(250)}`));
    expect(many).toHaveLength(200);
    expect(() => PhotoMetadata.parse({ ...EMPTY_PHOTO_METADATA, keywords: many })).not.toThrow();
  });

  it('merges field by field, XMP over IIM over EXIF', () => {
    const { metadata, sources } = mergeBlocks({
      xmp: { creditLine: 'XMP credit' },
      iim: { creditLine: 'IIM credit', creator: 'IIM creator', keywords: ['iim'] },
      exif: { creator: 'EXIF artist', copyright: 'EXIF copyright' },
    });
    expect(metadata).toEqual({
      ...EMPTY_PHOTO_METADATA,
      creditLine: 'XMP credit',
      creator: 'IIM creator',
      copyright: 'EXIF copyright',
      keywords: ['iim'],
    });
    expect(sources).toMatchObject({ creditLine: 'xmp', creator: 'iim', copyright: 'exif', keywords: 'iim', title: 'none' });
  });
});

describe('the XMP structure check', () => {
  it('accepts well-formed packets, including the ones the desk writes', () => {
    expect(isWellFormedXml(buildXmpPacket({ ...EMPTY_PHOTO_METADATA, creditLine: 'A & B <c>' }))).toBe(true);
    expect(isWellFormedXml('<a x="1>2"><b/><!-- c --><![CDATA[<d>]]></a>')).toBe(true);
  });

  it('rejects cut, mismatched or garbled markup', () => {
    expect(isWellFormedXml('<a><b></b>')).toBe(false);
    expect(isWellFormedXml('<a><b></a></b>')).toBe(false);
    expect(isWellFormedXml('<a>< b</a>')).toBe(false);
    expect(isWellFormedXml('<a>\uFFFD</a>')).toBe(false);
    expect(isWellFormedXml('no markup at all')).toBe(false);
  });

  it('reads the values back from a packet exactly, entities and all', () => {
    const metadata: PhotoMetadata = {
      ...EMPTY_PHOTO_METADATA,
      creator: 'Ann Lee; Bo Chan',
      creditLine: 'AT&T "Pool" <Reuters>',
      headline: '007',
      description: 'First line\nSecond line',
      keywords: ['0800', 'true', 'Zoë'],
      dateCreated: '2026-03-14',
    };
    const reading = readXmpPacket(buildXmpPacket(metadata));
    expect(reading).toEqual({
      block: {
        creator: 'Ann Lee; Bo Chan',
        creditLine: 'AT&T "Pool" <Reuters>',
        headline: '007',
        description: 'First line\nSecond line',
        keywords: ['0800', 'true', 'Zoë'],
        dateCreated: '2026-03-14',
      },
    });
  });
});
