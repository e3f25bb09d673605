import { useCallback, useContext, useRef, useState } from 'react';
import type { ImportJob } from '../../../../shared/model/media-library';
import { call, messageOf } from '../../api/newsdesk';
import { followImport, importFiles } from '../../api/import-files';
import { LibraryChangesContext } from '../../api/library-changes';


/** One import the person started (a drop, a paste, the file picker), as the import panel shows it. */
export interface ImportRun {
  id: number;
  /** The file names, known before main answers. */
  names: string[];
  /** Main's view of the job; null until it has started. */
  job: ImportJob | null;
  /** Set when the import could not start or main stopped answering. */
  error: string | null;
  /** True once every file has settled (or the import failed as a whole). */
  done: boolean;
}

export interface ImportRuns {
  runs: ImportRun[];
  /** Bumped whenever more photos have arrived in the library, so lists can refresh. */
  libraryVersion: number;
  importDropped(files: readonly File[]): Promise<ImportJob | null>;
  /** Opens the system file picker; resolves with the finished job, or null when it was closed. */
  importFromDisk(): Promise<ImportJob | null>;
  cancel(id: number): void;
  dismiss(id: number): void;
}

const settledCount = (job: ImportJob | null) => job?.items.filter((item) => item.state === 'imported' || item.state === 'duplicate').length ?? 0;

/** Runs imports and keeps their progress for the import panel; several may run at once. */
export function useImportRuns(): ImportRuns {
  const [runs, setRuns] = useState<ImportRun[]>([]);
  const [libraryVersion, setLibraryVersion] = useState(0);
  const controllers = useRef(new Map<number, AbortController>());
  const nextId = useRef(1);
  const { photosArrived } = useContext(LibraryChangesContext);

  const patch = useCallback((id: number, change: Partial<ImportRun>) => {
    setRuns((list) => list.map((run) => (run.id === id ? { ...run, ...change } : run)));
  }, []);

  const follow = useCallback(
    async (names: string[], start: (options: { onProgress(job: ImportJob): void; signal: AbortSignal }) => Promise<ImportJob>) => {
      const id = nextId.current++;
      const controller = new AbortController();
      controllers.current.set(id, controller);
      setRuns((list) => [...list, { id, names, job: null, error: null, done: false }]);
      let seen = 0;
      const onProgress = (job: ImportJob) => {
        patch(id, { job });
        const settled = settledCount(job);
        if (settled > seen) setLibraryVersion((version) => version + 1);
        seen = settled;
      };
      try {
        const job = await start({ onProgress, signal: controller.signal });
        patch(id, { job, done: true });
        return job;
      } catch (error) {
        patch(id, { error: messageOf(error), done: true });
        return null;
      } finally {
        controllers.current.delete(id);
        setLibraryVersion((version) => version + 1);
        photosArrived();
      }
    },
    [patch, photosArrived],
  );

  const importDropped = useCallback(
    (files: readonly File[]) => follow(files.map((file) => file.name), (options) => importFiles(files, options)),
    [follow],
  );

  const importFromDisk = useCallback(async () => {
    const result = await call('media:chooseAndImport', {});
    if (!result.ok) {
      setRuns((list) => [...list, { id: nextId.current++, names: [], job: null, error: result.error.message, done: true }]);
      return null;
    }
    const started = result.value;
    if (!started) return null;
    return follow(
      started.items.map((item) => item.name),
      (options) => followImport(started, options),
    );
  }, [follow]);

  const cancel = useCallback((id: number) => controllers.current.get(id)?.abort(), []);
  const dismiss = useCallback((id: number) => setRuns((list) => list.filter((run) => run.id !== id)), []);

  return { runs, libraryVersion, importDropped, importFromDisk, cancel, dismiss };
}
