import exifr from 'exifr';
import { messageOf } from '../../../../../shared/model/errors';

/**
 * The one module that knows exifr's shape. exifr ships as UMD with no "exports" map, so Node (and
 * the main bundle, which leaves dependencies external) loads its CommonJS build: only the default
 * import is reliable, never named imports. Its typings miss the per-block segment parsers and the
 * raw IPTC block a read leaves behind, so both are typed here, narrowly.
 */

/** Options fixed once: exifr caches parsed options by object identity. */
const BLOCK_OPTIONS = {
  mergeOutput: false,
  // Only the tags the desk maps; thumbnails, GPS, maker notes and ICC are never read.
  ifd0: { pick: ['ImageDescription', 'Artist', 'Copyright'] },
  // EXIF dates carry no time zone; exifr would turn them into Dates in the machine's zone.
  exif: { pick: ['DateTimeOriginal', 'OffsetTimeOriginal'], reviveValues: false },
  gps: false,
  interop: false,
  ifd1: false,
  makerNote: false,
  userComment: false,
  icc: false,
  jfif: false,
  ihdr: false,
  // Handed over raw: the packet is checked before its values are trusted (see xmp.ts).
  xmp: { parse: false },
  // A second XMP part (extended XMP) is never needed for these fields and would make exifr read the whole file.
  multiSegment: false,
} as const;

export interface ExifrBlocks {
  /** The XMP packet as text. */
  xmp?: string;
  /** The IPTC IIM block as exifr found it in the file (record 1 included), before decoding. */
  iimBytes?: Uint8Array;
  /** EXIF's IFD0 and Exif IFD, parsed. */
  ifd0?: Record<string, unknown>;
  exif?: Record<string, unknown>;
  /** What exifr could not read, in its words. */
  errors: string[];
}

interface ExifrInstance {
  read(input: string | Uint8Array): Promise<void>;
  parse(): Promise<Record<string, unknown> | undefined>;
  /** Not in the typings: the segment parsers a read created, each holding its raw chunk. */
  parsers?: { iptc?: { chunk?: { toUint8(): Uint8Array } } };
}
type ExifrConstructor = new (options: object) => ExifrInstance;

type SegmentParserClass = new (input: string | Uint8Array, options: object) => { parse(): unknown };
type OptionsClass = new (options: object) => object;

/** Built once: exifr's option set-up is costly next to parsing one small block. */
let blockParserOptions: object | undefined;

function parseBlock(type: 'xmp' | 'iptc', input: string | Uint8Array): unknown {
  const Parser = exifr.segmentParsers.get(type) as SegmentParserClass | undefined;
  if (!Parser) throw new Error(`exifr has no ${type} parser`);
  const Options = (exifr as unknown as { Options: OptionsClass }).Options;
  blockParserOptions ??= new Options({ xmp: { parse: true }, iptc: true, tiff: false });
  return new Parser(input, blockParserOptions).parse();
}

/** An XMP packet's properties, by namespace prefix then property name. */
export function parseXmpWithExifr(packet: string): Record<string, unknown> | undefined {
  return record(parseBlock('xmp', packet));
}

/** IIM datasets of record 2 by name, with the bytes of each string as Latin-1 code units. */
export function parseIimWithExifr(bytes: Uint8Array): Record<string, unknown> | undefined {
  return record(parseBlock('iptc', bytes));
}

function describeErrors(errors: unknown): string[] {
  if (!Array.isArray(errors)) return [];
  return errors.map((error) => messageOf(error));
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
}

/**
 * Reads the wanted blocks from a file (in chunks unless `wholeFile`: exifr reads the start of the
 * file and follows the segment offsets, never the whole picture) or from a buffer holding a
 * TIFF/EXIF structure. Throws only when the input cannot be opened or is no format exifr knows.
 */
export async function readBlocksWithExifr(input: string | Uint8Array, wanted: WantedBlocks): Promise<ExifrBlocks> {
  const Exifr = exifr.Exifr as unknown as ExifrConstructor;
  const reader = new Exifr(optionsFor(wanted));
  await reader.read(input);
  const output = (await reader.parse()) ?? {};
  return {
    xmp: typeof output.xmp === 'string' ? output.xmp : undefined,
    iimBytes: reader.parsers?.iptc?.chunk?.toUint8(),
    ifd0: record(output.ifd0),
    exif: record(output.exif),
    errors: describeErrors(output.errors),
  };
}

export interface WantedBlocks {
  xmp: boolean;
  iim: boolean;
  exif: boolean;
  /**
   * Read the whole file rather than chunks. For TIFF: exifr 7.1.3 does not fetch a TIFF tag's
   * value that lies beyond the chunk it read, and TIFF writers often put values (the XMP among
   * them) after the picture data.
   */
  wholeFile?: boolean;
}

const optionCache = new Map<string, object>();

function optionsFor(wanted: WantedBlocks): object {
  const key = `${wanted.xmp}${wanted.iim}${wanted.exif}${wanted.wholeFile === true}`;
  let options = optionCache.get(key);
  if (!options) {
    const { xmp, ifd0, exif, ...rest } = BLOCK_OPTIONS;
    options = {
      ...rest,
      xmp: wanted.xmp ? xmp : false,
      iptc: wanted.iim,
      // Without EXIF the whole TIFF structure is skipped (in a TIFF file, only its metadata tags).
      ...(wanted.exif ? { ifd0, exif } : { tiff: false, ifd0: false, exif: false }),
      ...(wanted.wholeFile ? { chunked: false } : {}),
    };
    optionCache.set(key, options);
  }
  return options;
}
