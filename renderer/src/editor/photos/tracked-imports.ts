import { useCallback, useContext, useRef, useState } from 'react';
import type { ImportJob } from '../../../../shared/model/media-library';
import { importFiles } from '../../api/import-files';
import { LibraryChangesContext } from '../../api/library-changes';

/** One import started from the article (a drop or paste into the text, a lead photo dropped). */
export interface TrackedImport {
  id: number;
  total: number;
  /** Files main has finished with, whatever the outcome. */
  settled: number;
  cancel(): void;
}

const SETTLED = new Set(['imported', 'duplicate', 'failed', 'cancelled']);

export function settledCount(job: ImportJob): number {
  return job.items.filter((item) => SETTLED.has(item.state)).length;
}

/** The photos an import brought into the library (new or already there), in the order given. */
export function arrivedPhotoIds(job: ImportJob): string[] {
  return job.items.flatMap((item) => ((item.state === 'imported' || item.state === 'duplicate') && item.photoId ? [item.photoId] : []));
}

/** "“a.jpg”: not an image; “b.txt”: …" for the files of a job that failed, or "" when none did. */
export function failureSummary(job: ImportJob): string {
  const failed = job.items.filter((item) => item.state === 'failed');
  if (failed.length === 0) return '';
  const listed = failed.slice(0, 3).map((item) => `“${item.name}”: ${item.message || 'it could not be imported'}`);
  const more = failed.length > 3 ? ` (and ${failed.length - 3} more)` : '';
  const noun = failed.length === 1 ? 'One file was' : `${failed.length} files were`;
  return `${noun} not imported. ${listed.join('; ')}${more}.`;
}

/**
 * Imports the article starts, with their progress kept where the status bar can show it and a
 * cancel for each. Several can run at once (two drops in a row).
 */
export function useTrackedImports(): { imports: TrackedImport[]; run(files: readonly File[]): Promise<ImportJob> } {
  const [imports, setImports] = useState<TrackedImport[]>([]);
  const nextId = useRef(1);
  const { photosArrived } = useContext(LibraryChangesContext);

  const run = useCallback(async (files: readonly File[]) => {
    const id = nextId.current++;
    const controller = new AbortController();
    const tracked: TrackedImport = { id, total: files.length, settled: 0, cancel: () => controller.abort() };
    setImports((list) => [...list, tracked]);
    try {
      return await importFiles(files, {
        signal: controller.signal,
        onProgress: (job) => setImports((list) => list.map((item) => (item.id === id ? { ...item, settled: settledCount(job) } : item))),
      });
    } finally {
      setImports((list) => list.filter((item) => item.id !== id));
      photosArrived();
    }
  }, [photosArrived]);

  return { imports, run };
}
