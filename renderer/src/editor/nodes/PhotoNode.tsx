import {
  $applyNodeReplacement,
  DecoratorNode,
  type DOMConversionOutput,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
} from 'lexical';
import type { ReactNode } from 'react';
import { IMAGE_NODE_TYPE, IMAGE_WIDTHS, type ImageNodeJson, type ImageWidth } from '../../../../shared/model/photo-use';
import { captionJsonOf, captionTextOf, createCaptionEditor } from '../photos/caption';
import { newCaptionId } from '../photos/caption-binding';
import { originalUrl } from '../../ui/photos/photo-urls';
import type { EditablePhotoNode, PhotoFields } from './photo-fields';
import { PhotoView } from './PhotoView';

export interface PhotoNodeInit extends Omit<PhotoFields, 'width'> {
  width?: ImageWidth;
  /** The caption as plain text (a new use), or a stored caption state with its plain text. */
  caption: string | { json: unknown; text: string };
}

export type SerializedPhotoNode = ImageNodeJson & SerializedLexicalNode;

/** Marks exported HTML so a photo survives a copy into another Newsdesk editor. */
const PHOTO_ATTRIBUTE = 'data-newsdesk-photo';
const CREDIT_ATTRIBUTE = 'data-credit';

const MAX = { altText: 2000, credit: 500, captionText: 5000 } as const;

const text = (value: unknown, max: number): string => (typeof value === 'string' ? value.slice(0, max) : '');
const NO_PHOTO: PhotoFields = { photoId: '', altText: '', credit: '', creditEdited: false, width: 'regular' };

const widthOf = (value: unknown): ImageWidth => (IMAGE_WIDTHS as readonly unknown[]).includes(value) ? (value as ImageWidth) : 'regular';

/**
 * An inline photo in the article body: a block the text flows around, holding which library photo
 * it shows and this use's caption, credit, alt text and width. The model lives here, the React view
 * in PhotoView. The caption is a nested Lexical editor (bold, italic and links only, see
 * editor/photos/caption.ts); its plain text is stored beside it so rules and exports can
 * read captions without an editor. The serialized shape is ImageNodeJson, which shared rules read.
 */
export class PhotoNode extends DecoratorNode<ReactNode> implements EditablePhotoNode {
  __photoId: string;
  __altText: string;
  __credit: string;
  __creditEdited: boolean;
  __width: ImageWidth;
  __caption: LexicalEditor;
  /**
   * The caption's content as JSON text, as the photo was made. What the story's shared document
   * carried of a caption before captions were shared texts (useSharedCaption), still read for those.
   */
  __captionJson = '';
  /**
   * Names the caption's shared text in the story document (caption-binding.ts): made for each new
   * photo, a pasted one included, and kept by the shared document, so undo brings a photo back with
   * its caption. '' for a photo from before captions were shared texts. Not in the article's JSON.
   */
  __captionId = '';

  override $config() {
    return this.config(IMAGE_NODE_TYPE, {
      extends: DecoratorNode,
      importDOM: {
        figure: (element: HTMLElement) =>
          element.hasAttribute(PHOTO_ATTRIBUTE) ? { conversion: $convertPhotoFigure, priority: 2 } : null,
      },
    });
  }

  // Its own clone rather than the one $config() would derive: that one calls `new PhotoNode()` and
  // copies fields after, which would build a throwaway caption editor on every write to the node.
  static override clone(node: PhotoNode): PhotoNode {
    const copy = new PhotoNode(node.fields(), node.__caption, node.__key);
    copy.__captionJson = node.__captionJson;
    copy.__captionId = node.__captionId;
    return copy;
  }

  /**
   * Lenient on purpose: a stored body is only checked at its root, and one damaged photo must not
   * stop the whole article from opening. Wrong fields fall back to empty values the pre-publish
   * check then reports (no credit, no alt text, not in the library).
   */
  static override importJSON(json: SerializedPhotoNode): PhotoNode {
    return $createPhotoNode({
      photoId: text(json.photoId, 64),
      altText: text(json.altText, MAX.altText),
      credit: text(json.credit, MAX.credit),
      creditEdited: json.creditEdited === true,
      width: widthOf(json.width),
      caption: { json: json.caption, text: text(json.captionText, MAX.captionText) },
    });
  }

  // Defaults because the shared-document binding builds each node type once with no arguments to
  // learn its default properties (and builds photos arriving from another window the same way).
  constructor(fields: PhotoFields = NO_PHOTO, caption: LexicalEditor = createCaptionEditor({ text: '' }), key?: NodeKey) {
    super(key);
    this.__photoId = fields.photoId;
    this.__altText = fields.altText;
    this.__credit = fields.credit;
    this.__creditEdited = fields.creditEdited;
    this.__width = fields.width;
    this.__caption = caption;
  }

