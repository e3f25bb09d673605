import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import { $getNodeByKey, DROP_COMMAND, HISTORY_MERGE_TAG, type LexicalEditor, type NodeKey } from 'lexical';
import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { IMAGE_WIDTHS, type ImageWidth } from '../../../../shared/model/photo-use';
import { buildCredit } from '../../../../shared/rules/credit';
import { captionWithCredit } from '../../../../shared/rules/photo-use';
import { findRestrictions } from '../../../../shared/rules/rights';
import { usePhotoLookup, useArticlePhotos } from '../photos/ArticlePhotosContext';
import { captionTextOf } from '../photos/caption';
import { CaptionEditor } from '../photos/CaptionEditor';
import { usePhotoEditing } from '../photos/photo-editing';
import { useSharedCaption } from '../photos/useSharedCaption';
import { AltTextField, CreditField } from '../../ui/photos/PhotoUseFields';
import { RestrictionBadges } from '../../ui/photos/RestrictionBadges';
import { originalUrl } from '../../ui/photos/photo-urls';
import type { EditablePhotoNode, PhotoFields } from './photo-fields';

interface PhotoViewProps extends PhotoFields {
  nodeKey: NodeKey;
  caption: LexicalEditor;
  captionJson: string;
  captionId: string;
}

const WIDTH_LABELS: Record<ImageWidth, string> = { regular: 'Regular', wide: 'Wide', full: 'Full' };

type Field = 'credit' | 'alt';

/** The picture itself, or a placeholder that says why there is none. */
function Picture({ photoId, altText, missing }: { photoId: string; altText: string; missing: boolean }) {
  const [broken, setBroken] = useState(false);
  if (missing || broken) {
    return (
      <div className="nd-photo__missing" role="img" aria-label="Missing photo">
        <strong>{missing ? 'This photo is no longer in the library.' : 'The picture could not be loaded.'}</strong>
        <span>Its caption and credit are kept. Remove it, or insert the photo again.</span>
      </div>
    );
  }
  return <img className="nd-photo__img" src={originalUrl(photoId)} alt={altText} draggable={false} decoding="async" onError={() => setBroken(true)} />;
}

/**
 * The inline photo as the editor shows it: the picture, width options, restriction badges, the
 * caption (a nested editor), and this use's credit and alt text. Read-only (preview, revisions) it
 * is the figure readers get: picture, then "caption (credit)".
 */
