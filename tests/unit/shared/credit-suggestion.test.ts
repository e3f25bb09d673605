import { describe, expect, it } from 'vitest';
import { EMPTY_PHOTO_METADATA, type PhotoMetadata } from '../../../shared/model/photo';
import { DEFAULT_CREDIT_STYLE } from '../../../shared/model/settings';
import { suggestCreditFromCopyright } from '../../../shared/rules/credit-suggestion';

function suggest(metadata: Partial<PhotoMetadata>) {
  return suggestCreditFromCopyright({ ...EMPTY_PHOTO_METADATA, ...metadata }, DEFAULT_CREDIT_STYLE);
}

describe('a credit suggested from a stock photo copyright', () => {
  it('reads "(c) Name | Stock agency" and builds the house credit from it', () => {
    expect(suggest({ copyright: '(c) Jane Doe | Shutterstock' })).toMatchObject({
      creator: 'Jane Doe',
      creditLine: 'Shutterstock',
      credit: { text: 'Jane Doe/Shutterstock' },
    });
    expect(suggest({ copyright: '© 2026 Jane Doe / Getty Images. All rights reserved.' })?.credit.text).toBe('Jane Doe/Getty Images');
    expect(suggest({ copyright: 'Copyright 2026 Jane Doe' })?.credit.text).toBe('Jane Doe');
  });

  it('suggests nothing when the photo has a credit, or the notice is no copyright line', () => {
    expect(suggest({ copyright: '(c) Jane Doe | Shutterstock', creditLine: 'AFP' })).toBeNull();
    expect(suggest({ copyright: 'Licensed for editorial use' })).toBeNull();
    expect(suggest({})).toBeNull();
  });
});
