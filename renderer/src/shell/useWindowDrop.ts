import { useEffect, useState } from 'react';
import type { ImportJob } from '../../../shared/model/media-library';
import { carriesFiles, filesFromDataTransfer } from '../api/import-files';
import { countPhotos } from '../features/photos';
import { useNotify } from '../ui/components/Toasts';
import { isTextEntry, type Desks } from './desks';

/**
 * Pictures dropped anywhere the editor does not take them go into the library, and so do pictures
 * pasted while the library shows (outside its text boxes). True while a drag of files is over the
 * window, for the overlay that says so.
 */
export function useWindowDrop({ deskRef, show }: Pick<Desks, 'deskRef' | 'show'>, importDropped: (files: readonly File[]) => Promise<ImportJob | null>): boolean {
  const notify = useNotify();
  const [dropping, setDropping] = useState(false);
  useEffect(() => {
    const onDragOver = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      if (event.defaultPrevented) return setDropping(false); // a drop target inside (the editor) takes it
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      setDropping(true);
    };
    const onDragLeave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDropping(false); // left the window
    };
    const onDrop = (event: DragEvent) => {
      setDropping(false);
      if (event.defaultPrevented || !carriesFiles(event.dataTransfer)) return;
      event.preventDefault(); // never let the page navigate to a dropped file
      const { files } = filesFromDataTransfer(event.dataTransfer);
      if (files.length === 0) return;
      void importDropped(files).then((job) => {
        const arrived = job?.items.filter((item) => item.state === 'imported').length ?? 0;
        if (arrived > 0 && deskRef.current !== 'photos') {
          notify(`Added ${countPhotos(arrived)} to the library.`, { action: { label: 'Show', run: () => show('photos') } });
        }
      });
    };
    const onPaste = (event: ClipboardEvent) => {
      if (deskRef.current !== 'photos' || event.defaultPrevented || isTextEntry(event.target)) return;
      const { files } = filesFromDataTransfer(event.clipboardData);
      if (files.length === 0) return;
      event.preventDefault();
      void importDropped(files);
    };
    window.addEventListener('paste', onPaste);
    window.addEventListener('dragenter', onDragOver);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('paste', onPaste);
      window.removeEventListener('dragenter', onDragOver);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [importDropped, notify, deskRef, show]);
  return dropping;
}