  fields(): PhotoFields {
    const self = this.getLatest();
    return { photoId: self.__photoId, altText: self.__altText, credit: self.__credit, creditEdited: self.__creditEdited, width: self.__width };
  }

  override exportJSON(): SerializedPhotoNode {
    const self = this.getLatest();
    const captionState = self.__caption.getEditorState();
    return {
      type: IMAGE_NODE_TYPE,
      version: 1,
      photoId: self.__photoId,
      altText: self.__altText,
      credit: self.__credit,
      creditEdited: self.__creditEdited,
      width: self.__width,
      caption: captionJsonOf(self.__caption),
      captionText: captionTextOf(captionState).slice(0, MAX.captionText),
    };
  }

  override exportDOM(): DOMExportOutput {
    const self = this.getLatest();
    const figure = document.createElement('figure');
    figure.setAttribute(PHOTO_ATTRIBUTE, self.__photoId);
    figure.setAttribute(CREDIT_ATTRIBUTE, self.__credit);
    figure.setAttribute('data-width', self.__width);
    const img = document.createElement('img');
    img.setAttribute('src', originalUrl(self.__photoId));
    img.setAttribute('alt', self.__altText);
    const caption = document.createElement('figcaption');
    caption.textContent = captionTextOf(self.__caption.getEditorState());
    figure.append(img, caption);
    return { element: figure };
  }

  getPhotoId(): string {
    return this.getLatest().__photoId;
  }

  setCaptionJson(json: string): this {
    const writable = this.getWritable();
    writable.__captionJson = json;
    return writable;
  }

  getCaptionEditor(): LexicalEditor {
    return this.getLatest().__caption;
  }

  setAltText(altText: string): this {
    const writable = this.getWritable();
    writable.__altText = altText.slice(0, MAX.altText);
    return writable;
  }

  /** `edited` is false when the credit is (re)set from the photo's metadata in house style. */
  setCredit(credit: string, edited: boolean): this {
    const writable = this.getWritable();
    writable.__credit = credit.slice(0, MAX.credit);
    writable.__creditEdited = edited;
    return writable;
  }

  setWidth(width: ImageWidth): this {
    const writable = this.getWritable();
    writable.__width = width;
    return writable;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = document.createElement('div');
    const className = config.theme['photo'];
    if (typeof className === 'string') element.className = className;
    return element;
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }

  override isKeyboardSelectable(): boolean {
    return true;
  }

  override decorate(): ReactNode {
    // Called while reconciling this very version of the node, so its own fields are the latest.
    return (
      <PhotoView
        nodeKey={this.__key}
        photoId={this.__photoId}
        altText={this.__altText}
        credit={this.__credit}
        creditEdited={this.__creditEdited}
        width={this.__width}
        caption={this.__caption}
        captionJson={this.__captionJson}
        captionId={this.__captionId}
      />
    );
  }
}

function $convertPhotoFigure(element: HTMLElement): DOMConversionOutput | null {
  const photoId = element.getAttribute(PHOTO_ATTRIBUTE) ?? '';
  const img = element.querySelector('img');
  const caption = element.querySelector('figcaption')?.textContent ?? '';
  const credit = element.getAttribute(CREDIT_ATTRIBUTE) ?? '';
  return {
    node: $createPhotoNode({
      photoId,
      altText: img?.getAttribute('alt') ?? '',
      credit,
      creditEdited: credit !== '',
      width: widthOf(element.getAttribute('data-width')),
      caption,
    }),
  };
}

export function $createPhotoNode(init: PhotoNodeInit): PhotoNode {
  const caption =
    typeof init.caption === 'string' ? createCaptionEditor({ text: init.caption }) : createCaptionEditor(init.caption);
  const fields: PhotoFields = {
    photoId: init.photoId,
    altText: init.altText.slice(0, MAX.altText),
    credit: init.credit.slice(0, MAX.credit),
    creditEdited: init.creditEdited,
    width: init.width ?? 'regular',
  };
  const node = new PhotoNode(fields, caption);
  node.__captionJson = JSON.stringify(caption.getEditorState().toJSON());
  node.__captionId = newCaptionId();
  return $applyNodeReplacement(node);
}

export function $isPhotoNode(node: LexicalNode | null | undefined): node is PhotoNode {
  return node instanceof PhotoNode;
}
