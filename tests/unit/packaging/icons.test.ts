// The icon files the installers use, read back byte by byte: the PNGs decode at the size their names
// say, the .ico directory and the .icns table hold the sizes each OS looks for and every image in
// them decodes at its stated size, and the committed files are renders of the committed drawings.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readIcnsEntries, readIcoEntries, writeIcns, writeIco } from '../../../build/icon-containers';

const BUILD = resolve(__dirname, '../../../build');
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const WINDOWS_SIZES = [16, 24, 32, 48, 64, 128, 256];
const PNG_SIGNATURE = '89504e470d0a1a0a';

const isPng = (data: Buffer): boolean => data.subarray(0, 8).toString('hex') === PNG_SIGNATURE;

async function pngSize(data: Buffer): Promise<{ width: number; height: number; hasAlpha: boolean }> {
  const { width, height, hasAlpha } = await sharp(data).metadata();
  return { width: width ?? 0, height: height ?? 0, hasAlpha: hasAlpha ?? false };
}

/** The .ico directory, parsed here on its own: 6 byte header, then 16 bytes an image. */
function icoDirectory(ico: Buffer): { size: number; data: Buffer }[] {
  expect(ico.readUInt16LE(0), 'reserved').toBe(0);
  expect(ico.readUInt16LE(2), 'type 1 = icon').toBe(1);
  return Array.from({ length: ico.readUInt16LE(4) }, (_, index) => {
    const at = 6 + index * 16;
    const size = ico[at] === 0 ? 256 : (ico[at] ?? -1);
    expect(ico[at + 1] === 0 ? 256 : ico[at + 1], 'square').toBe(size);
    const length = ico.readUInt32LE(at + 8);
    const offset = ico.readUInt32LE(at + 12);
    return { size, data: ico.subarray(offset, offset + length) };
  });
}

/** The .icns elements, parsed here on its own: "icns" + length, then type + length + payload. */
function icnsTable(icns: Buffer): { type: string; data: Buffer }[] {
  expect(icns.toString('latin1', 0, 4)).toBe('icns');
  expect(icns.readUInt32BE(4), 'declared length').toBe(icns.length);
  const elements: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
    elements.push({ type: icns.toString('latin1', at, at + 4), data: icns.subarray(at + 8, at + icns.readUInt32BE(at + 4)) });
  }
  return elements;
}

/** Mean difference per channel between two images of the same size (0 = identical). */
async function meanDifference(a: Buffer, b: Buffer): Promise<number> {
  const [left, right] = await Promise.all([a, b].map((image) => sharp(image).ensureAlpha().raw().toBuffer()));
  if (left === undefined || right === undefined || left.length !== right.length) return Infinity;
  let total = 0;
  for (let index = 0; index < left.length; index += 1) total += Math.abs((left[index] ?? 0) - (right[index] ?? 0));
  return total / left.length;
}

describe('Linux and master PNG icons', () => {
  it('icon.png is 1024×1024 with transparency', async () => {
    expect(await pngSize(readFileSync(join(BUILD, 'icon.png')))).toEqual({ width: 1024, height: 1024, hasAlpha: true });
  });

  it.each(LINUX_SIZES)('icons/%ix%i.png decodes at its size', async (size) => {
    expect(await pngSize(readFileSync(join(BUILD, 'icons', `${size}x${size}.png`)))).toEqual({ width: size, height: size, hasAlpha: true });
  });

  it('the committed PNGs are renders of the committed drawings (run build/make-icons.ts after editing one)', async () => {
    const render = (svg: string, size: number) => sharp(readFileSync(join(BUILD, svg)), { density: (72 * size) / 1024 }).resize(size, size).png().toBuffer();
    expect(await meanDifference(readFileSync(join(BUILD, 'icon.png')), await render('icon.svg', 1024))).toBeLessThan(1);
    expect(await meanDifference(readFileSync(join(BUILD, 'icons/16x16.png')), await render('icon-small.svg', 16))).toBeLessThan(1);
  });

  it('at 16 px the letter stands out: a white "N" on the accent blue, no blur between', async () => {
    const { data, info } = await sharp(readFileSync(join(BUILD, 'icons/16x16.png'))).raw().toBuffer({ resolveWithObject: true });
    let white = 0;
    let blue = 0;
    for (let at = 0; at < data.length; at += info.channels) {
      const [r = 0, g = 0, b = 0, a = 0] = data.subarray(at, at + 4);
      if (a > 250 && r > 240 && g > 240 && b > 240) white += 1;
      if (a > 250 && b > 150 && r < 80) blue += 1;
    }
    // The small drawing sits on whole pixels: the letter's strokes are solid white, not grey.
    expect(white).toBeGreaterThanOrEqual(30);
    expect(blue).toBeGreaterThanOrEqual(90);
  });
});

