import { z } from 'zod';
import { PhotoId } from './photo';

/**
 * A photo as used in one article. The caption belongs to this use (the photo's own description
 * stays with the photo); the credit starts as the house-style credit and stays editable here.
 */
export const PhotoUse = z.object({
  photoId: PhotoId,
  caption: z.string().max(5000),
  credit: z.string().max(500),
  /** True once the editor changed the credit by hand; until then it follows the photo's metadata. */
  creditEdited: z.boolean(),
  altText: z.string().max(2000),
});
export type PhotoUse = z.infer<typeof PhotoUse>;

export const IMAGE_WIDTHS = ['regular', 'wide', 'full'] as const;
export const ImageWidth = z.enum(IMAGE_WIDTHS);
export type ImageWidth = z.infer<typeof ImageWidth>;

/** The Lexical node type of an inline photo in an article body. */
export const IMAGE_NODE_TYPE = 'newsdesk-photo';

/**
 * The serialized inline photo node. The caption is a nested editor's state (simple text formatting
 * only); `captionText` is its plain text, kept alongside so rules and exports need no editor.
 */
export const ImageNodeJson = z.object({
  type: z.literal(IMAGE_NODE_TYPE),
  version: z.literal(1),
  photoId: PhotoId,
  altText: z.string().max(2000),
  credit: z.string().max(500),
  creditEdited: z.boolean(),
  width: ImageWidth,
  caption: z.object({ root: z.object({ type: z.literal('root') }).catchall(z.unknown()) }).catchall(z.unknown()),
  captionText: z.string().max(5000),
});
export type ImageNodeJson = z.infer<typeof ImageNodeJson>;
