import { describe, expect, it } from 'vitest';
import { PhotoUse } from '../../../shared/model/photo-use';
import { DEFAULT_CREDIT_STYLE } from '../../../shared/model/settings';
import {
  captionWithCredit,
  followPhotoCredit,
  houseCredit,
  newPhotoUse,
  pastedPhotoUse,
  photoDisplayName,
  placementLabel,
  withCredit,
} from '../../../shared/rules/photo-use';
import { makePhoto } from './photo-fixtures';

const agencyPhoto = makePhoto('a', {
  description: 'Protesters march in Paris.',
  creator: 'GONZALO FUENTES',
  creditLine: 'POOL/AFP via Getty Images',
  altText: 'A crowd with banners on a boulevard',
});

describe('pastedPhotoUse', () => {
  it('takes the pasted page’s alt text and caption, the photo’s own where the page had none', () => {
    expect(pastedPhotoUse(agencyPhoto, DEFAULT_CREDIT_STYLE, { altText: ' Marchers with banners ', caption: 'The march on Friday.' })).toMatchObject({
      altText: 'Marchers with banners',
      caption: 'The march on Friday.',
      credit: 'Gonzalo Fuentes/POOL/AFP via Getty Images',
    });
    expect(pastedPhotoUse(agencyPhoto, DEFAULT_CREDIT_STYLE, { altText: '  ', caption: '' })).toEqual(newPhotoUse(agencyPhoto, DEFAULT_CREDIT_STYLE));
    const long = pastedPhotoUse(agencyPhoto, DEFAULT_CREDIT_STYLE, { altText: 'a'.repeat(9000), caption: 'c'.repeat(9000) });
    expect(PhotoUse.safeParse(long).success).toBe(true);
  });
});

describe('newPhotoUse', () => {
  it('starts from the photo: description as caption, house-style credit, its alt text', () => {
    expect(newPhotoUse(agencyPhoto, DEFAULT_CREDIT_STYLE)).toEqual({
      photoId: agencyPhoto.id,
      caption: 'Protesters march in Paris.',
      credit: 'Gonzalo Fuentes/POOL/AFP via Getty Images',
      creditEdited: false,
      altText: 'A crowd with banners on a boulevard',
    });
  });

  it('gives empty fields for a photo without metadata', () => {
    const bare = makePhoto('b');
    expect(newPhotoUse(bare, DEFAULT_CREDIT_STYLE)).toEqual({ photoId: bare.id, caption: '', credit: '', creditEdited: false, altText: '' });
  });

  it('always fits what an article may store, however long the photo text is', () => {
    const wordy = makePhoto('c', { description: 'x'.repeat(10_000), altText: 'y'.repeat(10_000), creator: 'z'.repeat(3000) });
    const use = newPhotoUse(wordy, DEFAULT_CREDIT_STYLE);
    expect(PhotoUse.safeParse(use).success).toBe(true);
    expect(use.caption).toHaveLength(5000);
  });

  it('follows the desk style', () => {
    const style = { ...DEFAULT_CREDIT_STYLE, pattern: '{agency} / {creator}' };
    expect(houseCredit(agencyPhoto, style)).toBe('POOL/AFP via Getty Images / Gonzalo Fuentes');
  });
});

describe('editing and following the credit', () => {
  const use = newPhotoUse(agencyPhoto, DEFAULT_CREDIT_STYLE);

  it('marks a typed credit as edited, and typing the house credit back as following again', () => {
    const edited = withCredit(use, 'Gonzalo Fuentes/AFP', use.credit);
    expect(edited).toMatchObject({ credit: 'Gonzalo Fuentes/AFP', creditEdited: true });
    expect(withCredit(edited, ` ${use.credit} `, use.credit).creditEdited).toBe(false);
  });

  it('updates an unedited credit when the photo changes, keeps an edited one', () => {
    const retouched = { metadata: { ...agencyPhoto.metadata, creditLine: 'AFP' } };
    expect(followPhotoCredit(use, retouched, DEFAULT_CREDIT_STYLE).credit).toBe('Gonzalo Fuentes/AFP');
    const edited = withCredit(use, 'Our own credit', use.credit);
    expect(followPhotoCredit(edited, retouched, DEFAULT_CREDIT_STYLE)).toBe(edited);
    expect(followPhotoCredit(use, agencyPhoto, DEFAULT_CREDIT_STYLE)).toBe(use);
  });
});

describe('captionWithCredit', () => {
  it('puts the credit in parentheses after the caption', () => {
    expect(captionWithCredit('Caption text', 'Name/Agency')).toBe('Caption text (Name/Agency)');
    expect(captionWithCredit('Protesters march in Paris.', 'Gonzalo Fuentes/AFP')).toBe('Protesters march in Paris. (Gonzalo Fuentes/AFP)');
  });

  it('never prints empty parentheses, and trims', () => {
    expect(captionWithCredit('  Caption text  ', '   ')).toBe('Caption text');
    expect(captionWithCredit('', '')).toBe('');
    expect(captionWithCredit('   ', 'Name/Agency')).toBe('(Name/Agency)');
    expect(captionWithCredit('Caption', '()')).toBe('Caption');
  });

  it('does not double parentheses or full stops', () => {
    expect(captionWithCredit('Caption text', '(Name/Agency)')).toBe('Caption text (Name/Agency)');
    expect(captionWithCredit('Caption text', 'AP Photo/Evan Vucci.')).toBe('Caption text (AP Photo/Evan Vucci)');
    expect(captionWithCredit('Caption text..', 'Name/Agency')).toBe('Caption text. (Name/Agency)');
    expect(captionWithCredit('And then…', 'Name/Agency')).toBe('And then… (Name/Agency)');
    expect(captionWithCredit('Wait...', 'Name/Agency')).toBe('Wait... (Name/Agency)');
  });

  it('does not repeat a credit the caption already ends with', () => {
    expect(captionWithCredit('Protesters march (Name/Agency)', 'Name/Agency')).toBe('Protesters march (Name/Agency)');
    expect(captionWithCredit('Protesters march (name/agency).', 'Name/Agency')).toBe('Protesters march (name/agency).');
  });
});

describe('naming photos in messages', () => {
  it('says where a photo is used', () => {
    expect(placementLabel({ where: 'lead', index: 0 })).toBe('Lead photo');
    expect(placementLabel({ where: 'body', index: 2 })).toBe('Photo 2 in the body');
  });

  it('names a photo by file name, else title, else id', () => {
    expect(photoDisplayName(makePhoto('d', { title: 'FRANCE-POLITICS' }, 'paris.jpg'))).toBe('paris.jpg');
    expect(photoDisplayName(makePhoto('d', { title: 'FRANCE-POLITICS' }, ' '))).toBe('FRANCE-POLITICS');
    expect(photoDisplayName(makePhoto('d', {}, ''))).toBe('photo dddddddd');
  });
});