describe('Windows icon.ico', () => {
  const ico = readFileSync(join(BUILD, 'icon.ico'));

  it('holds 16, 24, 32, 48, 64, 128 and 256 px', () => {
    expect(icoDirectory(ico).map(({ size }) => size).sort((a, b) => a - b)).toEqual(WINDOWS_SIZES);
  });

  it('every image decodes at the size its directory entry states: BMP below 64 px, PNG from 64', async () => {
    for (const { size, data } of icoDirectory(ico)) {
      if (size < 64) {
        expect(isPng(data), `${size} px is a BMP`).toBe(false);
        // BITMAPINFOHEADER: header size 40, width, height of colour + mask (twice the size), 32 bits a pixel.
        expect([data.readUInt32LE(0), data.readInt32LE(4), data.readInt32LE(8), data.readUInt16LE(14)]).toEqual([40, size, size * 2, 32]);
      } else {
        expect(isPng(data), `${size} px is a PNG`).toBe(true);
        expect(await pngSize(data)).toMatchObject({ width: size, height: size });
      }
    }
  });
});

describe('macOS icon.icns', () => {
  const icns = readFileSync(join(BUILD, 'icon.icns'));
  const PNG_ELEMENTS = { ic11: 32, ic12: 64, ic07: 128, ic13: 256, ic08: 256, ic14: 512, ic09: 512, ic10: 1024 };

  it('carries every size macOS asks for: 16 to 512 pt at 1× and 2×, and the 16/32 px images of older macOS', () => {
    expect(icnsTable(icns).map(({ type }) => type).sort()).toEqual(
      [...Object.keys(PNG_ELEMENTS), 'is32', 's8mk', 'il32', 'l8mk'].sort());
  });

  it('every PNG element decodes at its type\'s size and the 8-bit masks cover 16×16 and 32×32 pixels', async () => {
    for (const { type, data } of icnsTable(icns)) {
      const size = PNG_ELEMENTS[type as keyof typeof PNG_ELEMENTS];
      if (size !== undefined) {
        expect(isPng(data), `${type} is a PNG`).toBe(true);
        expect(await pngSize(data), type).toMatchObject({ width: size, height: size });
      }
    }
    const byType = new Map(icnsTable(icns).map(({ type, data }) => [type, data]));
    expect(byType.get('s8mk')?.length).toBe(16 * 16);
    expect(byType.get('l8mk')?.length).toBe(32 * 32);
  });
});

describe('icon container helpers of build/make-icons.ts', () => {
  it('read back what they write, for .ico and .icns', () => {
    const images = [{ width: 256, height: 256, bitCount: 32, data: Buffer.from('large') }, { width: 16, height: 16, bitCount: 32, data: Buffer.from('small') }];
    expect(readIcoEntries(writeIco(images))).toEqual(images);
    const elements = [{ type: 'ic10', data: Buffer.from('x'.repeat(10)) }, { type: 'is32', data: Buffer.from('y') }];
    expect(readIcnsEntries(writeIcns(elements))).toEqual(elements);
  });

  it('refuse files that are not what they claim', () => {
    expect(() => readIcoEntries(Buffer.from('not an icon'))).toThrow(/\.ico/);
    expect(() => readIcnsEntries(Buffer.from('icns\0\0\0\x20'))).toThrow(/declares 32 bytes/);
  });
});
