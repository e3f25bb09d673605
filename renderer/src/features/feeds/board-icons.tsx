import type { JSX } from 'react';

/** The board's stroke icons, on the same 20×20 grid and stroke as ui/components/Icon. */
const PATHS = {
  pin: 'M7 3h6M8 3v5L5 11h10l-3-3V3M10 11v6',
  clock: 'M10 17a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM10 6v4l2.5 2',
  eye: 'M2 10s3-5.5 8-5.5S18 10 18 10s-3 5.5-8 5.5S2 10 2 10zM10 12.3a2.3 2.3 0 1 0 0-4.6 2.3 2.3 0 0 0 0 4.6z',
  pencil: 'M13.5 3.5l3 3L7 16H4v-3zM11.5 5.5l3 3',
  more: 'M5 10h.01M10 10h.01M15 10h.01',
  play: 'M7.5 5.5v9l7-4.5z',
  article: 'M5 3h10v14H5zM7.5 7h5M7.5 10h5M7.5 13h3',
  feeds: 'M3 4h4v12H3zM8.5 4h4v8h-4zM14 4h3v10h-3z',
  settings: 'M4 6h12M4 14h12M7 4v4M13 12v4',
  plus: 'M10 4v12M4 10h12',
  preview: 'M3 4h14v12H3zM3 7.5h14M6 10.5h5M6 13h8',
} as const;

export type BoardIconName = keyof typeof PATHS;

export function BoardIcon({ name, size = 16 }: { name: BoardIconName; size?: number }): JSX.Element {
  return (
    <svg
      className="nd-icon"
      width={size}
      height={size}
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth={name === 'more' ? 2.6 : 1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}

/** The rail's icon for the Feeds desk (columns of cards). */
export const FEEDS_DESK_ICON = PATHS.feeds;

/** The card's icons: the same drawings with their stroke set by CSS (.nd-glyph), so each costs
 * a handful of attributes instead of a dozen — a column of cards renders noticeably faster. */
export type GlyphName = 'pin' | 'clock' | 'eye' | 'pencil' | 'more' | 'play' | 'article';

const GLYPH_SIZES = { small: 14, medium: 16, large: 20 } as const;

export function Glyph({ name, size = 'medium' }: { name: GlyphName; size?: keyof typeof GLYPH_SIZES }): JSX.Element {
  const px = GLYPH_SIZES[size];
  return (
    <svg className={`nd-glyph nd-glyph--${name}`} width={px} height={px} viewBox="0 0 20 20" aria-hidden="true">
      <path d={PATHS[name]} />
    </svg>
  );
}
