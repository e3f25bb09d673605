// Renders the app icon for every installer from the two drawings in build/:
//   icon.svg        the detailed mark, for 48 px and up
//   icon-small.svg  the same mark simplified and pixel-aligned, for 16-32 px (serifs blur there)
// Writes build/icon.png (1024), build/icons/<n>x<n>.png (Linux), build/icon.icns (macOS) and
// build/icon.ico (Windows). Run `npx tsx build/make-icons.ts` after changing a drawing, then commit
// the outputs: electron-builder takes them as they are and never draws icons itself.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import png2icons from 'png2icons';
import {
  ICNS_TYPE_PIXELS, readIcnsEntries, readIcoEntries, writeIcns, writeIco, type IcnsEntry, type IcoEntry,
} from './icon-containers';

const BUILD_DIR = fileURLToPath(new URL('.', import.meta.url));
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
/** Every pixel size an .icns of today carries (16, 32 and 64 also as the @2x of 8, 16 and 32 pt). */
const ICNS_SIZES = [16, 32, 64, 128, 256, 512, 1024] as const;
/** Sizes up to this one are drawn from icon-small.svg. */
const SMALL_DRAWING_UP_TO = 32;
const MASTER_SIZE = 1024;
/** The SVGs are drawn on a 1024 unit canvas; sharp's density is dots per inch at 72 units an inch. */
const SVG_CANVAS = 1024;
// The input is already at the size taken from png2icons' output, so no scaling happens.
const NO_SCALING = png2icons.NEAREST_NEIGHBOR;
const ALL_COLOURS = 0;

type Drawings = { detailed: Buffer; small: Buffer };

async function render(drawings: Drawings, size: number): Promise<Buffer> {
  const svg = size <= SMALL_DRAWING_UP_TO ? drawings.small : drawings.detailed;
  // Rasterise at the target size (not a downscale of 1024) so edges fall on that size's pixel grid.
  return sharp(svg, { density: (72 * size) / SVG_CANVAS })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer();
}

function encoded(result: Buffer | null, what: string): Buffer {
  if (result === null) throw new Error(`png2icons could not encode ${what}`);
  return result;
}

/** Windows icon: BMP below 64 px and PNG above (png2icons' forWinExe), which every Windows and NSIS read. */
async function makeIco(drawings: Drawings): Promise<Buffer> {
  const entries: IcoEntry[] = [];
  for (const size of ICO_SIZES) {
    const ico = encoded(png2icons.createICO(await render(drawings, size), NO_SCALING, ALL_COLOURS, false, true), `${size} px .ico`);
    const entry = readIcoEntries(ico).find((candidate) => candidate.width === size);
    if (entry === undefined) throw new Error(`png2icons wrote no ${size} px image into the .ico`);
    entries.push(entry);
  }
  return writeIco(entries.reverse()); // largest first, as Windows' own tools write them
}

/** macOS icon: PNG elements plus the PackBits 16/32 px images and masks that older macOS reads. */
async function makeIcns(drawings: Drawings): Promise<Buffer> {
  const elements: IcnsEntry[] = [];
  for (const size of ICNS_SIZES) {
    const icns = encoded(png2icons.createICNS(await render(drawings, size), NO_SCALING, ALL_COLOURS), `${size} px .icns`);
    elements.push(...readIcnsEntries(icns).filter((element) => ICNS_TYPE_PIXELS[element.type] === size));
  }
  return writeIcns(elements);
}

async function main(): Promise<void> {
  const drawings: Drawings = {
    detailed: await readFile(join(BUILD_DIR, 'icon.svg')),
    small: await readFile(join(BUILD_DIR, 'icon-small.svg')),
  };
  await writeFile(join(BUILD_DIR, 'icon.png'), await render(drawings, MASTER_SIZE));
  await mkdir(join(BUILD_DIR, 'icons'), { recursive: true });
  for (const size of LINUX_SIZES) {
    await writeFile(join(BUILD_DIR, 'icons', `${size}x${size}.png`), await render(drawings, size));
  }
  const icns = await makeIcns(drawings);
  await writeFile(join(BUILD_DIR, 'icon.icns'), icns);
  const ico = await makeIco(drawings);
  await writeFile(join(BUILD_DIR, 'icon.ico'), ico);

  console.log(`icon.png ${MASTER_SIZE} px; icons/ ${LINUX_SIZES.join(', ')} px`);
  console.log(`icon.icns ${readIcnsEntries(icns).map((element) => `${element.type} (${ICNS_TYPE_PIXELS[element.type]} px)`).join(', ')}`);
  console.log(`icon.ico ${readIcoEntries(ico).map((entry) => entry.width).join(', ')} px`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
