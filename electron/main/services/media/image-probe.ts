import { open } from 'node:fs/promises';
import { PHOTO_FORMATS, type PhotoFormat } from '../../../../shared/model/photo';
import type { ProbeFacts } from './image-engine-sharp';
import { ImageEngineUnavailable, imageEngine } from './image-engine';
import { ImportFailure, importMessages, isStorageFailure } from './import-errors';
import { messageOf } from '../../../../shared/model/errors';

export interface ProbedImage {
  format: PhotoFormat;
  /** Upright size (EXIF orientation applied), as the picture is shown. */
  width: number;
  height: number;
}

/**
 * What the file really is, from its content (the image engine reads the header), whatever its
 * name says. Only the header is read here; damaged pixel data shows up when the thumbnail decodes it.
 */
export async function probeImage(file: string, name: string): Promise<ProbedImage> {
  const engine = await imageEngine().catch((error: unknown) => {
    // The item's message says why: photo import is off, not that this file is bad.
    throw error instanceof ImageEngineUnavailable ? new ImportFailure(error.message) : error;
  });
  let metadata: ProbeFacts;
  try {
    metadata = await engine.probe(file);
  } catch (error) {
    throw await describeUnreadable(file, name, error);
  }
  const format = photoFormatOf(metadata);
  if (format === null) {
    throw new ImportFailure(importMessages.unsupportedKind(name, kindOfSharpFormat(metadata)));
  }
  const width = metadata.uprightWidth;
  const height = metadata.uprightHeight;
  if (!(width > 0 && height > 0)) throw new ImportFailure(importMessages.damaged(name));
  return { format, width, height };
}

function photoFormatOf(metadata: ProbeFacts): PhotoFormat | null {
  // libvips reads AVIF through its HEIF loader; HEIC (HEVC-coded) is left out, as most browsers cannot show it.
  if (metadata.format === 'heif') return metadata.compression === 'av1' ? 'avif' : null;
  return (PHOTO_FORMATS as readonly string[]).includes(metadata.format) ? (metadata.format as PhotoFormat) : null;
}

function kindOfSharpFormat(metadata: ProbeFacts): string {
  switch (metadata.format) {
    case 'svg':
      return 'an SVG drawing';
    case 'pdf':
      return 'a PDF document';
    case 'heif':
      return 'a HEIC photo';
    default:
      return `a ${String(metadata.format).toUpperCase()} file`;
  }
}

/** Turns sharp's error into the item's message: a person reads it, not a developer. */
export async function describeUnreadable(file: string, name: string, error: unknown): Promise<ImportFailure> {
  const detail = messageOf(error);
  if (/unsupported image format/i.test(detail)) {
    const kind = await sniffUnsupportedKind(file);
    return new ImportFailure(kind ? importMessages.unsupportedKind(name, kind) : importMessages.notAnImage(name));
  }
  if (/pixel limit/i.test(detail)) return new ImportFailure(importMessages.tooManyPixels(name));
  return new ImportFailure(importMessages.damaged(name));
}

/**
 * The message for a failure while decoding pixels (the thumbnail step). sharp's error text is not
 * always specific (under load it may only say "Warning treated as error due to failOn setting"),
 * so a cut-short file is recognised by its missing end marker where the format has one.
 */
export async function describeDecodeError(file: string, format: PhotoFormat, name: string, error: unknown): Promise<ImportFailure> {
  // The thumbnail is written as it is decoded: a full or closed disk is the library's, not the picture's.
  if (isStorageFailure(error)) return new ImportFailure(importMessages.notStored(name, error));
  const detail = messageOf(error);
  if (/pixel limit/i.test(detail)) return new ImportFailure(importMessages.tooManyPixels(name));
  if (/timeout/i.test(detail)) return new ImportFailure(importMessages.tooSlow(name));
  if ((await endsCleanly(file, format)) === false) return new ImportFailure(importMessages.truncated(name));
  // libjpeg words some damage as "Corrupt JPEG data: premature end of data segment": damaged, not cut short.
  if (/corrupt/i.test(detail)) return new ImportFailure(importMessages.damaged(name));
  if (/premature end|truncated|unexpected end|end of (file|stream|data)|not enough data/i.test(detail)) {
    return new ImportFailure(importMessages.truncated(name));
  }
  return new ImportFailure(importMessages.damaged(name));
}

/** The last bytes a whole file of each format ends with; null where the format has no such marker. */
const END_MARKERS: Partial<Record<PhotoFormat, Buffer>> = {
  jpeg: Buffer.from([0xff, 0xd9]),
  png: Buffer.from('IEND', 'latin1'),
  gif: Buffer.from([0x3b]),
};

async function endsCleanly(file: string, format: PhotoFormat): Promise<boolean | null> {
  const marker = END_MARKERS[format];
  if (!marker) return null;
  const tail = await readTail(file, 64);
  if (tail === null) return null;
  // Some writers pad after the end marker; the marker must still be in the last few bytes.
  return tail.includes(marker);
}

async function readTail(file: string, length: number): Promise<Buffer | null> {
  try {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      const tail = Buffer.alloc(Math.min(length, size));
      await handle.read(tail, 0, tail.length, size - tail.length);
      return tail;
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

/**
 * Names common files libvips (as bundled with sharp) does not open, so the message can say what
 * the file is rather than only what it is not. Only the first bytes are read.
 */
async function sniffUnsupportedKind(file: string): Promise<string | null> {
  let head: Buffer;
  try {
    const handle = await open(file, 'r');
    try {
      head = Buffer.alloc(512);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      head = head.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
  const ascii = head.toString('latin1');
  if (ascii.startsWith('BM')) return 'a BMP image';
  if (ascii.startsWith('%PDF')) return 'a PDF document';
  if (ascii.startsWith('8BPS')) return 'a Photoshop document';
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg/i.test(ascii)) return 'an SVG drawing';
  if (ascii.slice(4, 12) === 'ftypheic' || ascii.slice(4, 12) === 'ftypheix' || ascii.slice(4, 12) === 'ftypmif1') {
    return 'a HEIC photo';
  }
  return null;
}
