import type { PhotoMetadata } from '../../shared/model/photo';

/**
 * A handout as Reuters distributes one: taken by a private person, Source "HO", "HANDOUT PHOTO"
 * in the caption, restrictions in the special instructions, and the location and transmission
 * fields agencies fill (IIM and XMP both written, as agencies do).
 */
export const HANDOUT_EXPECTED: Partial<PhotoMetadata> = {
  description: 'Smoke rises over the port of Odesa, Ukraine, March 14, 2026, in this picture obtained by Reuters. HANDOUT PHOTO',
  extendedDescription: 'Dark smoke rises from a warehouse at the edge of a port, behind two cranes and a row of containers.',
  creator: 'Maria Kovalenko',
  creditLine: 'REUTERS',
  source: 'HO',
  instructions: 'THIS IMAGE HAS BEEN SUPPLIED BY A THIRD PARTY. ONE TIME USE ONLY. NOT FOR RESALE. NO ARCHIVES. FOR USE WITHIN 14 DAYS.',
  transmissionReference: 'RC2X4A9ZQ1B8',
  dateCreated: '2026-03-14T09:15:00+02:00',
  sublocation: 'Port of Odesa',
  city: 'Odesa',
  state: 'Odesa Oblast',
  country: 'Ukraine',
  countryCode: 'UKR',
};

export function handoutArgs(): string[] {
  const e = HANDOUT_EXPECTED;
  return [
    '-IPTC:CodedCharacterSet=UTF8',
    `-IPTC:By-line=${e.creator}`,
    `-IPTC:Credit=${e.creditLine}`,
    `-IPTC:Source=${e.source}`,
    `-IPTC:Caption-Abstract=${e.description}`,
    `-IPTC:SpecialInstructions=${e.instructions}`,
    `-IPTC:OriginalTransmissionReference=${e.transmissionReference}`,
    '-IPTC:DateCreated=2026:03:14',
    '-IPTC:TimeCreated=09:15:00+02:00',
    `-IPTC:Sub-location=${e.sublocation}`,
    `-IPTC:City=${e.city}`,
    `-IPTC:Province-State=${e.state}`,
    `-IPTC:Country-PrimaryLocationName=${e.country}`,
    `-IPTC:Country-PrimaryLocationCode=${e.countryCode}`,
    `-XMP-dc:Creator=${e.creator}`,
    `-XMP-photoshop:Credit=${e.creditLine}`,
    `-XMP-photoshop:Source=${e.source}`,
    `-XMP-dc:Description=${e.description}`,
    `-XMP-iptcCore:ExtDescrAccessibility=${e.extendedDescription}`,
    `-XMP-photoshop:Instructions=${e.instructions}`,
    `-XMP-photoshop:TransmissionReference=${e.transmissionReference}`,
    `-XMP-photoshop:DateCreated=${e.dateCreated}`,
    `-XMP-iptcCore:Location=${e.sublocation}`,
    `-XMP-photoshop:City=${e.city}`,
    `-XMP-photoshop:State=${e.state}`,
    `-XMP-photoshop:Country=${e.country}`,
    `-XMP-iptcCore:CountryCode=${e.countryCode}`,
  ];
}
