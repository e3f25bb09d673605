import type { PhotoField, PhotoMetadata } from '../../shared/model/photo';
import { HANDOUT_EXPECTED, handoutArgs } from './photo-fixture-agency';

/**
 * What each kind of test picture says, and the exiftool arguments that write it the way the
 * agency it mimics does. photo-fixtures.ts makes the files.
 */

export type FixtureKind = 'iimAndXmp' | 'iimUtf8' | 'iimLatin1' | 'xmpOnly' | 'exifOnly' | 'none' | 'handout';
/** The kinds makePhotoFixtures makes; 'handout' is made only when a test asks for it. */
export const FIXTURE_KINDS: readonly FixtureKind[] = ['iimAndXmp', 'iimUtf8', 'iimLatin1', 'xmpOnly', 'exifOnly', 'none'];

const POOL_CAPTION =
  'French President speaks during a press conference at the Elysee Palace in Paris, France, on March 14, 2026. The conference followed a meeting of ministers on the budget.';
/**
 * The pool picture's IIM caption, which differs from its XMP description (XMP must win): agencies'
 * IIM captions are often cut at the legacy 2,000-byte limit or shortened; XMP keeps the full text.
 */
export const POOL_IIM_CAPTION = 'French President speaks during a press conference at the Elysee Palace in Paris…';

const MONTREAL_CAPTION = 'Des manifestants défilent rue Sainte-Catherine à Montréal, le 14 mars 2026, malgré la pluie verglaçante.';

/** What reading each kind must give as working values (fields not listed must come out empty). */
export const FIXTURE_EXPECTED: Record<FixtureKind, Partial<PhotoMetadata>> = {
  iimAndXmp: {
    description: POOL_CAPTION,
    headline: 'French president holds press conference',
    title: 'FRANCE-POLITICS-BUDGET',
    creator: 'Gonzalo Fuentes',
    creatorJobTitle: 'Staff photographer',
    creditLine: 'POOL/AFP via Getty Images',
    source: 'AFP',
    copyright: '2026 AFP',
    usageTerms: 'Editorial use only. No use in advertising.',
    webStatement: 'https://www.gettyimages.com/eula',
    altText: 'A man in a dark suit speaks at a lectern in front of French and European flags.',
    instructions: 'POOL PHOTO. MANDATORY CREDIT. NO SALES',
    dateCreated: '2026-03-14T10:22:05+01:00',
    city: 'Paris',
    country: 'France',
    keywords: ['politics', 'government', 'France'],
  },
  iimUtf8: {
    description: MONTREAL_CAPTION,
    headline: 'Manifestation à Montréal',
    creator: 'Graham Hughes',
    creditLine: 'The Canadian Press',
    source: 'The Canadian Press',
    copyright: '2026 The Canadian Press',
    dateCreated: '2026-03-14',
    city: 'MONTRÉAL',
    country: 'Canada',
    keywords: ['manifestation', 'Québec'],
  },
  iimLatin1: {
    description: MONTREAL_CAPTION,
    creator: 'Ryan Remiorz',
    creditLine: 'The Canadian Press',
    city: 'MONTRÉAL',
    country: 'Canada',
  },
  xmpOnly: {
    description: 'A firefighter works to extinguish a fire at a warehouse in Kyiv, Ukraine, March 14, 2026.',
    creator: 'Gleb Garanich',
    creditLine: 'REUTERS',
    source: 'Reuters',
    copyright: 'Copyright 2026 Thomson Reuters',
    altText: 'A firefighter in a helmet sprays water on a burning building at night.',
    city: 'Kyiv',
    country: 'Ukraine',
    keywords: ['fire', 'Ukraine'],
  },
  exifOnly: {
    description: 'Harbour at dawn',
    creator: 'Jane Doe',
    copyright: '(c) 2026 Jane Doe',
    dateCreated: '2026-03-14T06:41:00',
  },
  none: {},
  handout: HANDOUT_EXPECTED,
};

/** Which block each expected value comes from. */
export const FIXTURE_EXPECTED_SOURCES: Record<FixtureKind, Partial<Record<PhotoField, 'xmp' | 'iim' | 'exif'>>> = {
  iimAndXmp: Object.fromEntries(Object.keys(FIXTURE_EXPECTED.iimAndXmp).map((field) => [field, 'xmp'])),
  iimUtf8: Object.fromEntries(Object.keys(FIXTURE_EXPECTED.iimUtf8).map((field) => [field, 'iim'])),
  iimLatin1: Object.fromEntries(Object.keys(FIXTURE_EXPECTED.iimLatin1).map((field) => [field, 'iim'])),
  xmpOnly: Object.fromEntries(Object.keys(FIXTURE_EXPECTED.xmpOnly).map((field) => [field, 'xmp'])),
  exifOnly: Object.fromEntries(Object.keys(FIXTURE_EXPECTED.exifOnly).map((field) => [field, 'exif'])),
  none: {},
  handout: Object.fromEntries(Object.keys(HANDOUT_EXPECTED).map((field) => [field, 'xmp'])),
};

