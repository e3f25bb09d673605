import type { EmbeddedBlock } from '../../../../../shared/model/photo';
import { parseIimWithExifr } from './exifr';
import { isoFromIim, putKeywords, putText } from './values';

/**
 * The IPTC IIM block (the "IPTC" of older tools): datasets of tag 0x1C, record, dataset number and
 * a length. exifr decodes them, but always as Latin-1 and without looking at record 1, where
 * dataset 1:90 (CodedCharacterSet) says whether the text is UTF-8. Agencies set it, and without it
 * "MONTRÉAL" comes out as "MONTRÃ‰AL". So the datasets are walked once here: to check that their
 * lengths hold together (a damaged block is skipped, not half-read) and to find that marker.
 */

const TAG_MARKER = 0x1c;
/** ESC % G: ISO 2022's designation of UTF-8, the value 1:90 holds in UTF-8 files. */
const UTF8_DESIGNATION = [0x1b, 0x25, 0x47] as const;

export type IimReading = { block: EmbeddedBlock } | { damaged: true; detail?: string };

/** The desk's names for the datasets it reads, to say which one a damaged block was cut short in. */
const DATASET_NAMES: Record<number, string> = {
  5: 'title', 25: 'keywords', 40: 'special instructions', 55: 'date created', 60: 'time created', 80: 'creator',
  85: "creator's job title", 90: 'city', 92: 'sub-location', 95: 'province/state', 100: 'country code', 101: 'country',
  103: 'transmission reference', 105: 'headline', 110: 'credit line', 115: 'source', 116: 'copyright notice', 120: 'caption',
};

interface IimStructure {
  intact: boolean;
  /** The dataset (record 2) whose length runs past the block's end: where the block was cut short. */
  cutIn?: number;
  utf8: boolean;
  datasets: number;
}

function walkDatasets(bytes: Uint8Array): IimStructure {
  let offset = 0;
  while (offset < bytes.length && bytes[offset] === 0) offset += 1;
  let utf8 = false;
  let datasets = 0;
  while (offset < bytes.length && bytes[offset] === TAG_MARKER) {
    if (offset + 5 > bytes.length) return { intact: false, utf8, datasets };
    const record = bytes[offset + 1];
    const dataset = bytes[offset + 2];
    let length = ((bytes[offset + 3] as number) << 8) | (bytes[offset + 4] as number);
    let header = 5;
    if (length & 0x8000) {
      // Extended dataset: the low bits give how many bytes hold the real length.
      const lengthBytes = length & 0x7fff;
      if (lengthBytes === 0 || lengthBytes > 4 || offset + 5 + lengthBytes > bytes.length) return { intact: false, utf8, datasets };
      length = 0;
      for (let index = 0; index < lengthBytes; index += 1) length = length * 256 + (bytes[offset + 5 + index] as number);
      header += lengthBytes;
    }
    const start = offset + header;
    if (start + length > bytes.length) return { intact: false, utf8, datasets, cutIn: record === 2 ? dataset : undefined };
    if (record === 1 && dataset === 90) {
      utf8 = length === UTF8_DESIGNATION.length && UTF8_DESIGNATION.every((byte, index) => bytes[start + index] === byte);
    }
    datasets += 1;
    offset = start + length;
  }
  return { intact: datasets > 0 && onlyPaddingFollows(bytes, offset), utf8, datasets };
}

const PHOTOSHOP_RESOURCE = [0x38, 0x42, 0x49, 0x4d]; // "8BIM"

/**
 * After the last dataset a block may hold zero padding and, inside a JPEG's Photoshop segment,
 * the next Photoshop resource. Anything else means a dataset marker was overwritten and the
 * datasets after it would be silently lost.
 */
function onlyPaddingFollows(bytes: Uint8Array, offset: number): boolean {
  let position = offset;
  while (position < bytes.length && bytes[position] === 0) position += 1;
  return position === bytes.length || PHOTOSHOP_RESOURCE.every((byte, index) => bytes[position + index] === byte);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** exifr's strings hold one byte per code unit (Latin-1); re-read those bytes as UTF-8. */
function fromUtf8(latin1: string): string {
  try {
    return strictUtf8.decode(Buffer.from(latin1, 'latin1'));
  } catch {
    // Marked UTF-8 but not valid UTF-8: Latin-1 is the better guess than replacement characters.
    return latin1;
  }
}

function redecode(value: unknown): unknown {
  if (typeof value === 'string') return fromUtf8(value);
  if (Array.isArray(value)) return value.map(redecode);
  return value;
}

function toBlock(datasets: Record<string, unknown>): EmbeddedBlock {
  const block: EmbeddedBlock = {};
  const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);
  putText(block, 'description', first(datasets.Caption));
  putText(block, 'headline', first(datasets.Headline));
  putText(block, 'title', first(datasets.ObjectName));
  putText(block, 'creator', datasets.Byline);
  putText(block, 'creatorJobTitle', datasets.BylineTitle);
  putText(block, 'creditLine', first(datasets.Credit));
  putText(block, 'source', first(datasets.Source));
  putText(block, 'copyright', first(datasets.CopyrightNotice));
  putText(block, 'instructions', first(datasets.SpecialInstructions));
  putText(block, 'transmissionReference', first(datasets.OriginalTransmissionReference));
  putText(block, 'dateCreated', isoFromIim(first(datasets.DateCreated), first(datasets.TimeCreated)));
  putText(block, 'sublocation', first(datasets.Sublocation));
  putText(block, 'city', first(datasets.City));
  putText(block, 'state', first(datasets.State));
  putText(block, 'country', first(datasets.Country));
  putText(block, 'countryCode', first(datasets.CountryCode));
  putKeywords(block, datasets.Keywords);
  return block;
}

/** Reads an IIM block: its datasets from the first one on; whatever follows the last is ignored. */
export function readIimBlock(bytes: Uint8Array): IimReading {
  const structure = walkDatasets(bytes);
  if (!structure.intact) {
    const cutIn = structure.cutIn;
    if (cutIn === undefined) return { damaged: true };
    const name = DATASET_NAMES[cutIn] ?? 'a dataset';
    return { damaged: true, detail: `it is cut short in its ${name} (dataset 2:${cutIn}), so none of its values could be read` };
  }
  try {
    const parsed = parseIimWithExifr(bytes) ?? {};
    const datasets = structure.utf8
      ? Object.fromEntries(Object.entries(parsed).map(([name, value]) => [name, redecode(value)]))
      : parsed;
    return { block: toBlock(datasets) };
  } catch {
    return { damaged: true };
  }
}
