import type { EmbeddedBlock } from '../../../../../shared/model/photo';
import { parseXmpWithExifr } from './exifr';
import { isoDateTime, putKeywords, putText } from './values';
import { isWellFormedXml } from './xml-check';

/**
 * The XMP block: checked, parsed with exifr, mapped to the desk's fields. Property names follow
 * the IPTC Photo Metadata Standard's XMP mapping (dc, photoshop, xmpRights, Iptc4xmpCore).
 */

export type XmpReading = { block: EmbeddedBlock } | { damaged: true; detail?: string };

/**
 * exifr's XMP reader turns every value that looks like a number or a boolean into one ("007" → 7,
 * "0800" → 800) and leaves XML entities encoded ("AT&amp;T"). Captions and credits must come out
 * exactly as written, so each text node and attribute value is prefixed with an invisible marker
 * that keeps it a string, and the marker is removed and the entities decoded afterwards.
 */
const KEEP_AS_TEXT = '\u2060';
const TEXT_NODE = />(\s*[^\s<][^<]*)</g;
const PREFIXED_ATTRIBUTE_VALUE = /(\s[\w.-]+:[\w.-]+\s*=\s*)(["'])(?!\2)/g;

function keepValuesAsText(xmp: string): string {
  return xmp
    .replace(TEXT_NODE, (_match, text: string) => `>${KEEP_AS_TEXT}${text}<`)
    .replace(PREFIXED_ATTRIBUTE_VALUE, `$1$2${KEEP_AS_TEXT}`);
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (entity, name: string) => {
    if (!name.startsWith('#')) return NAMED_ENTITIES[name] ?? entity;
    const code = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

function restoreText(value: unknown): unknown {
  if (typeof value === 'string') return decodeEntities(value.replaceAll(KEEP_AS_TEXT, ''));
  if (Array.isArray(value)) return value.map(restoreText);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, restoreText(item)]));
  }
  return value;
}

type Namespaces = Record<string, Record<string, unknown> | undefined>;

interface LanguageAlternative {
  lang?: unknown;
  value?: unknown;
}

function isAlternative(value: unknown): value is LanguageAlternative {
  return typeof value === 'object' && value !== null && 'value' in value;
}

/** An rdf:Alt list: the x-default entry, else the first one; a plain value as it is. */
function defaultLanguage(value: unknown): unknown {
  const entries = Array.isArray(value) ? value : [value];
  if (!entries.some(isAlternative)) return value;
  const alternatives = entries.filter(isAlternative);
  const chosen = alternatives.find((entry) => entry.lang === 'x-default') ?? alternatives[0];
  return chosen?.value;
}

function toBlock(namespaces: Namespaces): EmbeddedBlock {
  const dc = namespaces.dc ?? {};
  const photoshop = namespaces.photoshop ?? {};
  const rights = namespaces.xmpRights ?? {};
  const core = namespaces.Iptc4xmpCore ?? {};
  const block: EmbeddedBlock = {};
  putText(block, 'description', defaultLanguage(dc.description));
  putText(block, 'headline', photoshop.Headline);
  putText(block, 'title', defaultLanguage(dc.title));
  putText(block, 'creator', dc.creator);
  putText(block, 'creatorJobTitle', photoshop.AuthorsPosition);
  putText(block, 'creditLine', photoshop.Credit);
  putText(block, 'source', photoshop.Source);
  putText(block, 'copyright', defaultLanguage(dc.rights));
  putText(block, 'usageTerms', defaultLanguage(rights.UsageTerms));
  putText(block, 'webStatement', rights.WebStatement);
  putText(block, 'altText', defaultLanguage(core.AltTextAccessibility));
  putText(block, 'extendedDescription', defaultLanguage(core.ExtDescrAccessibility));
  putText(block, 'instructions', photoshop.Instructions);
  putText(block, 'transmissionReference', photoshop.TransmissionReference);
  putText(block, 'dateCreated', isoDateTime(photoshop.DateCreated));
  putText(block, 'sublocation', core.Location);
  putText(block, 'city', photoshop.City);
  putText(block, 'state', photoshop.State);
  putText(block, 'country', photoshop.Country);
  putText(block, 'countryCode', core.CountryCode);
  putKeywords(block, dc.subject);
  return block;
}

/** Reads one XMP packet; a damaged one is reported as such, never half-read. */
export function readXmpPacket(packet: string): XmpReading {
  if (!isWellFormedXml(packet)) {
    // A packet without its closing tags was cut short (a download or copy that stopped), not garbled.
    const cutShort = !packet.includes('</rdf:RDF>') && !packet.includes('</x:xmpmeta>');
    return cutShort ? { damaged: true, detail: 'it is cut short before its end, so none of its values could be read' } : { damaged: true };
  }
  try {
    const parsed = parseXmpWithExifr(keepValuesAsText(packet));
    return { block: toBlock((restoreText(parsed) ?? {}) as Namespaces) };
  } catch {
    return { damaged: true };
  }
}
