import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import type { Photo } from '../../../../shared/model/photo';
import type { PhotoUse } from '../../../../shared/model/photo-use';
import { newPhotoUse } from '../../../../shared/rules/photo-use';
import { call, messageOf } from '../../api/newsdesk';
import { useNotify } from '../../ui/components/Toasts';
import { carriesFiles, filesFromDataTransfer } from '../../api/import-files';
import { PhotoPickerDialog } from '../photos';
import { Thumbnail } from '../../ui/photos/Thumbnail';
import { useArticlePhotos, usePhotoLookup } from '../../editor/photos/ArticlePhotosContext';
import { PhotoUseEditor } from '../../ui/photos/PhotoUseEditor';
import { arrivedPhotoIds, failureSummary } from '../../editor/photos/tracked-imports';

interface LeadPhotoFieldProps {
  lead: PhotoUse | null;
  onChange(lead: PhotoUse | null): void;
}

/** The chosen lead photo's own fields: caption, credit (with where it came from), alt text. */
function LeadPhotoUse({ lead, onChange }: { lead: PhotoUse; onChange(lead: PhotoUse): void }) {
  const lookup = usePhotoLookup(lead.photoId);
  const { creditStyle, ready } = useArticlePhotos();
  return (
    <PhotoUseEditor
      use={lead}
      photo={lookup.photo}
      missing={lookup.status === 'missing'}
      missingMessage="This photo is no longer in the library. Choose another one, or remove it."
      creditStyle={creditStyle}
      styleReady={ready}
      captionRows={3}
      onChange={onChange}
    />
  );
}

/**
 * The lead photo in the details panel: choose one from the library (or drop a picture file here,
 * which imports it first), then edit this article's caption, credit and alt text for it.
 */
export function LeadPhotoField({ lead, onChange }: LeadPhotoFieldProps) {
  const labelId = useId();
  const photos = useArticlePhotos();
  const [picking, setPicking] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const notify = useNotify();
  // The field goes away with its article; `onChange` then writes to whichever article is open.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const use = (photo: Photo) => {
    photos.remember([photo]);
    onChange(newPhotoUse(photo, photos.creditStyle));
    setError(null);
  };

  const importDropped = async (files: File[]) => {
    // Said where the person still is: the field, or (once its article was closed) a message.
    const fail = (message: string) => (mounted.current ? setError(message) : notify(message, { tone: 'error' }));
    setBusy(true);
    setError(null);
    try {
      const job = await photos.importFiles(files.slice(0, 1));
      const [id] = arrivedPhotoIds(job);
      if (!id) return fail(failureSummary(job) || 'The picture was not imported.');
      const found = await call('media:get', { id });
      if (!mounted.current) {
        return notify('The picture was added to the library, but the article it was dropped on was closed before it arrived. Choose it as the lead photo from the library.');
      }
      if (found.ok) use(found.value);
      else fail(found.error.message);
    } catch (cause) {
      fail(`The picture could not be imported: ${messageOf(cause)}`);
    } finally {
      setBusy(false);
    }
  };

  const onDragOver = (event: DragEvent) => {
    if (!carriesFiles(event.dataTransfer)) return;
    event.preventDefault(); // this field takes the drop, not the window's library import
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDrop = (event: DragEvent) => {
    setDragging(false);
    if (!carriesFiles(event.dataTransfer)) return;
    event.preventDefault();
    const { files } = filesFromDataTransfer(event.dataTransfer);
    if (files.length > 0) void importDropped(files);
  };

  return (
    <>
      <div
        className={`nd-field nd-lead${dragging ? ' is-dragging' : ''}`}
        role="group"
        aria-labelledby={labelId}
        data-testid="lead-photo"
        onDragOver={onDragOver}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <span className="nd-field__label" id={labelId}>
          Lead photo
        </span>
        {lead ? (
          <div className="nd-lead__chosen">
            <Thumbnail id={lead.photoId} alt={lead.altText} />
            <div className="nd-lead__actions">
              <button type="button" className="nd-button nd-button--small" onClick={() => setPicking(true)} disabled={busy}>
                Replace…
              </button>
              <button type="button" className="nd-button nd-button--small nd-button--ghost" onClick={() => onChange(null)}>
                Remove
              </button>
            </div>
          </div>
        ) : (
          <div className="nd-lead__empty">
            <p>{busy ? 'Importing the picture…' : 'Drop a picture here, or choose one from the library.'}</p>
            <button type="button" className="nd-button nd-button--small" onClick={() => setPicking(true)} disabled={busy}>
              Choose…
            </button>
          </div>
        )}
        {error && (
          <p className="nd-field-error" role="alert">
            {error}
          </p>
        )}
        {lead && <LeadPhotoUse lead={lead} onChange={onChange} />}
      </div>
      {/* Outside the drop area: a drop on the open dialog is not meant for the lead photo. */}
      <PhotoPickerDialog
        open={picking}
        title={lead ? 'Replace the lead photo' : 'Choose a lead photo'}
        onPick={(photo) => {
          setPicking(false);
          use(photo);
        }}
        onClose={() => setPicking(false)}
      />
    </>
  );
}
