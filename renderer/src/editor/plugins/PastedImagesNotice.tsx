import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_EDITOR } from 'lexical';
import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import { LibraryChangesContext } from '../../api/library-changes';
import { INSERT_PASTED_PHOTOS_COMMAND, PASTED_IMAGES_COMMAND } from './pasted-image-commands';
import type { LeftOutImage, PastedAddress } from './pasted-images';
import { fetchPastedImages } from './pasted-web-images';

/**
 * Pictures in pasted content that are on the web: main downloads them into the photo library and
 * they are inserted as photos (PhotoPlugin inserts them). Those that could not be brought in (offline,
 * refused, not a picture, embedded data that is not a picture) are listed rather than dropped
 * silently, with "Try again" for the downloads that may work later.
 */
export function PastedImagesNotice() {
  const [editor] = useLexicalComposerContext();
  const { photosArrived } = useContext(LibraryChangesContext);
  const [leftOut, setLeftOut] = useState<LeftOutImage[]>([]);
  const [fetching, setFetching] = useState(0);
  const mounted = useRef(true);

  const download = useCallback(
    async (addresses: PastedAddress[]) => {
      setFetching((count) => count + addresses.length);
      const outcomes = await fetchPastedImages(addresses);
      if (!mounted.current) return; // another article opened meanwhile: the photos stay in the library
      setFetching((count) => count - addresses.length);
      const arrived = outcomes.flatMap((outcome) => (outcome.ok ? [{ photo: outcome.photo, pasted: outcome.pasted }] : []));
      if (arrived.length > 0) {
        editor.dispatchCommand(INSERT_PASTED_PHOTOS_COMMAND, arrived);
        photosArrived();
      }
      const failed = outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.leftOut]));
      if (failed.length > 0) setLeftOut((list) => [...list, ...failed]);
    },
    [editor, photosArrived],
  );

  useEffect(() => {
    mounted.current = true;
    const unregister = editor.registerCommand(
      PASTED_IMAGES_COMMAND,
      ({ remote, leftOut: notTaken }) => {
        // Each paste starts a new list; downloads still running from an earlier one add to it.
        setLeftOut(notTaken);
        if (remote.length > 0) void download(remote);
        return false;
      },
      COMMAND_PRIORITY_EDITOR,
    );
    return () => {
      mounted.current = false;
      unregister();
    };
  }, [editor, download]);

  const retryable = leftOut.flatMap((item) => (item.retry ? [item.retry] : []));
  const tryAgain = () => {
    setLeftOut((list) => list.filter((item) => !item.retry));
    void download(retryable);
  };

  if (leftOut.length === 0 && fetching === 0) return null;
  return (
    <div className="nd-paste-notice" role="status" data-testid="pasted-images-notice">
      {fetching > 0 && <p>{fetching === 1 ? 'Fetching 1 pasted picture from the web…' : `Fetching ${fetching} pasted pictures from the web…`}</p>}
      {leftOut.length > 0 && (
        <>
          <p>
            {leftOut.length === 1 ? '1 pasted image was left out' : `${leftOut.length} pasted images were left out`}: add pictures through the
            photo library (Insert photo), so they carry a credit.
          </p>
          <ul>
            {leftOut.slice(0, 10).map((item, index) => (
              <li key={index}>
                {item.name ? `${item.name}: ${item.reason}` : item.reason}
                {item.caption ? ` (caption: “${item.caption}”)` : ''}
              </li>
            ))}
            {leftOut.length > 10 && <li>and {leftOut.length - 10} more</li>}
          </ul>
          {retryable.length > 0 && (
            <button type="button" className="nd-find__button" onClick={tryAgain}>
              Try again
            </button>
          )}{' '}
          <button type="button" className="nd-find__button" onClick={() => setLeftOut([])}>
            Dismiss
          </button>
        </>
      )}
    </div>
  );
}
