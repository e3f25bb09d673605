import { dirname } from 'node:path';
import { UserFacingError } from '../../../../shared/model/errors';
import { isTempFileName } from './atomic-write';
import { messageOf } from '../../../../shared/model/errors';

/**
 * One wording for disk failures, shared by every store: a person reads "The disk is full: free
 * some space and try again", not "ENOSPC: no space left on device, open '/…/.x.json.3f9a.tmp'".
 * Node's errors carry an errno `code`; sharp (libvips) and some libraries only carry the text, so
 * the text is recognised too.
 */

const MESSAGE_PATTERNS: readonly [RegExp, string][] = [
  [/no space left|disk full|ENOSPC/i, 'ENOSPC'],
  [/quota exceeded|EDQUOT/i, 'EDQUOT'],
  [/read-only file system|EROFS/i, 'EROFS'],
  [/permission denied|EACCES/i, 'EACCES'],
  [/operation not permitted|EPERM/i, 'EPERM'],
  [/input\/output error|\bEIO\b/i, 'EIO'],
];

/** The errno code of a failed file operation, also when only the message names it; null if it is not one. */
export function ioErrorCode(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | null | undefined)?.code;
  if (typeof code === 'string' && /^E[A-Z0-9]+$/.test(code)) return code;
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  for (const [pattern, named] of MESSAGE_PATTERNS) if (pattern.test(text)) return named;
  return null;
}

export function isDiskFull(error: unknown): boolean {
  const code = ioErrorCode(error);
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/**
 * The folder an error is about. A temp file's own name means nothing to a person (and changes on
 * every try), so its folder is named instead.
 */
function folderOf(error: unknown): string | null {
  const path = (error as NodeJS.ErrnoException | null | undefined)?.path;
  if (typeof path !== 'string' || path === '') return null;
  const name = path.split(/[\\/]/).pop() ?? '';
  return isTempFileName(name) || /\.tmp$/.test(name) ? dirname(path) : path;
}

/** The sentence for a disk failure, ending with what the person can do about it. */
export function describeIoError(error: unknown): string {
  const code = ioErrorCode(error);
  const where = folderOf(error);
  switch (code) {
    case 'ENOSPC':
      return 'The disk is full: free some space and try again.';
    case 'EDQUOT':
      return 'Your disk quota is used up: free some space and try again.';
    case 'EACCES':
    case 'EPERM':
      return where
        ? `Newsdesk may not write to ${where}: check the folder's permissions.`
        : "Newsdesk may not write to the library folder: check the folder's permissions.";
    case 'EROFS':
      return `The library is on a read-only disk${where ? ` (${where})` : ''}: Newsdesk cannot save there until it is writable again.`;
    case 'EIO':
      return 'The disk reported a read or write error: check the disk (or its connection) and try again.';
    case 'EMFILE':
    case 'ENFILE':
      return 'Too many files are open on this computer: close some programs and try again.';
    case 'ENOENT':
      return `A folder of the library is missing${where ? ` (${where})` : ''}: it may have been moved or deleted outside Newsdesk.`;
    case 'EBUSY':
      return `A file of the library is in use by another program${where ? ` (${where})` : ''}: close it and try again.`;
    case null:
      return `Something unexpected went wrong (${messageOf(error)}).`;
    default:
      return `The disk refused the write (${code}): try again, and check the disk if it keeps happening.`;
  }
}

/**
 * The error a store throws when a write failed: `what` says what was not done ("The draft could
 * not be saved"), then why and what to do. A UserFacingError passes through unchanged.
 */
export function ioFailure(what: string, error: unknown): UserFacingError {
  if (error instanceof UserFacingError) return error;
  return new UserFacingError('io', `${what}. ${describeIoError(error)}`);
}
