import type { JSX } from 'react';
import { ICON_PATHS } from '../../ui/components/Icon';

/** The card's icons: the same drawings with their stroke set by CSS (.nd-glyph), so each costs
 * a handful of attributes instead of a dozen — a column of cards renders noticeably faster. */
export type GlyphName = 'pin' | 'clock' | 'eye' | 'pencil' | 'more' | 'play' | 'article';

const GLYPH_SIZES = { small: 14, medium: 16, large: 20 } as const;

export function Glyph({ name, size = 'medium' }: { name: GlyphName; size?: keyof typeof GLYPH_SIZES }): JSX.Element {
  const px = GLYPH_SIZES[size];
  return (
    <svg className={`nd-glyph nd-glyph--${name}`} width={px} height={px} viewBox="0 0 20 20" aria-hidden="true">
      <path d={ICON_PATHS[name]} />
    </svg>
  );
}
