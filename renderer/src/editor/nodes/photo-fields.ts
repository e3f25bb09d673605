import type { LexicalNode } from 'lexical';
import type { ImageWidth } from '../../../../shared/model/photo-use';

/** What an inline photo holds besides its caption editor. */
export interface PhotoFields {
  photoId: string;
  altText: string;
  credit: string;
  creditEdited: boolean;
  width: ImageWidth;
}

/**
 * The photo node as its view edits it. Named here, apart from PhotoNode, because PhotoNode renders
 * PhotoView: the view importing the node back would close a circle between the two modules.
 */
export interface EditablePhotoNode extends LexicalNode {
  fields(): PhotoFields;
  setAltText(altText: string): unknown;
  /** `edited` is false when the credit is (re)set from the photo's metadata in house style. */
  setCredit(credit: string, edited: boolean): unknown;
  setWidth(width: ImageWidth): unknown;
}
