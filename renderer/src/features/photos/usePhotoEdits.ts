import { useCallback, useEffect, useRef, useState } from 'react';
import type { Photo, PhotoField, PhotoMetadata } from '../../../../shared/model/photo';
import { call } from '../../api/newsdesk';
import { registerSaveBeforeClose } from '../../api/save-before-close';

/** Typing pauses this long before the photo is saved; leaving a field saves at once. */
const SAVE_DELAY_MS = 700;
/** How many steps Ctrl/Cmd+Z can go back. */
const MAX_UNDO = 100;

export type SaveState = { kind: 'saved' } | { kind: 'unsaved' } | { kind: 'saving' } | { kind: 'failed'; message: string };

export interface PhotoEdits {
  values: PhotoMetadata;
  /** The photo as main last confirmed it. */
  saved: Photo;
  saveState: SaveState;
  /** Fields changed here since the photo was loaded or saved. */
  isEdited(field: PhotoField): boolean;
  change<F extends PhotoField>(field: F, value: PhotoMetadata[F]): void;
  /** Ends a typing burst (a field lost focus), so the next change is a separate undo step, and saves. */
  commit(): void;
  undo(): boolean;
  redo(): boolean;
  /** Saves what is pending now; resolves false when it could not be saved. */
  flush(): Promise<boolean>;
}

const same = (a: PhotoMetadata[PhotoField], b: PhotoMetadata[PhotoField]) => JSON.stringify(a) === JSON.stringify(b);

function changedFields(from: PhotoMetadata, to: PhotoMetadata): PhotoField[] {
  return (Object.keys(to) as PhotoField[]).filter((field) => !same(from[field], to[field]));
}

/**
 * One photo's metadata as edited in the side panel: saves with media:update (debounced, and at
 * once on blur or when the panel goes away), keeps its own undo history (a typing burst in one
 * field is one step), and takes on changes made elsewhere (a batch edit) when nothing is pending.
 */
export function usePhotoEdits(photo: Photo, onSaved: (photo: Photo) => void): PhotoEdits {
  const [values, setValues] = useState<PhotoMetadata>(photo.metadata);
  const [saved, setSaved] = useState<Photo>(photo);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved' });
  const latest = useRef({ values, saved, onSaved });
  latest.current = { values, saved, onSaved };
  const undoStack = useRef<PhotoMetadata[]>([]);
  const redoStack = useRef<PhotoMetadata[]>([]);
  const burstField = useRef<PhotoField | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  /** Why the last save failed, for the dialog shown when the window cannot close. */
  const failure = useRef<string | null>(null);

  // A newer version from outside (Undo of a batch edit) is taken on, keeping fields typed here
  // that are not saved yet, so neither side's change is lost.
  useEffect(() => {
    const current = latest.current;
    if (photo.updatedAt <= current.saved.updatedAt) return;
    const pending = changedFields(current.saved.metadata, current.values);
    const rebased = { ...photo.metadata, ...Object.fromEntries(pending.map((field) => [field, current.values[field]])) } as PhotoMetadata;
    latest.current.values = rebased;
    latest.current.saved = photo;
    setValues(rebased);
    setSaved(photo);
  }, [photo]);

  const save = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    // One request at a time, so an older save can never land after a newer one.
    while (inFlight.current) await inFlight.current;
    const { values: sending, saved: base } = latest.current;
    const fields = changedFields(base.metadata, sending);
    if (fields.length === 0) return true;
    const patch = Object.fromEntries(fields.map((field) => [field, sending[field]])) as Partial<PhotoMetadata>;
    setSaveState({ kind: 'saving' });
    const attempt = call('media:update', { id: base.id, metadata: patch }).then((result) => {
      if (!result.ok) {
        failure.current = result.error.message;
        setSaveState({ kind: 'failed', message: result.error.message });
        return false;
      }
      latest.current.saved = result.value;
      setSaved(result.value);
      latest.current.onSaved(result.value);
      const stillPending = changedFields(result.value.metadata, latest.current.values).length > 0;
      setSaveState({ kind: stillPending ? 'unsaved' : 'saved' });
      return true;
    });
    inFlight.current = attempt;
    try {
      return await attempt;
    } finally {
      inFlight.current = null;
    }
  }, []);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    setSaveState((state) => (state.kind === 'saving' ? state : { kind: 'unsaved' }));
    timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
  }, [save]);

  const apply = useCallback(
    (next: PhotoMetadata) => {
      latest.current.values = next;
      setValues(next);
      schedule();
    },
    [schedule],
  );

  const change = useCallback(
    <F extends PhotoField>(field: F, value: PhotoMetadata[F]) => {
      const before = latest.current.values;
      if (same(before[field], value)) return;
      if (burstField.current !== field) {
        undoStack.current = [...undoStack.current.slice(1 - MAX_UNDO), before];
        burstField.current = field;
      }
      redoStack.current = [];
      apply({ ...before, [field]: value });
    },
    [apply],
  );

  const commit = useCallback(() => {
    burstField.current = null;
    if (changedFields(latest.current.saved.metadata, latest.current.values).length > 0) void save();
  }, [save]);

  const step = useCallback(
    (from: typeof undoStack, to: typeof undoStack): boolean => {
      const target = from.current.at(-1);
      if (!target) return false;
      from.current = from.current.slice(0, -1);
      to.current = [...to.current, latest.current.values];
      burstField.current = null;
      apply(target);
      return true;
    },
    [apply],
  );
  const undo = useCallback(() => step(undoStack, redoStack), [step]);
  const redo = useCallback(() => step(redoStack, undoStack), [step]);

  // Switching to another photo or view must not lose what was typed in the last moment.
  useEffect(
    () => () => {
      if (timer.current) void save();
    },
    [save],
  );

  // Closing the window (or the app) with an edit not saved yet (typing pause, a save under way or
  // one that failed): hold the close and save, as the drafting desk does; in the desktop app main
  // then asks for the save and closes the window, or asks the person if it fails.
  useEffect(
    () =>
      registerSaveBeforeClose(async () =>
        (await save()) ? null : `A photo’s details could not be saved${failure.current ? `: ${failure.current}` : '.'}`,
      ),
    [save],
  );
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const pending = changedFields(latest.current.saved.metadata, latest.current.values).length > 0;
      if (timer.current === null && inFlight.current === null && !pending) return;
      event.preventDefault();
      event.returnValue = '';
      void save();
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden' && timer.current !== null) void save();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, [save]);

  const isEdited = useCallback((field: PhotoField) => !same(saved.metadata[field], values[field]), [saved, values]);

  return { values, saved, saveState, isEdited, change, commit, undo, redo, flush: save };
}
