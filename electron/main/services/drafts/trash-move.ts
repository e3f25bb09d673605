import { UserFacingError } from '../../../../shared/model/errors';
import { renameDurable } from '../fs/atomic-write';
import { ioFailure } from '../fs/io-errors';
import { capitalize, describeDraft, exists } from './helpers';
import { articleFile, type StorePaths } from './paths';
import type { Quarantine } from './quarantine';

/**
 * Moves a live draft's file to the trash; false when the file was already gone. A different copy
 * under the same id already in the trash (put there by a sync or by hand; the draft list only shows
 * the live one) is kept, never overwritten: it goes to the quarantine folder with the reason, where
 * the desk sees it listed and can take its text back.
 */
export async function moveToTrash(paths: StorePaths, quarantine: Quarantine, id: string, headline: string): Promise<boolean> {
  const inTrash = articleFile(paths, 'trash', id);
  const described = describeDraft(headline);
  if (await exists(inTrash)) {
    const kept = await quarantine.move(inTrash, `Another copy of ${described} was in the trash when the draft was trashed; it was kept here rather than overwritten.`);
    if (kept?.movedTo === inTrash) {
      throw new UserFacingError('io', `${capitalize(described)} was not trashed: another copy of it in the trash could not be moved aside. ${kept.reason}`);
    }
  }
  try {
    await renameDurable(articleFile(paths, 'drafts', id), inTrash);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw ioFailure(`${capitalize(described)} could not be moved to the trash`, error);
  }
}
