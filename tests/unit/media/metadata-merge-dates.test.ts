import { describe, expect, it } from 'vitest';
import { mergeBlocks } from '../../../electron/main/services/media/metadata/merge';

describe('the date shown when blocks hold one', () => {
  it('is the most precise when the blocks name the same moment', () => {
    const merged = mergeBlocks({ xmp: { dateCreated: '2026-03-14' }, iim: { dateCreated: '2026-03-14T09:15:00' }, exif: { dateCreated: '2026-03-14T09:15:00+02:00' } });
    expect([merged.metadata.dateCreated, merged.sources.dateCreated]).toEqual(['2026-03-14T09:15:00+02:00', 'exif']);
  });

  it('stays the XMP one when the blocks differ (the editor shows the difference)', () => {
    const merged = mergeBlocks({ xmp: { dateCreated: '2026-03-13' }, iim: {}, exif: { dateCreated: '2026-03-14T09:15:00+02:00' } });
    expect([merged.metadata.dateCreated, merged.sources.dateCreated]).toEqual(['2026-03-13', 'xmp']);
  });
});
