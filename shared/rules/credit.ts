import type { PhotoMetadata } from '../model/photo';
import type { AgencyAlias, CreditStyle } from '../model/settings';
import { fillPattern, type CreditPart, type SourcedText } from './credit-pattern';
import { nameCase } from './name-case';

// The parts' types live with the pattern that produces them (one-way: credit-pattern imports nothing of this file).
export type { CreditPart, CreditPartOrigin } from './credit-pattern';

export interface BuiltCredit {
  /** The credit line in house style; "" when the photo carries neither creator nor agency. */
  text: string;
  parts: CreditPart[];
  /** Which rule produced it, for the explanation under the credit field. */
  rule: 'agency' | 'handout' | 'standard' | 'creator-only' | 'agency-only' | 'none';
}

/** Caption, title, headline and instructions only tell whether a photo is a handout ("HANDOUT PHOTO"). */
export type CreditInput = Pick<PhotoMetadata, 'creator' | 'creditLine' | 'source'> &
  Partial<Pick<PhotoMetadata, 'description' | 'title' | 'headline' | 'instructions'>>;

const DEFAULT_HANDOUT_PATTERN = 'Handout/{agency}';
const NO_CREDIT: BuiltCredit = { text: '', parts: [], rule: 'none' };
const HANDOUT_WORD = /(?<![\p{L}\p{N}])handout(?![\p{L}\p{N}])/iu;
/** Agencies' short form: Source "HO", credit "HO/AFP". Capitals and a whole slash segment only ("Ho" is a name). */
const HO_SEGMENT = /^\s*HO\s*$/u;
/** In prose a handout is named as such ("handout photo", "HANDOUT PICTURE") or shouted ("HANDOUT"). */
const HANDOUT_PHRASE = /(?<![\p{L}\p{N}])handout\s+(?:photo(?:graph)?|picture|image|still)s?(?![\p{L}\p{N}])/iu;
const HANDOUT_CAPITALS = /(?<![\p{L}\p{N}])HANDOUT(?![\p{L}\p{N}])/u;

