import type { LexicalDocument } from '../model/article';
import { CORRECTION_LABELS, type CorrectionKind } from '../model/corrections';

/**
 * The house format of a correction or update note: "Correction, 7 Dec 2026: the text." The date is
 * the desk's day (its time zone), written day, short month, year; the note is its own paragraph
 * at the end of the body, its label in bold, so every output of the body (the editor, HTML and
 * ninjs exports, WordPress and Ghost) shows it without a node of its own.
 */

export interface DeskClock {
  /** An IANA zone ("Europe/Paris"); the machine's own when absent. */
  timeZone?: string;
  /** A BCP 47 locale for the month's name; en-GB (the house's "7 Dec 2026") when absent. */
  locale?: string;
}

/** "7 Dec 2026" for the day `at` falls on in the desk's zone. */
export function correctionDate(at: Date, clock: DeskClock = {}): string {
  const parts = new Intl.DateTimeFormat(clock.locale ?? 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: clock.timeZone }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((entry) => entry.type === type)?.value ?? '';
  // Some locales end the short month with a full stop ("déc."); the house format has none.
  return `${part('day')} ${part('month').replace(/\.$/, '')} ${part('year')}`;
}

/** "Correction, 7 Dec 2026:" — the bold start of the line. */
export function correctionLabel(kind: CorrectionKind, at: Date, clock: DeskClock = {}): string {
  return `${CORRECTION_LABELS[kind]}, ${correctionDate(at, clock)}:`;
}

/** The text as one line: the note's own line breaks and runs of spaces become single spaces. */
export function correctionText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The whole line, as the log keeps it and readers see it. */
export function correctionLine(kind: CorrectionKind, text: string, at: Date, clock: DeskClock = {}): string {
  return `${correctionLabel(kind, at, clock)} ${correctionText(text)}`;
}

const textNode = (text: string, format: number) => ({ type: 'text', version: 1, text, format, detail: 0, mode: 'normal', style: '' });
const BOLD = 1;

/** The note as a Lexical paragraph: the label in bold, then the text. */
export function correctionParagraph(kind: CorrectionKind, text: string, at: Date, clock: DeskClock = {}) {
  return noteParagraph(correctionLabel(kind, at, clock), text);
}

/** A note whose label was already written ("Correction, 7 Dec 2026:") as a Lexical paragraph. */
export function noteParagraph(label: string, text: string) {
  return {
    type: 'paragraph',
    version: 1,
    format: '',
    indent: 0,
    direction: null,
    textFormat: 0,
    textStyle: '',
    children: [textNode(label, BOLD), textNode(` ${correctionText(text)}`, 0)],
  };
}

/** The body with the note appended as its last block (a new document; the old one is untouched). */
export function appendCorrection(body: LexicalDocument, kind: CorrectionKind, text: string, at: Date, clock: DeskClock = {}): LexicalDocument {
  return { ...body, root: { ...body.root, children: [...body.root.children, correctionParagraph(kind, text, at, clock)] } };
}
