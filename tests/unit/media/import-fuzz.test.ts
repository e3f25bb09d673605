import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportItem } from '../../../shared/model/media-library';
import { EXIFTOOL_MISSING_REASON, exiftoolAvailable, makePhotoFixture, writeWithExiftool } from '../../support/photo-fixtures';
import { consistencyProblems, importBytes, openTestLibrary, removeDir, tempDir, type TestLibrary } from '../../support/media-library';

/**
 * Feeds import well over a thousand damaged variants of a real agency JPEG (IPTC IIM + XMP + EXIF
 * written by exiftool): bit flips, overwritten bytes, truncations, duplicated and deleted ranges,
 * aimed at the metadata segments and at the image data. Every file must settle with a verdict
 * (imported, duplicate, or failed with a message), the library must stay consistent, and nothing
 * may throw, hang or reject unhandled. The seed is fixed, so a failure can be replayed.
 */
const VARIANTS = 1_200;
const BATCH = 100;
const SEED = 0x5eed_2026;

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

interface Range {
  start: number;
  end: number;
}

/** The APP1 (EXIF, XMP) and APP13 (IPTC) segments, and the entropy-coded data after SOS. */
function jpegRanges(bytes: Uint8Array): { metadata: Range[]; image: Range } {
  const metadata: Range[] = [];
  let offset = 2;
  while (offset + 4 <= bytes.length && bytes[offset] === 0xff) {
    const marker = bytes[offset + 1]!;
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    if (marker === 0xda) return { metadata, image: { start: offset + 2 + length, end: bytes.length - 2 } };
    if (marker === 0xe1 || marker === 0xed) metadata.push({ start: offset, end: offset + 2 + length });
    offset += 2 + length;
  }
  throw new Error('The fuzz base is not a baseline JPEG with an SOS segment');
}

type Mutation = (bytes: Uint8Array, random: () => number, target: Range) => Uint8Array;

const at = (random: () => number, range: Range): number => range.start + Math.floor(random() * (range.end - range.start));

const MUTATIONS: Record<string, Mutation> = {
  bitFlips(bytes, random, target) {
    const copy = bytes.slice();
    for (let flips = 1 + Math.floor(random() * 8); flips > 0; flips -= 1) copy[at(random, target)]! ^= 1 << Math.floor(random() * 8);
    return copy;
  },
  overwrite(bytes, random, target) {
    const copy = bytes.slice();
    const start = at(random, target);
    for (let i = 0; i < 1 + Math.floor(random() * 32) && start + i < copy.length; i += 1) copy[start + i] = Math.floor(random() * 256);
    return copy;
  },
  truncate(bytes, random, target) {
    return bytes.slice(0, at(random, target));
  },
  duplicateRange(bytes, random, target) {
    const start = at(random, target);
    const end = Math.min(target.end, start + 1 + Math.floor(random() * 64));
    return concat(bytes.subarray(0, end), bytes.subarray(start, end), bytes.subarray(end));
  },
  deleteRange(bytes, random, target) {
    const start = at(random, target);
    const end = Math.min(target.end, start + 1 + Math.floor(random() * 64));
    return concat(bytes.subarray(0, start), bytes.subarray(end));
  },
  segmentLength(bytes, random, target) {
    // The two length bytes right after an APP marker: what a careless writer most often gets wrong.
    const copy = bytes.slice();
    copy[target.start + 2] = Math.floor(random() * 256);
    copy[target.start + 3] = Math.floor(random() * 256);
    return copy;
  },
};

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function makeVariants(base: Uint8Array, count: number): { name: string; bytes: Uint8Array }[] {
  const random = mulberry32(SEED);
  const { metadata, image } = jpegRanges(base);
  const names = Object.keys(MUTATIONS);
  return Array.from({ length: count }, (_, index) => {
    const mutation = names[index % names.length]!;
    // Two thirds aim at the metadata segments (what this feature parses), one third at the pixels.
    const inMetadata = mutation === 'segmentLength' || random() < 2 / 3;
    const target = inMetadata ? metadata[Math.floor(random() * metadata.length)]! : image;
    return { name: `fuzz-${index}-${mutation}-${inMetadata ? 'meta' : 'image'}.jpg`, bytes: MUTATIONS[mutation]!(base, random, target) };
  });
}

let work: string;
let test: TestLibrary;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);

beforeAll(async () => {
  work = await tempDir('newsdesk-fuzz-');
  test = await openTestLibrary(join(work, 'media'));
  process.on('unhandledRejection', onUnhandled);
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await test.library.close();
  await removeDir(work);
});

const noExiftool = !exiftoolAvailable();

describe('import fuzzing', () => {
  it.skipIf(noExiftool)(`settles every one of ${VARIANTS} damaged JPEGs with a verdict${noExiftool ? ` (skipped: ${EXIFTOOL_MISSING_REASON})` : ''}`, async () => {
    const basePath = await makePhotoFixture(work, 'iimAndXmp', { width: 64, height: 48, name: 'fuzz-base' });
    await writeWithExiftool(basePath, ['-EXIF:Artist=Gonzalo Fuentes', '-EXIF:Copyright=2026 AFP', '-EXIF:ImageDescription=Press conference']);
    const base = new Uint8Array(await readFile(basePath));
    expect(jpegRanges(base).metadata.length).toBeGreaterThanOrEqual(3); // EXIF, XMP and IPTC are all there to damage
    const variants = makeVariants(base, VARIANTS);
    const items: ImportItem[] = [];
    for (let start = 0; start < variants.length; start += BATCH) {
      const batch = variants.slice(start, start + BATCH);
      if ((start / BATCH) % 2 === 0) {
        items.push(...(await importBytes(test.library, batch)).items);
      } else {
        // Every other batch goes through the file picker's path, from files on disk.
        const paths = await Promise.all(batch.map(async (file) => {
          const path = join(work, file.name);
          await writeFile(path, file.bytes);
          return path;
        }));
        items.push(...(await test.library.whenFinished(test.library.importPaths(paths).jobId)).items);
      }
    }

    expect(items).toHaveLength(VARIANTS);
    for (const item of items) {
      expect(['imported', 'duplicate', 'failed'], `${item.name}: ${item.state}`).toContain(item.state);
      if (item.state === 'failed') expect(item.message, item.name).toMatch(new RegExp(`^“${item.name.replace(/[.]/g, '\\.')}” \\S`));
      else expect(item.photoId, item.name).toMatch(/^[0-9a-f]{64}$/);
    }
    const count = (state: ImportItem['state']) => items.filter((item) => item.state === state).length;
    // Both outcomes must occur, or the mutations are not reaching what matters.
    expect(count('failed')).toBeGreaterThan(50);
    expect(count('imported')).toBeGreaterThan(50);
    expect(await consistencyProblems(test.root)).toEqual([]);
    expect(unhandled).toEqual([]);
    expect(test.errors).toEqual([]);

    // What was imported opens again without a record set aside.
    await test.library.close();
    test = await openTestLibrary(test.root);
    expect(test.library.quarantined()).toEqual([]);
    expect((await test.library.list({ limit: 500 })).total).toBe(new Set(items.flatMap((item) => item.photoId ?? [])).size);
  }, 120_000);
});
