import type { PhotoMetadata } from '../model/photo';
import type { CreditStyle } from '../model/settings';
import { buildCredit, type BuiltCredit } from './credit';

/**
 * Stock photos often carry nothing but a copyright notice: "(c) Jane Doe | Shutterstock",
 * "© 2026 Jane Doe / Getty Images". From it the desk can be offered a credit in house style, but
 * only as a suggestion: a notice names the rights holder, who is not always who should be credited,
 * so nothing is used until a person confirms it (by taking it into creator and credit line).
 */

export interface CreditSuggestion {
  creator: string;
  creditLine: string;
  credit: BuiltCredit;
}

const COPYRIGHT_MARKS = /^\s*(?:\(c\)|©|copyright)\s*/iu;
const YEAR = /^(?:\d{4}\s*[-–]?\s*)?(?:\d{4})?\s*,?\s*/u;
const SEPARATOR = /\s*(?:\||\/|\s[-–—]\s|,)\s*/u;

/** The suggestion for a photo with only a copyright notice; null when it has a credit of its own or the notice says nothing usable. */
export function suggestCreditFromCopyright(metadata: PhotoMetadata, style: CreditStyle): CreditSuggestion | null {
  if (buildCredit(metadata, style).text !== '') return null;
  const notice = metadata.copyright.trim();
  if (!COPYRIGHT_MARKS.test(notice)) return null;
  const owner = notice.replace(COPYRIGHT_MARKS, '').replace(YEAR, '').replace(/\.?\s*all rights reserved\.?$/iu, '').trim();
  const [creator = '', ...rest] = owner.split(SEPARATOR).map((part) => part.trim()).filter(Boolean);
  if (!creator) return null;
  const creditLine = rest.join('/');
  const credit = buildCredit({ ...metadata, creator, creditLine }, style);
  return credit.text ? { creator, creditLine, credit } : null;
}
