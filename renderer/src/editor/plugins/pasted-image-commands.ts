import { createCommand, type LexicalCommand } from 'lexical';
import type { Photo } from '../../../../shared/model/photo';
import type { LeftOutImage, PastedAddress, PastedPicture } from './pasted-images';

/**
 * How the two halves of pasting pictures talk: PhotoPlugin reads the paste and inserts photos;
 * PastedImagesNotice downloads the web pictures through main and lists what was left out.
 */

/** A paste was read: pictures to download, and those already left out (an empty paste clears the notice). */
export const PASTED_IMAGES_COMMAND: LexicalCommand<{ remote: PastedAddress[]; leftOut: LeftOutImage[] }> = createCommand('PASTED_IMAGES_COMMAND');

/** Photos now in the library, to insert as uses carrying what the pasted page said about them. */
export const INSERT_PASTED_PHOTOS_COMMAND: LexicalCommand<{ photo: Photo; pasted: PastedPicture }[]> = createCommand('INSERT_PASTED_PHOTOS_COMMAND');
