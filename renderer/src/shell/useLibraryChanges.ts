import { useMemo, useReducer } from 'react';
import type { LibraryChanges } from '../api/library-changes';

/**
 * The library's changes this session for both desks: photos that arrived through the window's own
 * imports (`importedVersion`) or elsewhere (the editor's drops), and metadata edits.
 */
export function useLibraryChanges(importedVersion: number): LibraryChanges {
  const [arrivedElsewhere, photosArrived] = useReducer((n: number) => n + 1, 0);
  const [edited, photosEdited] = useReducer((n: number) => n + 1, 0);
  return useMemo<LibraryChanges>(
    () => ({ arrived: importedVersion + arrivedElsewhere, edited, photosArrived, photosEdited }),
    [importedVersion, arrivedElsewhere, edited],
  );
}
