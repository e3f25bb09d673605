import { useRef, useState, type KeyboardEvent } from 'react';
import type { Photo } from '../../../../shared/model/photo';
import { killedPhotoMessage } from '../../../../shared/rules/prepublish';
import { photoDisplayName } from '../../../../shared/rules/photo-use';
import { Icon } from '../../ui/components/Icon';
import { ModalDialog } from '../../ui/components/ModalDialog';
import { ImportPanel } from './ImportPanel';
import { countPhotos } from './photo-display';
import { PhotoGrid } from './PhotoGrid';
import { usePhotoDeskSettings } from './usePhotoDeskSettings';
import { useImportRuns } from './useImportRuns';
import { usePhotoPage } from './usePhotoPage';

interface PhotoPickerDialogProps {
  open: boolean;
  title: string;
  onPick(photo: Photo): void;
  onClose(): void;
}

/** How many photos the picker lists; search finds the rest. */
const PICKER_COUNT = 300;

/**
 * Chooses one photo from the library (or imports one from disk first): search, a thumbnail grid,
 * Enter or a double-click picks, Esc closes. A modal <dialog>, so focus stays inside. Its content
 * exists only while it is open: a closed picker asks main for nothing, and each opening starts
 * with an empty search.
 */
export function PhotoPickerDialog({ open, title, onPick, onClose }: PhotoPickerDialogProps) {
  // showModal focuses the first button (the close ×); searching is what people come for.
  const focusSearch = (dialog: HTMLDialogElement) => dialog.querySelector<HTMLInputElement>('input[type="search"]')?.focus();

  return (
    <ModalDialog open={open} className="nd-picker" testId="photo-picker" title={title} onOpened={focusSearch} onClose={onClose}>
      {open && <PickerContent onPick={onPick} onClose={onClose} />}
    </ModalDialog>
  );
}

function PickerContent({ onPick, onClose }: Pick<PhotoPickerDialogProps, 'onPick' | 'onClose'>) {
  const gridRef = useRef<HTMLDivElement>(null);
  const [text, setText] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const imports = useImportRuns();
  const page = usePhotoPage(text, 'all', PICKER_COUNT, imports.libraryVersion);
  const { creditStyle } = usePhotoDeskSettings();

  const chosen = page.items.find((photo) => selected.has(photo.id)) ?? null;
  const [refused, setRefused] = useState<string | null>(null);
  const pick = (photo: Photo | null) => {
    if (!photo) return;
    // A killed photo stays in the library for its notice, but is never placed again.
    if (photo.kill) {
      setRefused(killedPhotoMessage(`“${photoDisplayName(photo)}”`, photo));
      return;
    }
    setRefused(null);
    onPick(photo);
  };

  const importFromDisk = async () => {
    const job = await imports.importFromDisk();
    const arrived = job?.items.find((item) => item.photoId !== null && (item.state === 'imported' || item.state === 'duplicate'));
    if (arrived?.photoId) {
      setText('');
      setSelected(new Set([arrived.photoId]));
    }
  };

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      pick(chosen ?? page.items[0] ?? null);
    } else if (event.key === 'Escape') {
      // A search box would only clear itself on Esc; in the picker Esc always closes.
      event.preventDefault();
      onClose();
    } else if (event.key === 'ArrowDown' && page.items.length > 0) {
      event.preventDefault();
      gridRef.current?.focus();
    }
  };

  return (
    <>
      <div className="nd-picker__bar">
        <label className="nd-search nd-picker__search">
          <Icon name="search" size={16} />
          <input
            type="search"
            aria-label="Search photos"
            title="Enter uses the selected photo (or the first one); ↓ goes to the photos"
            placeholder="Search captions, credits, creators, keywords…"
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={onSearchKeyDown}
          />
        </label>
        <button type="button" className="nd-button" onClick={() => void importFromDisk()}>
          Import from disk…
        </button>
      </div>
      <ImportPanel runs={imports.runs} onCancel={imports.cancel} onDismiss={imports.dismiss} variant="inline" />
      {(page.error || refused) && (
        <p className="nd-dialog__error" role="alert" data-testid="picker-refused">
          {page.error || refused}
        </p>
      )}
      <div className="nd-picker__body">
        {page.items.length > 0 ? (
          <PhotoGrid photos={page.items} selected={selected} onSelectionChange={setSelected} onActivate={pick} creditStyle={creditStyle} label="Photos" gridRef={gridRef} />
        ) : (
          !page.loading && <p className="nd-photos__empty">{text.trim() ? 'No photos match.' : 'The library has no photos yet. Import some from disk.'}</p>
        )}
      </div>
      <footer className="nd-dialog__foot">
        <p className="nd-dialog__note">
          {page.total > page.items.length ? `Showing ${page.items.length} of ${countPhotos(page.total)}. Search to narrow them down.` : 'Enter or a double-click uses the selected photo.'}
        </p>
        <button type="button" className="nd-button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="nd-button nd-button--primary" disabled={!chosen} onClick={() => pick(chosen)}>
          Use photo
        </button>
      </footer>
    </>
  );
}
