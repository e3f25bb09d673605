import { rng } from './drafts-bench-data';

/**
 * Agency-style metadata for the photo benchmark's generated pictures: the IPTC IIM, XMP and EXIF
 * fields a wire photo carries, with values that vary per file (creators, agencies and their credit
 * formats, accented cities, restrictions), turned into exiftool arguments.
 */

interface Agency {
  credit: string;
  source: string;
  copyright: (year: number) => string;
  /** How the caption names the photographer, e.g. "(Photo by Name / AFP)". */
  signature: (creator: string) => string;
}

const AGENCIES: Agency[] = [
  { credit: 'AFP via Getty Images', source: 'AFP', copyright: (y) => `${y} AFP`, signature: (c) => `(Photo by ${c} / AFP)` },
  { credit: 'POOL/AFP via Getty Images', source: 'AFP', copyright: (y) => `${y} AFP`, signature: (c) => `(Photo by ${c} / POOL / AFP)` },
  { credit: 'REUTERS', source: 'Reuters', copyright: (y) => `© Copyright Thomson Reuters ${y}`, signature: (c) => `REUTERS/${c}` },
  { credit: 'AP', source: 'AP', copyright: (y) => `Copyright ${y} The Associated Press. All rights reserved.`, signature: (c) => `(AP Photo/${c})` },
  { credit: 'EPA-EFE', source: 'EPA', copyright: (y) => `© ${y} EPA-EFE`, signature: (c) => `EPA-EFE/${c.toUpperCase()}` },
  { credit: 'Getty Images', source: 'Getty Images Europe', copyright: (y) => `${y} Getty Images`, signature: (c) => `(Photo by ${c}/Getty Images)` },
];

const CREATORS = [
  'Gonzalo Fuentes', 'Ludovic Marin', 'Sarah Meyssonnier', 'Yves Herman', 'Kai Pfaffenbach', 'Evan Vucci',
  'Jacquelyn Martin', 'Åsa Lindqvist', 'Zoltán Balogh', 'Nicolás Aguilera', 'Chloé Dubois', 'Łukasz Gągulski',
  'Björn Eriksson', 'Mehmet Öztürk', 'Ana Beatriz Conceição', 'Olivier Douliery', 'Kiyoshi Ota', 'Wiktor Dąbkowski',
  'Fernando Llano', 'Süleyman Kaya', 'Christophe Ena', 'Jérôme Delay', 'María José López', 'Thibault Camus',
];

const PLACES: [city: string, country: string, code: string][] = [
  ['MONTRÉAL', 'Canada', 'CAN'], ['São Paulo', 'Brazil', 'BRA'], ['Zürich', 'Switzerland', 'CHE'], ['Kraków', 'Poland', 'POL'],
  ['Reykjavík', 'Iceland', 'ISL'], ['Paris', 'France', 'FRA'], ['Bogotá', 'Colombia', 'COL'], ['Malmö', 'Sweden', 'SWE'],
  ['Washington', 'United States', 'USA'], ['Lagos', 'Nigeria', 'NGA'], ['Brussels', 'Belgium', 'BEL'], ['Düsseldorf', 'Germany', 'DEU'],
];

const EVENTS = [
  'Supporters wave flags during a campaign rally', 'Firefighters battle a wildfire near the city',
  'Delegates arrive for the opening session of the summit', 'Commuters wait on a crowded platform during a rail strike',
  'Players celebrate after the final whistle', 'Residents clear debris after overnight flooding',
  'Demonstrators march towards parliament', 'The president speaks to reporters outside the palace',
  'Farmers drive tractors through the centre in protest over prices', 'Visitors look at a painting on the opening day of the exhibition',
];

const KEYWORDS = [
  'politics', 'election', 'protest', 'weather', 'flood', 'wildfire', 'sport', 'football', 'summit', 'diplomacy',
  'transport', 'strike', 'agriculture', 'culture', 'art', 'economy', 'horizontal', 'news', 'disaster', 'crowd',
];

const RESTRICTIONS = [
  'MANDATORY CREDIT', 'EDITORIAL USE ONLY', 'NO SALES. NO ARCHIVE', 'RESTRICTED TO EDITORIAL USE - MANDATORY MENTION OF THE ARTIST',
  'POOL PHOTO', '', '', '',
];

const CAMERAS: [make: string, model: string][] = [['Canon', 'Canon EOS R3'], ['NIKON CORPORATION', 'NIKON Z 9'], ['SONY', 'ILCE-1']];

const ALT_TEXTS = [
  'A large crowd holding flags in front of a stage', 'Firefighters spraying water at flames on a hillside',
  'People in suits walking up a red carpet', 'Commuters standing close together on a train platform',
];