/** Collapses runs of white space (files often carry line breaks or double spaces) and trims. */
function clean(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

function sameName(a: string, b: string): boolean {
  return clean(a).toLowerCase() === clean(b).toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when `name` appears in `text` as whole words, whatever the case ("Gonzalo Fuentes/POOL/AFP"). */
function containsName(text: string, name: string): boolean {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}

/** The creators, one entry each: "GONZALO FUENTES; Yves Herman" → ["Gonzalo Fuentes", "Yves Herman"]. */
export function creatorNames(creator: string): string[] {
  const names: string[] = [];
  for (const raw of creator.split(';')) {
    const name = nameCase(clean(raw));
    if (name && !names.some((known) => sameName(known, name))) names.push(name);
  }
  return names;
}

/** "A", "A and B", "A, B and C". */
function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The agency's house-style name: an alias matching the whole value (any case) replaces it. */
export function applyAliases(agency: string, aliases: readonly AgencyAlias[]): string {
  const alias = aliases.find((candidate) => sameName(candidate.from, agency));
  return alias ? clean(alias.to) : agency;
}

/** "HANDOUT/AFP" → "AFP"; "Presidential Press Service/Handout via Reuters" → "Presidential Press Service via Reuters". */
export function withoutHandout(text: string): string {
  const segments = text
    .split('/')
    .filter((segment) => !HO_SEGMENT.test(segment))
    .map((segment) => clean(segment.replace(new RegExp(HANDOUT_WORD.source, 'giu'), ' ')))
    .filter(Boolean);
  return segments.reduce((joined, segment) => {
    if (!joined) return segment;
    // "…/Handout via Getty Images" keeps reading as "… via Getty Images", not "…/via Getty Images".
    return /^via\s/iu.test(segment) ? `${joined} ${segment}` : `${joined}/${segment}`;
  }, '');
}

function marksHandout(field: string): boolean {
  return HANDOUT_WORD.test(field) || field.split('/').some((segment) => HO_SEGMENT.test(segment));
}

function saysHandout(prose: string | undefined): boolean {
  return prose !== undefined && (HANDOUT_PHRASE.test(prose) || HANDOUT_CAPITALS.test(prose));
}

/**
 * A handout: "Handout" or "HO" in the creator, credit line or source, or the caption, title,
 * headline or instructions calling it a handout photo. Agencies distributing a picture taken by a
 * ministry, a company or a private person mark it so; crediting the person as the agency's
 * photographer would misattribute it.
 */
export function isHandout(metadata: CreditInput): boolean {
  if ([metadata.creator, metadata.creditLine, metadata.source].some(marksHandout)) return true;
  return [metadata.instructions, metadata.description, metadata.title, metadata.headline].some(saysHandout);
}

/** The handout credit as the agency wrote it (credit line, else source), for desks that keep the agency's form. */
function agencyHandoutCredit(metadata: CreditInput, style: CreditStyle): BuiltCredit | null {
  const line = clean(metadata.creditLine);
  const source = clean(metadata.source);
  const found: SourcedText | null = line ? { text: line, from: 'creditLine' } : source && !HO_SEGMENT.test(source) ? { text: source, from: 'source' } : null;
  if (!found) return null;
  return { text: applyAliases(found.text, style.aliases), parts: [{ text: applyAliases(found.text, style.aliases), from: found.from }], rule: 'handout' };
}

function credit(pattern: string, creator: SourcedText | null, agency: SourcedText | null, rule: BuiltCredit['rule']): BuiltCredit {
  const parts = fillPattern(pattern, { creator, agency });
  return { text: parts.map((part) => part.text).join(''), parts, rule };
}

/** The creators not already named by the agency text ("Gonzalo Fuentes" in "Gonzalo Fuentes/POOL/AFP"). */
function creatorsToAdd(names: string[], agencyTexts: string[]): SourcedText | null {
  if (names.length === 0) return null;
  const alreadyNamed = names.every((name) => agencyTexts.some((text) => containsName(text, name)));
  return alreadyNamed ? null : { text: joinNames(names), from: 'creator' };
}

function handoutCredit(metadata: CreditInput, style: CreditStyle): BuiltCredit {
  if (style.handoutForm === 'agency') {
    const asWritten = agencyHandoutCredit(metadata, style);
    if (asWritten) return asWritten;
  }
  const names = creatorNames(withoutHandout(metadata.creator));
  const candidates: SourcedText[] = [
    { text: withoutHandout(metadata.creditLine), from: 'creditLine' },
    { text: withoutHandout(metadata.source), from: 'source' },
  ];
  // A handout named only in the creator field ("White House/Handout") gives the handout's origin.
  const fromCreator: SourcedText | null = names.length > 0 ? { text: joinNames(names), from: 'creator' } : null;
  const found = candidates.find((candidate) => candidate.text) ?? fromCreator;
  const agency = found && { ...found, text: applyAliases(found.text, style.aliases) };
  const creator = found && agency && found.from !== 'creator' ? creatorsToAdd(names, [found.text, agency.text]) : null;
  const built = credit(style.handoutPattern, creator, agency, 'handout');
  // "{creator}/Handout via {agency}" without a creator drops its middle, "Handout" with it: a
  // handout credit must still say so, so the plain handout form stands in.
  if (built.text && HANDOUT_WORD.test(style.handoutPattern) && !HANDOUT_WORD.test(built.text)) {
    return credit(DEFAULT_HANDOUT_PATTERN, creator, agency, 'handout');
  }
  return built;
}

/**
 * Builds the credit line from creator / credit line / source in house style. The agency is the
 * credit line when there is one, else the source, after the desk's aliases. Handouts use the
 * handout pattern, agencies with their own rule (AP) their pattern, everything else the default.
 */
export function buildCredit(metadata: CreditInput, style: CreditStyle): BuiltCredit {
  if (isHandout(metadata)) return handoutCredit(metadata, style);
  const names = creatorNames(metadata.creator);
  const creditLine = clean(metadata.creditLine);
  const source = clean(metadata.source);
  const found: SourcedText | null = creditLine
    ? { text: creditLine, from: 'creditLine' }
    : source
      ? { text: source, from: 'source' }
      : null;
  if (names.length === 0 && !found) return NO_CREDIT;

  const agency = found ? { ...found, text: applyAliases(found.text, style.aliases) } : null;
  const creator = creatorsToAdd(names, agency && found ? [found.text, agency.text] : []);
  const agencyRule = agency && style.agencyRules.find((rule) => sameName(rule.agency, agency.text));
  if (agencyRule) return credit(agencyRule.pattern, creator, agency, 'agency');
  const rule = names.length > 0 && agency ? 'standard' : agency ? 'agency-only' : 'creator-only';
  return credit(style.pattern, creator, agency, rule);
}
