import { describeIoError, ioErrorCode } from '../fs/io-errors';
import { limitSettingName, megabytesText } from '../../../../shared/model/settings';

/**
 * Why one file of an import failed, worded for the person importing. Thrown inside the import of
 * one file and turned into the item's message; never leaves the library.
 */
export class ImportFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFailure';
  }
}

/** Thrown between steps when the job was cancelled; the file's work so far is rolled back. */
export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled.');
    this.name = 'ImportCancelled';
  }
}

export const importCancelled = (): ImportCancelled => new ImportCancelled();

/** Codes that mean the library's disk failed, whatever step it failed in, never the picture. */
const STORAGE_CODES = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EIO']);

/**
 * True when an error from writing into the library (a thumbnail, a copy) is the disk's fault.
 * sharp reports a full disk only in its text ("write error … No space left on device"), which
 * would otherwise read as a picture it could not decode.
 */
export function isStorageFailure(error: unknown): boolean {
  const code = ioErrorCode(error);
  return code !== null && STORAGE_CODES.has(code);
}

export const ACCEPTED_FORMATS_TEXT = 'JPEG, PNG, WebP, GIF, AVIF and TIFF';

/** How a file name reads in a message: in quotes, shortened when very long. */
export function quoteName(name: string): string {
  const trimmed = name.trim() || 'The file';
  return `“${trimmed.length > 80 ? `${trimmed.slice(0, 77)}…` : trimmed}”`;
}

export const importMessages = {
  missing: (name: string) => `${quoteName(name)} could not be found; it may have been moved or deleted.`,
  folder: (name: string) => `${quoteName(name)} is a folder; choose the photos inside it.`,
  notRegular: (name: string) => `${quoteName(name)} is not a regular file and cannot be imported.`,
  empty: (name: string) => `${quoteName(name)} is empty (0 bytes).`,
  /** The desk's import limit decides; the message says which setting raises it. */
  tooLarge: (name: string, limitBytes: number) =>
    `${quoteName(name)} is larger than ${megabytesText(limitBytes)}, the most this desk imports in one file ` +
    `(${limitSettingName('importMaxBytes')}).`,
  notAllowed: (name: string) => `Newsdesk is not allowed to read ${quoteName(name)}.`,
  unreadable: (name: string, detail: string) => `${quoteName(name)} could not be read (${detail}).`,
  notAnImage: (name: string) =>
    `${quoteName(name)} is not an image Newsdesk can read. Newsdesk imports ${ACCEPTED_FORMATS_TEXT}.`,
  unsupportedKind: (name: string, kind: string) =>
    `${quoteName(name)} is ${kind}, which Newsdesk does not import. Save it as ${ACCEPTED_FORMATS_TEXT.replace(' and ', ' or ')}.`,
  truncated: (name: string) =>
    `${quoteName(name)} is incomplete: the file ends before the picture does (it may have been cut short while copying or downloading).`,
  damaged: (name: string) => `${quoteName(name)} is damaged: its picture data could not be decoded.`,
  tooManyPixels: (name: string) => `${quoteName(name)} has too many pixels for Newsdesk to open safely.`,
  tooSlow: (name: string) => `${quoteName(name)} took too long to read and was stopped.`,
  neverArrived: (name: string) => `${quoteName(name)} never arrived from the window that started the import.`,
  /** The library's disk refused it (full, no permission, read-only): the picture itself is fine. */
  notStored: (name: string, error: unknown) => `${quoteName(name)} could not be stored in the library. ${describeIoError(error)}`,
};
