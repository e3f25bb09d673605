import type { Photo } from '../model/photo';
import { PhotoUse } from '../model/photo-use';
import type { CreditStyle } from '../model/settings';
import { buildCredit } from './credit';

/**
 * Rules for a photo as used in an article, shared by the editor (lead photo, inline image node),
 * the preview and the pre-publish check.
 */

/** Cuts text to what the stored photo use accepts, so a long agency caption never fails validation. */
function fit(text: string, max: number | null): string {
  const trimmed = text.trim();
  return max === null ? trimmed : trimmed.slice(0, max);
}

/** The credit the photo's metadata gives in the desk's house style. */
export function houseCredit(photo: Pick<Photo, 'metadata'>, style: CreditStyle): string {
  return fit(buildCredit(photo.metadata, style).text, PhotoUse.shape.credit.maxLength);
}

/** A fresh use of a photo: caption from its description, credit in house style, its alt text. */
export function newPhotoUse(photo: Photo, style: CreditStyle): PhotoUse {
  return {
    photoId: photo.id,
    caption: fit(photo.metadata.description, PhotoUse.shape.caption.maxLength),
    credit: houseCredit(photo, style),
    creditEdited: false,
    altText: fit(photo.metadata.altText, PhotoUse.shape.altText.maxLength),
  };
}

/**
 * A use of a photo that came in pasted content: the page's alt text and figure caption, where it
 * had them, say what the picture shows in this story; the photo's own fill in where it had none.
 */
export function pastedPhotoUse(photo: Photo, style: CreditStyle, pasted: { altText: string; caption: string }): PhotoUse {
  const use = newPhotoUse(photo, style);
  const altText = fit(pasted.altText, PhotoUse.shape.altText.maxLength);
  const caption = fit(pasted.caption, PhotoUse.shape.caption.maxLength);
  return { ...use, altText: altText || use.altText, caption: caption || use.caption };
}

/** The use with a credit typed by the editor; typing the house credit back makes it follow the photo again. */
export function withCredit(use: PhotoUse, credit: string, photoCredit: string): PhotoUse {
  const typed = credit.slice(0, PhotoUse.shape.credit.maxLength ?? credit.length);
  return { ...use, credit: typed, creditEdited: typed.trim() !== photoCredit.trim() };
}

/** After the photo's metadata or the house style changed: an unedited credit follows, an edited one stays. */
export function followPhotoCredit(use: PhotoUse, photo: Pick<Photo, 'metadata'>, style: CreditStyle): PhotoUse {
  if (use.creditEdited) return use;
  const credit = houseCredit(photo, style);
  return credit === use.credit ? use : { ...use, credit };
}

/** "Name/Agency" from "(Name/Agency)." — the preview adds its own parentheses. */
export function bareCredit(credit: string): string {
  let bare = credit.trim().replace(/\.+$/u, '').trim();
  while (bare.startsWith('(') && bare.endsWith(')')) bare = bare.slice(1, -1).trim();
  return bare;
}

/** "Paris.." → "Paris." (an ellipsis stays). */
function tidyCaption(caption: string): string {
  return caption.trim().replace(/(?<!\.)\.\.$/u, '.');
}

/**
 * The caption followed by the credit in parentheses, as the preview and exports print it:
 * "Protesters march in Paris (Gonzalo Fuentes/POOL/AFP via Getty Images)". No empty parentheses
 * without a credit, and no second credit when the caption already ends with it.
 */
export function captionWithCredit(caption: string, credit: string): string {
  const text = tidyCaption(caption);
  const bare = bareCredit(credit);
  if (!bare) return text;
  const withParentheses = `(${bare})`;
  if (!text) return withParentheses;
  const captionEnd = text.replace(/\.$/u, '').toLowerCase();
  if (captionEnd.endsWith(withParentheses.toLowerCase())) return text;
  return `${text} ${withParentheses}`;
}

export type PhotoPlacement = { where: 'lead' | 'body'; index: number };

/** "Lead photo" or "Photo 2 in the body" (body photos count from 1). */
export function placementLabel({ where, index }: PhotoPlacement): string {
  return where === 'lead' ? 'Lead photo' : `Photo ${index} in the body`;
}

/** How messages name a photo: its file name, else its title, else the start of its id. */
export function photoDisplayName(photo: Pick<Photo, 'id' | 'fileName' | 'metadata'>): string {
  return photo.fileName.trim() || photo.metadata.title.trim() || `photo ${photo.id.slice(0, 8)}`;
}