/** The exiftool arguments (one per line in an argfile) that write one picture's metadata. */
export function agencyMetadataArgs(index: number): string[] {
  const random = rng(9000 + index);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const agency = pick(AGENCIES);
  const creator = pick(CREATORS);
  const [city, country, countryCode] = pick(PLACES);
  const event = pick(EVENTS);
  const year = 2024 + (index % 2);
  const month = String(1 + (index % 12)).padStart(2, '0');
  const day = String(1 + (index % 28)).padStart(2, '0');
  const time = `${String(6 + (index % 14)).padStart(2, '0')}:${String(index % 60).padStart(2, '0')}:00`;
  const headline = `${city}: ${event}`;
  const caption = `${city}, ${country} - ${event} in ${city} on ${year}-${month}-${day}. Picture ${index + 1} of the set. ${agency.signature(creator)}`;
  const keywords = [...new Set([pick(KEYWORDS), pick(KEYWORDS), pick(KEYWORDS), pick(KEYWORDS), 'news'])];
  const restriction = pick(RESTRICTIONS);
  const copyright = agency.copyright(year);
  const reference = `${agency.source.slice(0, 3).toUpperCase()}${(100000 + index * 7919).toString(36).toUpperCase()}`;
  const jobTitle = agency.credit.startsWith('POOL') ? 'Pool photographer' : pick(['Staff photographer', 'Stringer', 'Chief photographer']);
  const altText = pick(ALT_TEXTS);
  const [make, model] = pick(CAMERAS);

  const args = [
    // IPTC IIM, declared UTF-8 (dataset 1:90) as agencies do, so accented names survive.
    '-IPTC:CodedCharacterSet=UTF8',
    `-IPTC:By-line=${creator}`,
    `-IPTC:By-lineTitle=${jobTitle}`,
    `-IPTC:Credit=${agency.credit}`,
    `-IPTC:Source=${agency.source}`,
    `-IPTC:CopyrightNotice=${copyright}`,
    `-IPTC:Caption-Abstract=${caption}`,
    `-IPTC:Headline=${headline}`,
    `-IPTC:ObjectName=${reference}`,
    `-IPTC:City=${city}`,
    `-IPTC:Country-PrimaryLocationName=${country}`,
    `-IPTC:Country-PrimaryLocationCode=${countryCode}`,
    `-IPTC:OriginalTransmissionReference=${reference}`,
    `-IPTC:DateCreated=${year}:${month}:${day}`,
    `-IPTC:TimeCreated=${time}+00:00`,
    ...keywords.map((keyword) => `-IPTC:Keywords=${keyword}`),
    // XMP: the same fields, plus rights and accessibility that IIM has no place for.
    `-XMP-dc:Creator=${creator}`,
    `-XMP-dc:Description=${caption}`,
    `-XMP-dc:Title=${reference}`,
    `-XMP-dc:Rights=${copyright}`,
    ...keywords.map((keyword) => `-XMP-dc:Subject=${keyword}`),
    `-XMP-photoshop:Credit=${agency.credit}`,
    `-XMP-photoshop:Source=${agency.source}`,
    `-XMP-photoshop:Headline=${headline}`,
    `-XMP-photoshop:City=${city}`,
    `-XMP-photoshop:Country=${country}`,
    `-XMP-photoshop:AuthorsPosition=${jobTitle}`,
    `-XMP-photoshop:TransmissionReference=${reference}`,
    `-XMP-photoshop:DateCreated=${year}:${month}:${day} ${time}+00:00`,
    `-XMP-iptcCore:CountryCode=${countryCode}`,
    `-XMP-iptcCore:AltTextAccessibility=${altText}`,
    `-XMP-xmpRights:WebStatement=https://images.example-agency.com/licensing/${reference}`,
    '-XMP-xmpRights:Marked=True',
    // EXIF: what the camera and the agency's ingest wrote.
    `-EXIF:Artist=${creator}`,
    `-EXIF:Copyright=${copyright}`,
    `-EXIF:ImageDescription=${caption}`,
    `-EXIF:Make=${make}`,
    `-EXIF:Model=${model}`,
    `-EXIF:DateTimeOriginal=${year}:${month}:${day} ${time}`,
    `-EXIF:ExposureTime=1/${pick([250, 500, 1000, 2000])}`,
    `-EXIF:FNumber=${pick([2.8, 4, 5.6, 8])}`,
    `-EXIF:ISO=${pick([100, 400, 1600, 3200])}`,
  ];
  if (restriction) {
    args.push(`-IPTC:SpecialInstructions=${restriction}`, `-XMP-photoshop:Instructions=${restriction}`, `-XMP-xmpRights:UsageTerms=${restriction}`);
  }
  return args;
}
