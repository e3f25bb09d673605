import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_CRITICAL, PASTE_COMMAND } from 'lexical';
import { useEffect, useState } from 'react';

/** What a pasted image was, as the editor can name it: its address, or "an image file". */
function describeImages(data: DataTransfer): string[] {
  const names: string[] = [];
  const html = data.getData('text/html');
  if (html) {
    // Inert parse: nothing loads, nothing runs.
    const doc = new DOMParser().parseFromString(html, 'text/html');
    for (const image of Array.from(doc.images)) {
      const src = image.getAttribute('src') ?? '';
      names.push(src.startsWith('data:') ? 'an embedded image' : src.slice(0, 200) || 'an image without an address');
    }
  }
  for (const file of Array.from(data.files)) if (file.type.startsWith('image/')) names.push(file.name || 'an image file');
  return names;
}

/**
 * Images in pasted content (Word, Docs, a web page) are not put into the text: the photo library
 * is where pictures come from, with their credit and rights. Rather than drop them silently, the
 * editor lists which were left out, so they can be added through the library.
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
          if (data) setLeftOut(describeImages(data));
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
