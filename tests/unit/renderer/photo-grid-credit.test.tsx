import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PhotoUse } from '../../../shared/model/photo-use';
import { DEFAULT_CREDIT_STYLE } from '../../../shared/model/settings';
import { houseCredit } from '../../../shared/rules/photo-use';
import { PhotoGrid } from '../../../renderer/src/features/photos/PhotoGrid';
import { makePhoto } from '../shared/photo-fixtures';

// The library's tiles show the same house credit an article receives when the photo is placed:
// the one shared rule, cut to what a photo use may store, not a second uncut copy.
function tileCredit(photo: ReturnType<typeof makePhoto>): string {
  const html = renderToStaticMarkup(
    <PhotoGrid photos={[photo]} selected={new Set()} onSelectionChange={() => {}} creditStyle={DEFAULT_CREDIT_STYLE} label="Photos" />,
  );
  const title = /class="nd-tile__credit" title="([^"]*)"/.exec(html)?.[1];
  if (title === undefined) throw new Error(`No credit in the tile: ${html}`);
  return title;
}

describe("the photo grid's credit", () => {
  it('fits the length an article stores, like the credit main gives a placed photo', () => {
    const max = PhotoUse.shape.credit.maxLength ?? 0;
    const wordy = makePhoto('b', { creator: 'Z'.repeat(3000), creditLine: 'Agency' });
    const shown = tileCredit(wordy);
    expect(shown).toHaveLength(max);
    expect(shown).toBe(houseCredit(wordy, DEFAULT_CREDIT_STYLE));
  });

  it('shows an ordinary credit in house style, unchanged', () => {
    const agency = makePhoto('a', { creator: 'GONZALO FUENTES', creditLine: 'POOL/AFP via Getty Images' });
    expect(tileCredit(agency)).toBe('Gonzalo Fuentes/POOL/AFP via Getty Images');
  });
});
