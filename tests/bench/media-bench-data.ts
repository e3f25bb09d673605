import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PQueue from 'p-queue';
import sharp from 'sharp';
import { rng } from './drafts-bench-data';
import { agencyMetadataArgs } from './media-bench-agency';
import { run } from './media-bench-tools';

/**
 * The photo benchmark's pictures: 500 distinct 12-megapixel JPEGs (4000×3000, 2–4 MB each, like
 * wire photos) carrying agency metadata in IPTC IIM, XMP and EXIF. Making them takes a minute or
 * two, so the set is kept under the OS temp folder, keyed by FIXTURE_VERSION, and reused when
 * complete. Bump the version whenever what is generated changes.
 */

export const PHOTO_COUNT = 500;
const FIXTURE_VERSION = 'v2';
const WIDTH = 4000;
const HEIGHT = 3000;
/** The bases are larger than a picture, so each picture can be cut from a different offset. */
const MARGIN = 256;
const BASE_COUNT = 3;
const MANIFEST = 'manifest.json';

export interface BenchPhotoSet {
  dir: string;
  files: string[];
  totalBytes: number;
  /** Null when the cached set was reused. */
  generatedInMs: number | null;
}

interface Manifest {
  version: string;
  files: { name: string; size: number }[];
}

const fileName = (index: number): string => `wire-${String(index + 1).padStart(4, '0')}.jpg`;

/**
 * A photo-like base: smooth colour gradients (large areas, like sky and walls) with sensor-like
 * grain on top. Without the grain a 12 MP JPEG would be a few hundred kB, far from a real one;
 * the grain's strength sets the size (about 3 MB at quality 90 for an amplitude of 20).
 */
function makeBase(seed: number): Buffer {
  const width = WIDTH + MARGIN;
  const height = HEIGHT + MARGIN;
  const random = rng(seed);
  const grain = 16 + 4 * seed;
  const phase = seed * 1.7;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const tone = 128 + 60 * Math.sin(x / (280 + 40 * seed) + y / 170 + phase) + 30 * Math.cos(y / 90 - x / 500);
      const noise = (random() - 0.5) * grain;
      const at = (y * width + x) * 3;
      pixels[at] = tone + noise + 20; // Buffer stores clamp to 0..255 and truncate
      pixels[at + 1] = tone * 0.8 + noise;
      pixels[at + 2] = 255 - tone + noise;
    }
  }
  return pixels;
}

/** Picture i: its own crop of a base (no two share an offset) and its own exposure. */
async function writePicture(base: Buffer, index: number, target: string): Promise<void> {
  const left = (index % 32) * 8;
  const top = Math.floor(index / 32) * 8;
  const gain = 0.9 + (index % 7) * 0.03;
  await sharp(base, { raw: { width: WIDTH + MARGIN, height: HEIGHT + MARGIN, channels: 3 } })
    .extract({ left, top, width: WIDTH, height: HEIGHT })
    .linear(gain, (index % 5) * 2)
    .jpeg({ quality: 90 })
    .toFile(target);
}

/** Runs exiftool once for every picture: one argfile with an -execute per file, not 500 processes. */
async function writeMetadata(dir: string, count: number): Promise<void> {
  const lines: string[] = [];
  for (let index = 0; index < count; index += 1) {
    lines.push(...agencyMetadataArgs(index), join(dir, fileName(index)), '-execute');
  }
  const argfile = join(dir, 'exiftool-args.txt');
  // exiftool reads an argfile as UTF-8, one argument per line.
  await fsp.writeFile(argfile, `${lines.join('\n')}\n`, 'utf8');
  const { stderr } = await run('exiftool', ['-@', argfile, '-common_args', '-overwrite_original', '-q']);
  await fsp.rm(argfile);
  // -q leaves only warnings and errors: any of them means a picture lacks some of its metadata.
  if (stderr.trim()) throw new Error(`exiftool could not write the benchmark metadata: ${stderr.slice(0, 2000)}`);
}

async function generate(dir: string): Promise<void> {
  await fsp.mkdir(dir, { recursive: true });
  // Two at a time: the machine's cores; sharp encodes on the libuv pool, off this thread.
  const queue = new PQueue({ concurrency: 2 });
  for (let b = 0; b < BASE_COUNT; b += 1) {
    const base = makeBase(b + 1);
    const indexes: number[] = [];
    for (let index = b; index < PHOTO_COUNT; index += BASE_COUNT) indexes.push(index);
    await queue.addAll(indexes.map((index) => () => writePicture(base, index, join(dir, fileName(index)))));
  }
  await writeMetadata(dir, PHOTO_COUNT);
  const files: Manifest['files'] = [];
  for (let index = 0; index < PHOTO_COUNT; index += 1) {
    files.push({ name: fileName(index), size: (await fsp.stat(join(dir, fileName(index)))).size });
  }
  const manifest: Manifest = { version: FIXTURE_VERSION, files };
  await fsp.writeFile(join(dir, MANIFEST), JSON.stringify(manifest));
}

/** The cached set, or null when it is missing, from another version, or incomplete. */
async function readComplete(dir: string): Promise<BenchPhotoSet | null> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await fsp.readFile(join(dir, MANIFEST), 'utf8')) as Manifest;
  } catch {
    return null;
  }
  if (manifest.version !== FIXTURE_VERSION || manifest.files.length !== PHOTO_COUNT) return null;
  let totalBytes = 0;
  for (const { name, size } of manifest.files) {
    const actual = await fsp.stat(join(dir, name)).then((s) => s.size, () => -1);
    if (actual !== size) return null;
    totalBytes += size;
  }
  return { dir, files: manifest.files.map(({ name }) => join(dir, name)), totalBytes, generatedInMs: null };
}

/** The 500 benchmark pictures: reused from the temp folder when complete, generated otherwise. */
export async function benchPhotos(log: (line: string) => void): Promise<BenchPhotoSet> {
  const dir = join(tmpdir(), `newsdesk-media-bench-photos-${FIXTURE_VERSION}`);
  const cached = await readComplete(dir);
  if (cached) return cached;
  log(`Generating ${PHOTO_COUNT} 12-megapixel JPEGs with agency metadata in ${dir} (once; reused by later runs)…`);
  const start = performance.now();
  // Built in a side folder and renamed into place, so an interrupted run never leaves a set that looks complete.
  const building = `${dir}.building-${process.pid}`;
  await fsp.rm(building, { recursive: true, force: true });
  try {
    await generate(building);
    await fsp.rm(dir, { recursive: true, force: true });
    await fsp.rename(building, dir);
  } finally {
    await fsp.rm(building, { recursive: true, force: true });
  }
  const made = await readComplete(dir);
  if (!made) throw new Error(`The generated benchmark pictures in ${dir} are incomplete`);
  return { ...made, generatedInMs: performance.now() - start };
}
