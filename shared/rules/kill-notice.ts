import { correctionDate, correctionText, type DeskClock } from './corrections';
import { escapeHtml } from './html-escape';

/**
 * A kill notice in the house format: when a story must be withdrawn everywhere (an agency's kill, a
 * legal order), its post stays at its address, so links and search results do not end on an error,
 * but everything in it (text, dek, lead photo) is replaced by one line: "Withdrawn, 7 Dec 2026: the
 * reason." The headline stays, so a reader knows which story was withdrawn. The line is marked with
 * the class `newsdesk-kill`, so a retry after a lost answer sees its own work done.
 */

export const KILL_NOTICE_CLASS = 'newsdesk-kill';

/** What an editor types when there is no reason to give. */
export const DEFAULT_KILL_TEXT = 'This story has been withdrawn.';

export interface KillNotice {
  /** "Withdrawn, 7 Dec 2026:" in the desk's zone. */
  label: string;
  /** The reason, as one line. */
  text: string;
}

export function killNotice(text: string, at: Date, clock: DeskClock = {}): KillNotice {
  return { label: `Withdrawn, ${correctionDate(at, clock)}:`, text: correctionText(text) || DEFAULT_KILL_TEXT };
}

/** The notice as the post's whole content: one marked paragraph, the label in bold. */
export function killNoticeHtml(notice: KillNotice): string {
  return `<p class="${KILL_NOTICE_CLASS}"><strong>${escapeHtml(notice.label)}</strong> ${escapeHtml(notice.text)}</p>`;
}

/** Whether a post's content is (already) a kill notice Newsdesk wrote. */
export function isKillNoticeContent(content: string): boolean {
  return content.includes(`class="${KILL_NOTICE_CLASS}"`);
}
