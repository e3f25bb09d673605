import type { PhotoField, PhotoMetadata } from '../model/photo';
import { formatUtc, parseEmbargoTime } from './embargo-date';
import { isAllCapitals } from './name-case';
import { useForDays, useUntil } from './use-period';

export type RestrictionKind =
  | 'pool'
  | 'mandatory-credit'
  | 'no-sales'
  | 'not-for-resale'
  | 'no-archive'
  | 'one-time-use'
  | 'time-limited'
  | 'embargo'
  | 'editorial-only'
  | 'other';

export interface Restriction {
  kind: RestrictionKind;
  /** Short label for a badge: "POOL", "MANDATORY CREDIT", "Embargoed until 2 Dec 2026 10:00 UTC". */
  label: string;
  /** The sentence it was found in. */
  detail: string;
  /** The metadata field it was found in. */
  field: PhotoField;
  /**
   * For embargoes: the ISO time it lifts, when the text gives one. For time-limited use: the last
   * day of use (YYYY-MM-DD), when it can be worked out.
   */
  until?: string;
}

/** The fields agencies put restrictions in, in the order they are searched (the first find counts). */
export const RESTRICTION_FIELDS = ['instructions', 'usageTerms', 'creditLine', 'source', 'description'] as const;

/** Captions are prose: there "pool" or "embargo" may be ordinary words, so only capitals count. */
const PROSE_FIELD: PhotoField = 'description';

interface Finding {
  kind: RestrictionKind;
  label: string;
  until?: string;
}

interface RestrictionRule {
  kind: RestrictionKind;
  pattern: RegExp;
  /** Whether a find counts; by default every find does. `inProse` is true in the caption. */
  accepts?: (match: RegExpExecArray, text: string, inProse: boolean) => boolean;
  read: (match: RegExpExecArray, text: string, dateCreated: string) => Finding;
}

/** Whole words only: "POOL" is found in "/ POOL /" but not in "Liverpool". */
function words(source: string, flags = 'giu'): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, flags);
}

function fixed(kind: RestrictionKind, label: string) {
  return (): Finding => ({ kind, label });
}

function upperCaseLabel(match: RegExpExecArray): string {
  return match[0].replace(/\s+/gu, ' ').toUpperCase();
}

/** Words a full stop follows without ending the sentence ("Dec. 2", "Gen. Smith"). */
const ABBREVIATIONS = new Set(
  'jan feb mar apr jun jul aug sep sept oct nov dec mrs gen sen rep gov col sgt capt lieut ave approx'.split(' '),
);
const SENTENCE_MARK = /[.!?](?=\s+[\p{Lu}\p{N}]|\s*$)|\n/gu;
const DETAIL_REACH = 150;

/** Where sentences end: after a newline, or a full stop closing a real word ("a.m. EST" and "U.S. President" go on). */
function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  for (const mark of text.matchAll(SENTENCE_MARK)) {
    if (mark[0] === '\n') {
      ends.push(mark.index);
      continue;
    }
    const word = /[\p{L}\p{N}]+$/u.exec(text.slice(0, mark.index))?.[0] ?? '';
    const endsSentence = /^\p{N}+$/u.test(word) || (word.length >= 3 && !ABBREVIATIONS.has(word.toLowerCase()));
    if (endsSentence) ends.push(mark.index + 1);
  }
  return ends;
}

/** The text after an embargo keyword up to the end of its sentence, where the date is written. */
function embargoWording(text: string, from: number): string {
  const sentenceEnd = sentenceEnds(text).find((index) => index > from) ?? text.length;
  return text.slice(from, Math.min(sentenceEnd, from + DETAIL_REACH));
}

function readEmbargo(match: RegExpExecArray, text: string): Finding {
  const until = parseEmbargoTime(embargoWording(text, match.index + match[0].length));
  if (until) return { kind: 'embargo', label: `Embargoed until ${formatUtc(until)}`, until };
  return { kind: 'embargo', label: /hold/i.test(match[0]) ? 'HOLD FOR RELEASE' : 'EMBARGO' };
}

const OUT_OF_MARKETS = 'mags|magazines?|tv|television|internet|online|web|newspapers?|print|books?|broadcast|mobile|social\\s+media';

const KNOWN_MARKET_OUT = words(`(?:${OUT_OF_MARKETS})\\s+out`, 'iu');

/** In a caption, "for 14 days" is usually the story ("protesters camped for 14 days"): only capitals count there. */
function capitalsInProse(match: RegExpExecArray, _text: string, inProse: boolean): boolean {
  return !inProse || isAllCapitals(match[0]);
}

function readTimeLimit(match: RegExpExecArray, text: string, dateCreated: string): Finding {
  const days = match.groups?.days ?? match.groups?.daysBefore;
  const period = days ? useForDays(Number(days), dateCreated) : useUntil(text.slice(match.index + match[0].length), dateCreated);
  return { kind: 'time-limited', ...period };
}

