import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_CRITICAL, PASTE_COMMAND } from 'lexical';
import { useEffect, useState } from 'react';
import { sortPastedImages } from './pasted-images';

/**
 * Pictures in pasted content that the photo library could not take (an address on the web, which
 * the desk does not fetch, or embedded data that is not a picture): rather than drop them
 * silently, the editor lists which were left out, so they can be added through the library.
 * The others are imported and inserted by PhotoPlugin.
 */
export function PastedImagesNotice() {
  const [editor] = useLexicalComposerContext();
  const [leftOut, setLeftOut] = useState<string[]>([]);

  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = 'clipboardData' in event ? event.clipboardData : null;
          if (data) setLeftOut(sortPastedImages(data).leftOut);
          return false; // only looks; the paste itself goes on as before
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
    [editor],
  );

  if (leftOut.length === 0) return null;
  return (
    <div className="nd-paste-notice" role="status" data-testid="pasted-images-notice">
      <p>
        {leftOut.length === 1 ? '1 pasted image was left out' : `${leftOut.length} pasted images were left out`}: add pictures through the photo library
        (Insert photo), so they carry a credit.
      </p>
      <ul>
        {leftOut.slice(0, 10).map((name, index) => (
          <li key={index}>{name}</li>
        ))}
        {leftOut.length > 10 && <li>and {leftOut.length - 10} more</li>}
      </ul>
      <button type="button" className="nd-find__button" onClick={() => setLeftOut([])}>
        Dismiss
      </button>
    </div>
  );
}
