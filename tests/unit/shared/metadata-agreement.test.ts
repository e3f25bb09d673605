import { describe, expect, it } from 'vitest';
import type { EmbeddedMetadata } from '../../../shared/model/photo';
import { datesAgree, disagreeingFields, mostPreciseDate } from '../../../shared/rules/metadata-agreement';

function blocks(partial: Partial<EmbeddedMetadata>): EmbeddedMetadata {
  return { xmp: {}, iim: {}, exif: {}, ...partial };
}

describe('datesAgree and mostPreciseDate', () => {
  it('treats a date and a date-time on that day as the same moment, less precisely said', () => {
    expect(datesAgree('2026-03-14', '2026-03-14T09:15:00+02:00')).toBe(true);
    expect(datesAgree('2026-03-14T09:15', '2026-03-14T09:15:00+02:00')).toBe(true);
    expect(datesAgree('2026-03-14T07:15:00Z', '2026-03-14T09:15:00+02:00')).toBe(true);
    expect(mostPreciseDate(['2026-03-14', '2026-03-14T09:15:00+02:00', '2026-03-14T09:15:00'])).toBe('2026-03-14T09:15:00+02:00');
  });

  it('tells different days and different moments apart', () => {
    expect(datesAgree('2026-03-13', '2026-03-14T09:15:00+02:00')).toBe(false);
    expect(datesAgree('2026-03-14T09:15:00+01:00', '2026-03-14T09:15:00+02:00')).toBe(false);
  });
});

describe('disagreeingFields', () => {
  it('lists fields whose IIM and XMP values differ, ignoring spacing', () => {
    const embedded = blocks({
      xmp: { description: 'Full caption of the picture.', creditLine: 'AFP', city: 'Paris', keywords: ['a', 'b'] },
      iim: { description: 'Full caption…', creditLine: ' AFP ', city: 'Paris', keywords: ['B', 'A'] },
    });
    expect(disagreeingFields(embedded)).toEqual(['description']);
  });

  it('compares the date with EXIF too, as moments, but not EXIF texts', () => {
    expect(disagreeingFields(blocks({ xmp: { dateCreated: '2026-03-14' }, exif: { dateCreated: '2026-03-14T06:41:00' } }))).toEqual([]);
    expect(disagreeingFields(blocks({ xmp: { dateCreated: '2026-03-13' }, exif: { dateCreated: '2026-03-14T06:41:00' } }))).toEqual(['dateCreated']);
    expect(disagreeingFields(blocks({ xmp: { creator: 'Jane Doe' }, exif: { creator: 'JD camera' } }))).toEqual([]);
  });

  it('says nothing when only one block has a field', () => {
    expect(disagreeingFields(blocks({ xmp: { description: 'Caption' } }))).toEqual([]);
  });
});
