import type { EmbeddedBlock } from '../../../../../shared/model/photo';
import { isoDateTime, putText } from './values';

/**
 * EXIF's few desk fields: ImageDescription, Artist, Copyright and the date the picture was taken.
 * Cameras fill ImageDescription with their own name or blanks; those are no caption.
 */
const CAMERA_PLACEHOLDERS = /^(OLYMPUS DIGITAL CAMERA|SONY DSC|DIGITAL CAMERA|KONICA MINOLTA DIGITAL CAMERA|SAMSUNG CAMERA PICTURES|LEAD Technologies Inc\. V1\.01|default)$/i;

export function exifToBlock(ifd0: Record<string, unknown> = {}, exif: Record<string, unknown> = {}): EmbeddedBlock {
  const block: EmbeddedBlock = {};
  const description = typeof ifd0.ImageDescription === 'string' ? ifd0.ImageDescription.trim() : ifd0.ImageDescription;
  if (!(typeof description === 'string' && CAMERA_PLACEHOLDERS.test(description))) putText(block, 'description', description);
  putText(block, 'creator', ifd0.Artist);
  putText(block, 'copyright', ifd0.Copyright);
  putText(block, 'dateCreated', isoDateTime(exif.DateTimeOriginal, exif.OffsetTimeOriginal));
  return block;
}
