import { execFile, execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import type { PhotoFormat } from '../../shared/model/photo';
import { exiftoolArgs, FIXTURE_KINDS, type FixtureKind } from './photo-fixture-metadata';

/**
 * Test pictures made the way agencies make them: pixels from sharp, metadata written by a real
 * metadata writer (Debian's exiftool), never by the code under test. Each kind mirrors a kind of
 * file a photo desk receives.
 */

export {
  FIXTURE_EXPECTED,
  FIXTURE_EXPECTED_SOURCES,
  FIXTURE_KINDS,
  POOL_IIM_CAPTION,
  type FixtureKind,
} from './photo-fixture-metadata';

export interface BaseImageOptions {
  width?: number;
  height?: number;
  /** Different seeds give different pixels, hence different files (the library de-duplicates by content). */
  seed?: number;
}

export interface PhotoFixtureOptions extends BaseImageOptions {
  /** File name without extension; defaults to the kind. */
  name?: string;
  /** Container to write; defaults to JPEG. IIM kinds need JPEG or TIFF (the formats that carry IIM); GIF carries only XMP. */
  format?: PhotoFormat;
}

export const EXIFTOOL = process.env.NEWSDESK_EXIFTOOL ?? '/usr/bin/exiftool';

let exiftoolFound: boolean | undefined;
export function exiftoolAvailable(): boolean {
  if (exiftoolFound === undefined) {
    try {
      execFileSync(EXIFTOOL, ['-ver'], { stdio: 'ignore' });
      exiftoolFound = true;
    } catch {
      exiftoolFound = false;
    }
  }
  return exiftoolFound;
}

/** Why metadata tests skip on a machine without exiftool (vitest prints it next to the skipped test). */
export const EXIFTOOL_MISSING_REASON = `exiftool not found at ${EXIFTOOL} (apt-get install libimage-exiftool-perl; .ci/run installs it)`;

/** A small, deterministic PRNG so a seed always gives the same pixels. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Raw RGB: a diagonal gradient with grain, so encoders do real work (like a photo, unlike a flat fill). */
function gradientWithNoise(width: number, height: number, seed: number): Buffer {
  const random = mulberry32(seed);
  const pixels = Buffer.allocUnsafe(width * height * 3);
  const hueShift = Math.floor(random() * 256);
  let offset = 0;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const grain = (random() * 48) | 0;
      pixels[offset] = ((x * 255) / width + grain + hueShift) & 0xff;
      pixels[offset + 1] = ((y * 255) / height + grain) & 0xff;
      pixels[offset + 2] = (((x + y) * 127) / (width + height) + grain + 64) & 0xff;
      offset += 3;
    }
  }
  return pixels;
}

function baseImage(options: BaseImageOptions): Sharp {
  const width = options.width ?? 640;
  const height = options.height ?? 427;
  const raw = gradientWithNoise(width, height, options.seed ?? 1);
  return sharp(raw, { raw: { width, height, channels: 3 } });
}

/** A JPEG without any metadata (sharp strips it unless asked to keep it). */
export async function makeBaseJpeg(path: string, options: BaseImageOptions = {}): Promise<void> {
  await baseImage(options).jpeg({ quality: 85 }).toFile(path);
}

/** The same picture in another container, without metadata. */
export async function makeBaseImage(path: string, format: PhotoFormat, options: BaseImageOptions = {}): Promise<void> {
  const image = baseImage(options);
  switch (format) {
    case 'jpeg':
      await image.jpeg({ quality: 85 }).toFile(path);
      return;
    case 'png':
      await image.png({ compressionLevel: 3 }).toFile(path);
      return;
    case 'webp':
      await image.webp({ quality: 80 }).toFile(path);
      return;
    case 'gif':
      await image.gif().toFile(path);
      return;
    case 'avif':
      await image.avif({ quality: 50, effort: 0 }).toFile(path);
      return;
    case 'tiff':
      await image.tiff({ compression: 'lzw' }).toFile(path);
      return;
  }
}

/** Runs `exiftool -overwrite_original … path`; rejects with exiftool's own message. */
export function writeWithExiftool(path: string, args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    execFile(EXIFTOOL, ['-overwrite_original', ...args, path], (error, _stdout, stderr) => {
      if (error) reject(new Error(`exiftool failed on ${path}: ${stderr.trim() || error.message}`));
      else resolvePromise();
    });
  });
}

/** Runs `exiftool -json <args> path` and returns the one object it prints. */
export function readWithExiftool(path: string, args: string[] = []): Promise<Record<string, unknown>> {
  return new Promise((resolvePromise, reject) => {
    execFile(EXIFTOOL, ['-json', ...args, path], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`exiftool failed on ${path}: ${stderr.trim() || error.message}`));
        return;
      }
      const parsed = JSON.parse(stdout) as Record<string, unknown>[];
      resolvePromise(parsed[0] ?? {});
    });
  });
}

const EXTENSIONS: Record<PhotoFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif', avif: 'avif', tiff: 'tif' };

/** Writes one fixture of `kind` into `dir` and returns its path. */
export async function makePhotoFixture(dir: string, kind: FixtureKind, options: PhotoFixtureOptions = {}): Promise<string> {
  const format = options.format ?? 'jpeg';
  const carriesIim = format === 'jpeg' || format === 'tiff';
  if (kind.startsWith('iim') && !carriesIim) {
    throw new Error(`A ${format.toUpperCase()} file cannot carry IPTC IIM; make the ${kind} fixture as JPEG or TIFF.`);
  }
  if (kind === 'exifOnly' && format === 'gif') throw new Error('A GIF file cannot carry EXIF; make the exifOnly fixture in another format.');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${options.name ?? kind}.${EXTENSIONS[format]}`);
  await makeBaseImage(path, format, options);
  const args = exiftoolArgs(kind);
  if (args.length > 0) await writeWithExiftool(path, args);
  return path;
}

/** One JPEG of every kind in `dir`. */
export async function makePhotoFixtures(dir: string): Promise<Record<FixtureKind, string>> {
  const entries = await Promise.all(
    FIXTURE_KINDS.map(async (kind, index) => [kind, await makePhotoFixture(dir, kind, { seed: index + 1 })] as const),
  );
  return Object.fromEntries(entries) as Record<FixtureKind, string>;
}
