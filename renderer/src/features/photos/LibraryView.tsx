import { useCallback, useContext, useEffect, useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import type { PhotoFilter } from '../../../../shared/model/media-library';
import type { Photo } from '../../../../shared/model/photo';
import type { CreditStyle } from '../../../../shared/model/settings';
import { useAppCommand } from '../../ui/app-commands';
import { Icon } from '../../ui/components/Icon';
import { reportMenuState } from '../../api/menu-state';
import { useNotify } from '../../ui/components/Toasts';
import { MOD, SHIFT } from '../../ui/shortcuts';
import { BatchEditDialog } from './BatchEditDialog';
import { CreditStyleDialog } from './CreditStyleDialog';
import { DeletePhotosDialog } from './DeletePhotosDialog';
import { PhotoTrashDialog } from './PhotoTrashDialog';
import { usePhotoDelete } from './usePhotoDelete';
import { countPhotos } from './photo-display';
import { PhotoEditor } from './PhotoEditor';
import { PhotoGrid } from './PhotoGrid';
import { LibraryChangesContext } from '../../api/library-changes';
import { DeskPhotosPanel } from '../desk';
import type { ImportRuns } from './useImportRuns';
import { usePhotoDeskSettings } from './usePhotoDeskSettings';
import { useFilterCounts, usePhotoPage, type FilterCounts } from './usePhotoPage';
import { messageOf } from '../../../../shared/model/errors';

const FILTER_LABELS: Record<PhotoFilter, string> = {
  all: 'All',
  'missing-credit': 'Missing credit',
  restricted: 'Has usage restrictions',
  disagrees: 'Metadata disagrees',
};
const FILTERS = Object.keys(FILTER_LABELS) as PhotoFilter[];

/** How many more photos "Show more" loads. */
const PAGE_SIZE = 200;

function FilterChips({ filter, counts, onChange }: { filter: PhotoFilter; counts: FilterCounts; onChange(filter: PhotoFilter): void }) {
  return (
    <div className="nd-filter-chips" role="group" aria-label="Show">
      {FILTERS.map((option) => (
        <button key={option} type="button" className="nd-filter-chip" aria-pressed={filter === option} onClick={() => onChange(option)}>
          {FILTER_LABELS[option]}
          {counts[option] !== null && <span className="nd-filter-chip__count">{counts[option]}</span>}
        </button>
      ))}
    </div>
  );
}

/** Newer versions (from an edit here) win over the list's copy until the list is fetched again. */
function useEditedPhotos(items: readonly Photo[]) {
  const [edited, setEdited] = useState(new Map<string, Photo>());
  const photos = useMemo(
    () =>
      items.map((photo) => {
        const newer = edited.get(photo.id);
        return newer && newer.updatedAt > photo.updatedAt ? newer : photo;
      }),
    [items, edited],
  );
  const remember = useCallback((changed: readonly Photo[]) => {
    setEdited((map) => {
      const next = new Map(map);
      for (const photo of changed) next.set(photo.id, photo);
      return next;
    });
  }, []);
  return { photos, remember };
}

interface LibraryViewProps {
  imports: ImportRuns;
  searchRef: RefObject<HTMLInputElement | null>;
}

/** The photo library: import, search and filter, a thumbnail grid, and the selected photo's details. */
export function LibraryView({ imports, searchRef }: LibraryViewProps) {
  const notify = useNotify();
  const [text, setText] = useState('');
  const [filter, setFilter] = useState<PhotoFilter>('all');
  const [count, setCount] = useState(PAGE_SIZE);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [localVersion, setLocalVersion] = useState(0);
  const [batchOpen, setBatchOpen] = useState(false);
  const [styleOpen, setStyleOpen] = useState(false);
  const [trashOpen, setTrashOpen] = useState(false);
  const changes = useContext(LibraryChangesContext);
  // Photos also arrive from the drafting desk (a drop into the text, the picker's import).
  const version = changes.arrived + localVersion;
  const page = usePhotoPage(text, filter, count, version);
  const counts = useFilterCounts(text, version);
  const desk = usePhotoDeskSettings();
  // The checkbox shows the click while the setting is saved; a failed save puts it back.
  const [writeXmpSaving, setWriteXmpSaving] = useState<boolean | null>(null);
  const changeWriteXmp = async (write: boolean) => {
    setWriteXmpSaving(write);
    try {
      await desk.saveWriteXmpOnExport(write);
    } catch (error) {
      notify(`The setting could not be saved: ${messageOf(error)}`, { tone: 'error' });
    } finally {
      setWriteXmpSaving(null);
    }
  };
  const { photos, remember } = useEditedPhotos(page.items);
  const chosen = photos.filter((photo) => selected.has(photo.id));
  const searching = page.loading && text.trim() !== '';

  const afterBatch = useCallback(
    (changed: Photo[]) => {
      remember(changed);
      setLocalVersion((n) => n + 1); // filters and counts may have changed
      changes.photosEdited();
    },
    [remember, changes],
  );
  const afterEdit = useCallback(
    (photo: Photo) => {
      remember([photo]);
      changes.photosEdited();
    },
    [remember, changes],
  );

  // A desk photo fetched into this library: it shows in the grid like an import.
  const afterFetch = useCallback(
    (photo: Photo) => {
      remember([photo]);
      setLocalVersion((n) => n + 1);
      changes.photosEdited();
    },
    [remember, changes],
  );

  const saveStyle = async (style: CreditStyle) => {
    try {
      await desk.saveCreditStyle(style);
      setStyleOpen(false);
      setLocalVersion((n) => n + 1); // which photos lack a credit depends on the style
      changes.photosEdited();
      notify('Saved the credit style. Credits follow it from now on.');
    } catch (error) {
      notify(error instanceof Error ? error.message : 'The credit style could not be saved.', { tone: 'error' });
    }
  };

  const afterTrash = useCallback(
    (ids: string[]) => {
      setSelected((current) => new Set([...current].filter((id) => !ids.includes(id))));
      setLocalVersion((n) => n + 1);
      changes.photosEdited();
    },
    [changes],
  );
  const removal = usePhotoDelete(afterTrash);
  const deleteSelected = () => void removal.start([...selected]);
  // Delete (or Backspace, as on a Mac keyboard) in the grid; never while typing in a field.
  const onGridKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if ((event.key !== 'Delete' && event.key !== 'Backspace') || (event.target as HTMLElement).getAttribute('role') !== 'listbox') return;
    event.preventDefault();
    deleteSelected();
  };

  useAppCommand('photo:edit-credit-style', () => setStyleOpen(true));
  useAppCommand('photo:delete', deleteSelected);
  useEffect(() => reportMenuState({ photoSelection: selected.size }), [selected]);

  const filtered = text.trim() !== '' || filter !== 'all';
  return (
    <div className="nd-library">
      <header className="nd-library__bar">
        <h1 className="nd-library__title">Photos</h1>
        <button type="button" className="nd-button nd-button--primary" onClick={() => void imports.importFromDisk()}>
          <Icon name="plus" size={16} /> Import…
        </button>
        <label className="nd-search nd-library__search">
          <Icon name="search" size={16} />
          <input
            ref={searchRef}
            type="search"
            aria-label="Search photos"
            title={`Search photos (${MOD}${SHIFT}F or /)`}
            placeholder="Search captions, credits, creators, keywords…"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <FilterChips filter={filter} counts={counts} onChange={setFilter} />
        <button type="button" className="nd-button nd-library__style" onClick={() => setStyleOpen(true)}>
          Credit style…
        </button>
        <button type="button" className="nd-button nd-library__trash" onClick={() => setTrashOpen(true)}>
          <Icon name="trash" size={16} /> Trash
        </button>
      </header>
      {desk.error && (
        <p className="nd-list__error" role="alert">
          {desk.error}
        </p>
      )}
      <div className="nd-library__body">
        <section className={`nd-library__grid${searching ? ' nd-library__grid--stale' : ''}`} aria-label="Library" aria-busy={page.loading} onKeyDown={onGridKeyDown}>
          {page.error && (
            <p className="nd-list__error" role="alert">
              {page.error}
            </p>
          )}
          {photos.length > 0 && (
            <PhotoGrid photos={photos} selected={selected} onSelectionChange={setSelected} multiple creditStyle={desk.creditStyle} label="Photos" />
          )}
          {!page.loading && photos.length === 0 && (
            <div className="nd-photos__empty">
              {filtered ? (
                <p>No photos match.</p>
              ) : (
                <>
                  <h2>No photos yet</h2>
                  <p>Import pictures from disk, or drop them anywhere on this window. Credits and captions are read from the files.</p>
                </>
              )}
            </div>
          )}
          {page.total > photos.length && (
            <p className="nd-list__more">
              Showing {photos.length} of {countPhotos(page.total)}.{' '}
              <button type="button" className="nd-link-button" onClick={() => setCount(count + PAGE_SIZE)}>
                Show more
              </button>
            </p>
          )}
        </section>
        <aside className="nd-library__side" aria-label="Selection">
          {chosen.length > 0 && (
            <div className="nd-library__side-actions">
              <button type="button" className="nd-button" title="Delete" onClick={deleteSelected}>
                <Icon name="trash" size={16} /> Move {countPhotos(chosen.length)} to Trash
              </button>
            </div>
          )}
          {chosen.length === 1 && chosen[0] ? (
            <PhotoEditor
              key={chosen[0].id}
              photo={chosen[0]}
              creditStyle={desk.creditStyle}
              writeXmpOnExport={writeXmpSaving ?? desk.settings.photoDesk.writeXmpOnExport}
              onWriteXmpOnExportChange={(write) => void changeWriteXmp(write)}
              onSaved={afterEdit}
            />
          ) : chosen.length > 1 ? (
            <div className="nd-library__many" data-testid="selection-summary">
              <h2 className="nd-pane-title">{countPhotos(chosen.length)} selected</h2>
              <p>Give them the same credit, copyright or usage terms, or add and remove keywords, in one step.</p>
              <button type="button" className="nd-button nd-button--primary" onClick={() => setBatchOpen(true)}>
                Edit {countPhotos(chosen.length)}…
              </button>
              <button type="button" className="nd-link-button" onClick={() => setSelected(new Set())}>
                Clear selection
              </button>
            </div>
          ) : (
            <p className="nd-library__hint">
              Select a photo to see and edit its details; Delete moves it to the trash. {MOD}click or Shift+click selects several; {MOD}A selects all.
            </p>
          )}
          <DeskPhotosPanel selected={chosen.length === 1 ? (chosen[0] ?? null) : null} isLocal={(id) => photos.some((photo) => photo.id === id)} onFetched={afterFetch} />
        </aside>
      </div>
      {removal.asking && (
        <DeletePhotosDialog
          count={removal.asking.ids.length}
          inUse={removal.asking.inUse}
          onConfirm={() => void removal.confirm()}
          onCancel={removal.cancel}
        />
      )}
      {trashOpen && <PhotoTrashDialog onClose={() => setTrashOpen(false)} onRestored={() => afterTrash([])} />}
      {batchOpen && chosen.length > 0 && <BatchEditDialog photos={chosen} onClose={() => setBatchOpen(false)} onApplied={afterBatch} />}
      <CreditStyleDialog open={styleOpen} style={desk.creditStyle} onSave={(style) => void saveStyle(style)} onClose={() => setStyleOpen(false)} />
    </div>
  );
}