const RULES: RestrictionRule[] = [
  {
    kind: 'pool',
    pattern: words('pool'),
    accepts: (match, _text, inProse) => !inProse || isAllCapitals(match[0]),
    read: fixed('pool', 'POOL'),
  },
  { kind: 'mandatory-credit', pattern: words('mandatory\\s+credit'), read: fixed('mandatory-credit', 'MANDATORY CREDIT') },
  { kind: 'no-sales', pattern: words('no\\s+(?:third[-\\s]party\\s+)?sales'), read: fixed('no-sales', 'NO SALES') },
  {
    kind: 'not-for-resale',
    pattern: words('not\\s+for\\s+re-?sale|no\\s+re-?sales?'),
    read: fixed('not-for-resale', 'NOT FOR RESALE'),
  },
  {
    kind: 'no-archive',
    pattern: words('no\\s+archiv(?:es?|ing)|not\\s+for\\s+archiv(?:es?|ing)|do\\s+not\\s+archive'),
    read: fixed('no-archive', 'NO ARCHIVE'),
  },
  {
    kind: 'one-time-use',
    pattern: words('one[-\\s]time\\s+use|single[-\\s]use|(?:for\\s+)?one[-\\s]off\\s+use'),
    accepts: capitalsInProse,
    read: fixed('one-time-use', 'ONE-TIME USE'),
  },
  {
    kind: 'time-limited',
    // "FOR 14 DAYS", "WITHIN 30 DAYS", "USE LIMITED TO 7 DAYS", "14-DAY USE".
    pattern: words('(?:for|within|limited\\s+to|restricted\\s+to)\\s+(?<days>\\d{1,3})\\s+days?|(?<daysBefore>\\d{1,3})[-\\s]days?\\s+(?:use|usage|licen[cs]e)'),
    accepts: capitalsInProse,
    read: readTimeLimit,
  },
  {
    kind: 'time-limited',
    // "USE UNTIL 31 DEC", "valid until December 31, 2026"; "do not use until" is an embargo, not a limit.
    pattern: words('(?:use|usage|used|usable|valid|available|licen[cs]ed)\\s+(?:only\\s+)?until'),
    accepts: (match, text, inProse) => capitalsInProse(match, text, inProse) && !/(?:not|n't)\s+(?:be\s+)?$/iu.test(text.slice(0, match.index)),
    read: readTimeLimit,
  },
  {
    kind: 'editorial-only',
    pattern: words('editorial\\s+(?:use|purposes)\\s+only'),
    read: fixed('editorial-only', 'EDITORIAL USE ONLY'),
  },
  {
    kind: 'embargo',
    pattern: words('embargo(?:ed)?|hold\\s+for\\s+release|not\\s+for\\s+(?:publication|release|broadcast)\\s+(?:before|until)|do\\s+not\\s+publish\\s+(?:before|until)'),
    // "the oil embargo" in a caption is news, not an instruction; "EMBARGOED" or "Embargo:" is.
    accepts: (match, text, inProse) =>
      !inProse || isAllCapitals(match[0]) || /^\s*(?::|until\b|till\b)/iu.test(text.slice(match.index + match[0].length)),
    read: readEmbargo,
  },
  { kind: 'other', pattern: words(`(?:${OUT_OF_MARKETS})\\s+out`), read: (match) => ({ kind: 'other', label: upperCaseLabel(match) }) },
  {
    // Territories and clients written in capitals: "FRANCE OUT", "NORTH AMERICA OUT", "AFP OUT".
    kind: 'other',
    pattern: words('(?:\\p{Lu}{2,}\\s+)?\\p{Lu}{2,}\\s+OUT', 'gu'),
    // "MAGS OUT" is the rule above's; this one must not swallow it as "NO SALES MAGS OUT".
    accepts: (match) => !KNOWN_MARKET_OUT.test(match[0]),
    read: (match) => ({ kind: 'other', label: upperCaseLabel(match) }),
  },
];

/** The sentence around a find, for the warning's detail (long sentences are cut around it). */
function sentenceAround(text: string, start: number, end: number): string {
  const ends = sentenceEnds(text);
  const sentenceStart = Math.max(0, ...ends.filter((index) => index <= start));
  const sentenceEnd = ends.find((index) => index >= end) ?? text.length;
  const from = Math.max(sentenceStart, start - DETAIL_REACH);
  const to = Math.min(sentenceEnd, end + DETAIL_REACH);
  const sentence = text.slice(from, to).replace(/\s+/gu, ' ').trim();
  return `${from > sentenceStart ? '…' : ''}${sentence}${to < sentenceEnd ? '…' : ''}`;
}

interface Located extends Restriction {
  order: number;
  position: number;
}

function findingsIn(field: PhotoField, order: number, text: string, dateCreated: string): Located[] {
  const found: Located[] = [];
  for (const rule of RULES) {
    for (const match of text.matchAll(rule.pattern)) {
      if (rule.accepts && !rule.accepts(match, text, field === PROSE_FIELD)) continue;
      const finding = rule.read(match, text, dateCreated);
      const detail = sentenceAround(text, match.index, match.index + match[0].length);
      found.push({ ...finding, detail, field, order, position: match.index });
    }
  }
  return found;
}

/** Keeps the first find of each kind; several "… OUT" finds in that same field share one label. */
function firstOfEachKind(found: Located[]): Restriction[] {
  const sorted = [...found].sort((a, b) => a.order - b.order || a.position - b.position);
  const chosen = new Map<RestrictionKind, Located>();
  for (const item of sorted) {
    const first = chosen.get(item.kind);
    if (!first) chosen.set(item.kind, { ...item });
    else if (item.kind === 'other' && item.field === first.field && !first.label.split(', ').includes(item.label)) {
      first.label = `${first.label}, ${item.label}`;
    }
  }
  return [...chosen.values()].map(({ order: _order, position: _position, ...restriction }) => restriction);
}

/** Finds usage restrictions in a photo's instructions, usage terms, credit, source and caption. */
export function findRestrictions(metadata: PhotoMetadata): Restriction[] {
  const dateCreated = metadata.dateCreated ?? '';
  const found = RESTRICTION_FIELDS.flatMap((field, order) => findingsIn(field, order, metadata[field] ?? '', dateCreated));
  return firstOfEachKind(found);
}