export function PhotoView({ nodeKey, photoId, altText, credit, creditEdited, width, caption, captionJson, captionId }: PhotoViewProps) {
  const [editor] = useLexicalComposerContext();
  const editable = useLexicalEditable();
  const { onCaptionChange: reportEdit, storyDoc } = usePhotoEditing();
  const shared = useSharedCaption({ editor, nodeKey, caption, captionJson, captionId, editable, storyDoc });
  const [selected, setSelected, clearSelection] = useLexicalNodeSelection(nodeKey);
  const lookup = usePhotoLookup(photoId);
  const { creditStyle, ready } = useArticlePhotos();
  const house = useMemo(() => (lookup.photo ? buildCredit(lookup.photo.metadata, creditStyle) : null), [lookup.photo, creditStyle]);
  const restrictions = useMemo(() => (lookup.photo ? findRestrictions(lookup.photo.metadata) : []), [lookup.photo]);
  // Keystrokes in one field while it keeps focus make one undo step, not one per letter.
  const typingIn = useRef<Field | null>(null);

  const change = (apply: (node: EditablePhotoNode) => void, field: Field | null = null) => {
    const merge = field !== null && typingIn.current === field;
    typingIn.current = field;
    editor.update(
      () => {
        const node = $getNodeByKey<EditablePhotoNode>(nodeKey);
        if (node) apply(node);
      },
      merge ? { tag: HISTORY_MERGE_TAG } : undefined,
    );
  };

  // Until edited by hand, the credit follows the photo's metadata and the house style.
  useEffect(() => {
    if (!editable || !ready || creditEdited || house === null || house.text === credit) return;
    editor.update(
      () => {
        const node = $getNodeByKey<EditablePhotoNode>(nodeKey);
        if (node && !node.fields().creditEdited) node.setCredit(house.text, false);
      },
      { tag: HISTORY_MERGE_TAG },
    );
    // The merge tag keeps this out of undo, and so out of the article's autosave too; but the stored
    // credit must change with the photo's metadata (exports and publishing read it), so say so.
    reportEdit();
  }, [editable, ready, creditEdited, house, credit, editor, nodeKey, reportEdit]);

  const select = (event: MouseEvent) => {
    if (!editable) return;
    if (event.shiftKey) setSelected(!selected);
    else {
      clearSelection();
      setSelected(true);
    }
  };

  // Typing in the caption or a field is not a gesture on the photo: drop the node selection so
  // Backspace there edits text instead of deleting the whole photo.
  const leaveNodeSelection = () => {
    if (selected) clearSelection();
  };

  const missing = lookup.status === 'missing';
  const className = `nd-photo nd-photo--${width}${selected ? ' is-selected' : ''}${missing ? ' is-missing' : ''}`;

  if (!editable) {
    const text = captionTextOf(caption.getEditorState());
    // The credit part of "caption (credit)", printed after the formatted caption.
    const creditSuffix = captionWithCredit(text, credit).slice(captionWithCredit(text, '').length);
    return (
      <figure className={className} data-testid="article-photo" data-photo-id={photoId}>
        <div className="nd-photo__media">
          <Picture photoId={photoId} altText={altText} missing={missing} />
        </div>
        <figcaption className="nd-photo__caption nd-photo__caption--read">
          <CaptionEditor editor={caption} label="Caption" placeholder="" />
          {creditSuffix && <span className="nd-photo__credit">{creditSuffix}</span>}
        </figcaption>
      </figure>
    );
  }

  return (
    <figure className={className} data-testid="article-photo" data-photo-id={photoId} data-width={width} aria-label="Photo">
      <div className="nd-photo__media" onClick={select}>
        <Picture photoId={photoId} altText={altText} missing={missing} />
        <div className="nd-photo__tools" role="toolbar" aria-label="Photo layout" onFocus={leaveNodeSelection}>
          <div className="nd-photo__widths" role="group" aria-label="Width">
            {IMAGE_WIDTHS.map((option) => (
              <button
                key={option}
                type="button"
                className="nd-photo__tool"
                aria-pressed={width === option}
                onClick={(event) => {
                  event.stopPropagation();
                  change((node) => node.setWidth(option));
                }}
              >
                {WIDTH_LABELS[option]}
              </button>
            ))}
          </div>
          <button
            type="button"
            className="nd-photo__tool nd-photo__tool--remove"
            onClick={(event) => {
              event.stopPropagation();
              change((node) => node.remove());
            }}
          >
            Remove
          </button>
        </div>
      </div>
      <RestrictionBadges restrictions={restrictions} />
      <figcaption className="nd-photo__caption" onFocus={leaveNodeSelection}>
        <CaptionEditor
          editor={caption}
          shared={shared}
          label="Caption"
          placeholder="Write a caption…"
          onDropFiles={(event) => editor.dispatchCommand(DROP_COMMAND, event)}
        />
      </figcaption>
      <div className="nd-photo__fields" onFocus={leaveNodeSelection}>
        <CreditField
          value={credit}
          edited={creditEdited}
          house={house}
          onFocus={() => (typingIn.current = null)}
          onEdit={(value) => change((node) => node.setCredit(value, house === null || value.trim() !== house.text.trim()), 'credit')}
          onReset={() => change((node) => node.setCredit(house?.text ?? '', false))}
        />
        <AltTextField value={altText} onFocus={() => (typingIn.current = null)} onEdit={(value) => change((node) => node.setAltText(value), 'alt')} />
      </div>
    </figure>
  );
}
