import type { EmbeddedBlock, EmbeddedMetadata, FieldSources, PhotoMetadata } from '../../../../../shared/model/photo';
import { readContainer, type Container } from './container';
import { exifToBlock } from './exif';
import { readBlocksWithExifr } from './exifr';
import { readIimBlock } from './iim';
import { readJpegHead } from './jpeg-head';
import { mergeBlocks } from './merge';
import { readGifXmp, readRawBlocksWithSharp } from './raw-blocks';
import { readXmpPacket } from './xmp';

export interface MetadataReadResult {
  /** What each block said, kept apart. */
  embedded: EmbeddedMetadata;
  /** The working values: XMP over IPTC IIM over EXIF, field by field. */
  metadata: PhotoMetadata;
  sources: FieldSources;
  /** Broken or unreadable metadata blocks, in words; reading never throws for them. */
  warnings: string[];
}

type Block = keyof EmbeddedMetadata;

/**
 * Who reads which block of each container. exifr reads in chunks and is the fast path (JPEG above
 * all); what it cannot read in a format comes from the raw blocks libvips finds in the header:
 * - TIFF: exifr 7.1.3 fails on a TIFF's IPTC tag, so IIM comes from libvips; and it cannot follow
 *   tag values beyond its first chunk, so it reads a TIFF whole;
 * - AVIF/HEIF: exifr reads no XMP from them and misreads EXIF items written by libvips;
 * - WebP: exifr does not open WebP at all;
 * - GIF: only XMP exists in the format, and neither library reads it (see readGifXmp).
 * PNG has no IIM block of its own (some tools hide one in a text chunk; it is not read).
 */
const PLANS: Record<Container, { exifr: readonly Block[]; sharp: readonly Block[]; wholeFile?: true }> = {
  jpeg: { exifr: ['xmp', 'iim', 'exif'], sharp: [] },
  png: { exifr: ['xmp', 'exif'], sharp: [] },
  tiff: { exifr: ['xmp', 'exif'], sharp: ['iim'], wholeFile: true },
  heif: { exifr: [], sharp: ['xmp', 'exif'] },
  webp: { exifr: [], sharp: ['xmp', 'exif'] },
  gif: { exifr: [], sharp: [] },
};

const BLOCK_NAMES: Record<Block, string> = { xmp: 'XMP', iim: 'IPTC IIM', exif: 'EXIF' };
const PARTLY_DAMAGED = "Part of the file's metadata is damaged and was skipped.";
const UNREADABLE = "The file's metadata could not be read; the file may be damaged.";
const MAX_WARNINGS = 20;

class Reading {
  readonly embedded: EmbeddedMetadata = { xmp: {}, iim: {}, exif: {} };
  readonly warnings: string[] = [];

  warn(text: string): void {
    if (this.warnings.length < MAX_WARNINGS && !this.warnings.includes(text)) this.warnings.push(text);
  }

  /** `detail` says what could not be read, when the reader can tell ("it is cut short in its caption…"). */
  damaged(block: Block, detail?: string): void {
    this.embedded[block] = {};
    this.warn(detail ? `The ${BLOCK_NAMES[block]} block is damaged and was skipped: ${detail}.` : `The ${BLOCK_NAMES[block]} block is damaged and was skipped.`);
  }

  set(block: Block, reading: { block: EmbeddedBlock } | { damaged: true; detail?: string }): void {
    if ('damaged' in reading) this.damaged(block, reading.detail);
    else this.embedded[block] = reading.block;
  }

  result(): MetadataReadResult {
    return { embedded: this.embedded, ...mergeBlocks(this.embedded), warnings: this.warnings };
  }
}

/** A file that cannot be opened or read is the caller's problem; anything in its contents is ours. */
function isFileSystemError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

async function readWithExifr(
  file: string,
  container: Container,
  blocks: readonly Block[],
  wholeFile: boolean,
  reading: Reading,
): Promise<void> {
  const wanted = { xmp: blocks.includes('xmp'), iim: blocks.includes('iim'), exif: blocks.includes('exif'), wholeFile };
  // A JPEG's metadata is all in its header: read that in one go (see jpeg-head.ts for why).
  const input = container === 'jpeg' ? await readJpegHead(file) : file;
  const found = await readBlocksWithExifr(input, wanted);
  if (found.xmp !== undefined) reading.set('xmp', readXmpPacket(found.xmp));
  if (found.iimBytes) reading.set('iim', readIimBlock(found.iimBytes));
  if (wanted.exif) reading.embedded.exif = exifToBlock(found.ifd0, found.exif);
  // exifr's own errors come from walking the file's structure and its EXIF directories; their
  // wording ("Offset is outside the bounds of the DataView") means nothing to a photo editor.
  if (found.errors.length > 0) reading.warn(PARTLY_DAMAGED);
}

async function readWithSharp(file: string, blocks: readonly Block[], reading: Reading): Promise<void> {
  const raw = await readRawBlocksWithSharp(file);
  if (blocks.includes('xmp') && raw.xmp !== undefined) reading.set('xmp', readXmpPacket(raw.xmp));
  if (blocks.includes('iim') && raw.iim) reading.set('iim', readIimBlock(raw.iim));
  if (blocks.includes('exif') && raw.exif) {
    try {
      const exif = await readBlocksWithExifr(raw.exif, { xmp: false, iim: false, exif: true });
      reading.embedded.exif = exifToBlock(exif.ifd0, exif.exif);
      if (exif.errors.length > 0 && Object.keys(reading.embedded.exif).length === 0) reading.damaged('exif');
    } catch {
      reading.damaged('exif');
    }
  }
}

async function readGif(file: string, reading: Reading): Promise<void> {
  const gif = await readGifXmp(file);
  if (gif.damaged) reading.damaged('xmp');
  else if (gif.xmp !== undefined) reading.set('xmp', readXmpPacket(gif.xmp));
}

/**
 * Reads IPTC IIM, XMP and EXIF from a photo file and maps each to the desk's fields. Never throws
 * for what is inside the file (a damaged block becomes a warning and the others are still read);
 * only a file that cannot be opened or read throws.
 */
export async function readPhotoMetadata(file: string): Promise<MetadataReadResult> {
  const container = await readContainer(file);
  const reading = new Reading();
  if (!container) {
    reading.warn('The file is not a JPEG, PNG, WebP, GIF, AVIF or TIFF picture, so no metadata was read from it.');
    return reading.result();
  }
  const plan = PLANS[container];
  const steps: (() => Promise<void>)[] = [];
  if (plan.exifr.length > 0) steps.push(() => readWithExifr(file, container, plan.exifr, plan.wholeFile === true, reading));
  if (plan.sharp.length > 0) steps.push(() => readWithSharp(file, plan.sharp, reading));
  if (container === 'gif') steps.push(() => readGif(file, reading));
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      if (isFileSystemError(error)) throw error;
      reading.warn(UNREADABLE);
    }
  }
  return reading.result();
}