function keywordArgs(group: string, keywords: readonly string[] | undefined): string[] {
  return (keywords ?? []).map((keyword) => `-${group}+=${keyword}`);
}

export function exiftoolArgs(kind: FixtureKind): string[] {
  switch (kind) {
    case 'handout':
      return handoutArgs();
    case 'iimAndXmp': {
      const e = FIXTURE_EXPECTED.iimAndXmp;
      return [
        '-IPTC:CodedCharacterSet=UTF8',
        `-IPTC:By-line=${e.creator}`,
        `-IPTC:By-lineTitle=${e.creatorJobTitle}`,
        `-IPTC:Credit=${e.creditLine}`,
        `-IPTC:Source=${e.source}`,
        `-IPTC:CopyrightNotice=${e.copyright}`,
        `-IPTC:Caption-Abstract=${POOL_IIM_CAPTION}`,
        `-IPTC:Headline=${e.headline}`,
        `-IPTC:ObjectName=${e.title}`,
        `-IPTC:SpecialInstructions=${e.instructions}`,
        '-IPTC:DateCreated=2026:03:14',
        '-IPTC:TimeCreated=10:22:05+01:00',
        `-IPTC:City=${e.city}`,
        `-IPTC:Country-PrimaryLocationName=${e.country}`,
        ...keywordArgs('IPTC:Keywords', e.keywords),
        `-XMP-dc:Creator=${e.creator}`,
        `-XMP-photoshop:AuthorsPosition=${e.creatorJobTitle}`,
        `-XMP-photoshop:Credit=${e.creditLine}`,
        `-XMP-photoshop:Source=${e.source}`,
        `-XMP-dc:Rights=${e.copyright}`,
        `-XMP-dc:Description=${e.description}`,
        `-XMP-photoshop:Headline=${e.headline}`,
        `-XMP-dc:Title=${e.title}`,
        `-XMP-photoshop:Instructions=${e.instructions}`,
        `-XMP-xmpRights:UsageTerms=${e.usageTerms}`,
        `-XMP-xmpRights:WebStatement=${e.webStatement}`,
        `-XMP-iptcCore:AltTextAccessibility=${e.altText}`,
        `-XMP-photoshop:DateCreated=${e.dateCreated}`,
        `-XMP-photoshop:City=${e.city}`,
        `-XMP-photoshop:Country=${e.country}`,
        ...keywordArgs('XMP-dc:Subject', e.keywords),
      ];
    }
    case 'iimUtf8': {
      const e = FIXTURE_EXPECTED.iimUtf8;
      return [
        // With dataset 1:90 set to UTF-8, exiftool writes the IIM strings as UTF-8.
        '-IPTC:CodedCharacterSet=UTF8',
        `-IPTC:By-line=${e.creator}`,
        `-IPTC:Credit=${e.creditLine}`,
        `-IPTC:Source=${e.source}`,
        `-IPTC:CopyrightNotice=${e.copyright}`,
        `-IPTC:Caption-Abstract=${e.description}`,
        `-IPTC:Headline=${e.headline}`,
        '-IPTC:DateCreated=2026:03:14',
        `-IPTC:City=${e.city}`,
        `-IPTC:Country-PrimaryLocationName=${e.country}`,
        ...keywordArgs('IPTC:Keywords', e.keywords),
      ];
    }
    case 'iimLatin1': {
      const e = FIXTURE_EXPECTED.iimLatin1;
      return [
        // No 1:90 marker: the legacy way, text in Latin-1.
        '-charset',
        'iptc=Latin',
        `-IPTC:By-line=${e.creator}`,
        `-IPTC:Credit=${e.creditLine}`,
        `-IPTC:Caption-Abstract=${e.description}`,
        `-IPTC:City=${e.city}`,
        `-IPTC:Country-PrimaryLocationName=${e.country}`,
      ];
    }
    case 'xmpOnly': {
      const e = FIXTURE_EXPECTED.xmpOnly;
      return [
        `-XMP-dc:Creator=${e.creator}`,
        `-XMP-photoshop:Credit=${e.creditLine}`,
        `-XMP-photoshop:Source=${e.source}`,
        `-XMP-dc:Rights=${e.copyright}`,
        `-XMP-dc:Description=${e.description}`,
        `-XMP-iptcCore:AltTextAccessibility=${e.altText}`,
        `-XMP-photoshop:City=${e.city}`,
        `-XMP-photoshop:Country=${e.country}`,
        ...keywordArgs('XMP-dc:Subject', e.keywords),
      ];
    }
    case 'exifOnly': {
      const e = FIXTURE_EXPECTED.exifOnly;
      return [
        `-EXIF:Artist=${e.creator}`,
        `-EXIF:Copyright=${e.copyright}`,
        `-EXIF:ImageDescription=${e.description}`,
        '-EXIF:DateTimeOriginal=2026:03:14 06:41:00',
      ];
    }
    case 'none':
      return [];
  }
}
