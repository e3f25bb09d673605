import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeIoError, ioErrorCode, ioFailure } from '../../../electron/main/services/fs/io-errors';
import { UserFacingError } from '../../../shared/model/errors';

/** Node's own shape of a failed file operation, for codes a test cannot provoke as root (full disk, read-only). */
function nodeError(code: string, syscall: string, path?: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: failed, ${syscall}${path ? ` '${path}'` : ''}`), { code, syscall, ...(path ? { path } : {}) });
}

describe('the wording of disk errors', () => {
  it('names the folder of a temp file, never the temp file itself', async () => {
    const folder = join(tmpdir(), `newsdesk-gone-${process.pid}`);
    const real = await open(join(folder, '.draft.json.0123456789ab.tmp'), 'wx').catch((error: unknown) => error);
    expect(describeIoError(real)).toBe(`A folder of the library is missing (${folder}): it may have been moved or deleted outside Newsdesk.`);
    const denied = nodeError('EACCES', 'open', '/library/drafts/.a.json.0123456789ab.tmp');
    expect(describeIoError(denied)).toBe("Newsdesk may not write to /library/drafts: check the folder's permissions.");
  });

  it('says what to do for each way a disk refuses', () => {
    expect(describeIoError(nodeError('ENOSPC', 'write'))).toBe('The disk is full: free some space and try again.');
    expect(describeIoError(nodeError('EDQUOT', 'write'))).toBe('Your disk quota is used up: free some space and try again.');
    expect(describeIoError(nodeError('EROFS', 'open', '/media/usb/library/x.json'))).toBe(
      'The library is on a read-only disk (/media/usb/library/x.json): Newsdesk cannot save there until it is writable again.',
    );
    expect(describeIoError(nodeError('EIO', 'fsync'))).toMatch(/^The disk reported a read or write error/);
    expect(describeIoError(nodeError('EMFILE', 'open'))).toMatch(/^Too many files are open/);
  });

  it('recognises a full disk in the text of libraries that give no code (sharp)', () => {
    const sharpError = new Error('/lib/media/incoming/x.part.thumbnail.jpg: write error\nsystem error: No space left on device\nVipsJpeg: unable to write to target');
    expect(ioErrorCode(sharpError)).toBe('ENOSPC');
    expect(ioErrorCode(new Error('Input buffer contains unsupported image format'))).toBeNull();
  });

  it('wraps a failure as an io error saying what was not done, and passes a worded one through', () => {
    expect(ioFailure('The draft could not be saved', nodeError('ENOSPC', 'write'))).toMatchObject({
      code: 'io',
      message: 'The draft could not be saved. The disk is full: free some space and try again.',
    });
    const worded = new UserFacingError('conflict', 'Already in the trash.');
    expect(ioFailure('The draft could not be saved', worded)).toBe(worded);
  });
});
