import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { DRAG_DROP_PASTE } from '@lexical/rich-text';
import { mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getNodeByKey,
  $getPreviousSelection,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isNodeSelection,
  $isParagraphNode,
  $isRangeSelection,
  $isRootNode,
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_HIGH,
  createCommand,
  DRAGOVER_COMMAND,
  DROP_COMMAND,
  KEY_BACKSPACE_COMMAND,
  KEY_DELETE_COMMAND,
  PASTE_COMMAND,
  type BaseSelection,
  type LexicalCommand,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { useEffect, useRef } from 'react';
import type { Photo } from '../../../../shared/model/photo';
import type { ImageNodeJson } from '../../../../shared/model/photo-use';
import type { CreditStyle } from '../../../../shared/model/settings';
import { newPhotoUse, pastedPhotoUse } from '../../../../shared/rules/photo-use';
import { call, messageOf } from '../../api/newsdesk';
import { useArticlePhotos } from '../photos/ArticlePhotosContext';
import { failureSummary } from '../photos/tracked-imports';
import { carriesFiles, filesFromDataTransfer } from '../../api/import-files';
import { useNotify } from '../../ui/components/Toasts';
import { $createPhotoNode, $isPhotoNode, PhotoNode } from '../nodes/PhotoNode';
import { $placeInSlot, slotsOfPaste } from '../paste/picture-slots';
import { INSERT_PASTED_PHOTOS_COMMAND, PASTED_IMAGES_COMMAND } from './pasted-image-commands';
import { sortPastedImages, type PastedPicture } from './pasted-images';

/** Lexical's own clipboard format (a copy from a Newsdesk editor). */
const LEXICAL_CLIPBOARD_TYPE = 'application/x-lexical-editor';

/** Inserts a library photo at the caret as a new use (caption from its description, credit in house style). */
export const INSERT_PHOTO_COMMAND: LexicalCommand<Photo> = createCommand('INSERT_PHOTO_COMMAND');

/**
 * Photo nodes sit at the top level of the body ($insertPhotos puts them between blocks), so the
 * body's photos are the root's photo children, in order.
 */
function $bodyPhotoJson(): ImageNodeJson[] {
  return $getRoot()
    .getChildren()
    .filter($isPhotoNode)
    .map((node) => node.exportJSON());
}

/** A selection saved before an import, if its points still exist after the wait. */
function $stillValid(selection: BaseSelection | null): BaseSelection | null {
  if (!$isRangeSelection(selection)) return null;
  const ok = [selection.anchor, selection.focus].every((point) => {
    const node = $getNodeByKey(point.key);
    if (node === null || !node.isAttached()) return false;
    const size = point.type === 'text' ? node.getTextContentSize() : $isElementNode(node) ? node.getChildrenSize() : 0;
    return point.offset <= size;
  });
  return ok ? selection : null;
}

/** The top-level block the caret is in, and whether the caret is at its very start. */
function $caretBlock(selection: BaseSelection | null): { block: LexicalNode; atStart: boolean } | null {
  if ($isNodeSelection(selection)) {
    const last = selection.getNodes().at(-1);
    const block = last?.getTopLevelElement() ?? null;
    return block ? { block, atStart: false } : null;
  }
  if (!$isRangeSelection(selection)) return null;
  const { focus } = selection;
  const node = focus.getNode();
  if ($isRootNode(node)) {
    // Between two top-level blocks (a drop next to a photo lands here): before the one after.
    const after = node.getChildAtIndex(focus.offset);
    if (after) return { block: after, atStart: true };
    const last = node.getLastChild();
    return last ? { block: last, atStart: false } : null;
  }
  const block = node.getTopLevelElement();
  if (!block) return null;
  const first = $isElementNode(block) ? block.getFirstDescendant() : null;
  const atStart = selection.isCollapsed() && focus.offset === 0 && (node.is(block) || (first !== null && node.is(first)));
  return { block, atStart };
}

/**
 * Photos go between blocks, never into the middle of a sentence (a drop lands wherever the pointer
 * was, often mid-word): before the caret's block when the caret is at its start or the block is an
 * empty paragraph, after it otherwise. The caret ends up in the block after the photos, ready to type.
 * Pictures from a paste go where they stood in the pasted text instead (see picture-slots.ts).
 */
function $insertPhotos(photos: readonly Photo[], style: CreditStyle, at: BaseSelection | null, pasted: readonly (PastedPicture | undefined)[] = []): void {
  if (photos.length === 0) return;
  const selection = at === null ? $getSelection() ?? $getPreviousSelection() : $stillValid(at);
  const nodes = photos.map((photo, index) => {
    const said = pasted[index];
    return $createPhotoNode({ ...(said ? pastedPhotoUse(photo, style, said) : newPhotoUse(photo, style)), width: 'regular' });
  });
  // Pasted pictures go where they stood in the pasted text, while that text is still there.
  const placed = new Set(nodes.filter((node, index) => $placeInSlot(node, pasted[index]?.slot)));
  const rest = nodes.filter((node) => !placed.has(node));
  if (rest.length > 0) $insertAtCaret(rest, selection);
}

function $insertAtCaret(nodes: readonly PhotoNode[], selection: BaseSelection | null): void {
  const caret = $caretBlock(selection);
  const root = $getRoot();
  if (caret === null) root.append(...nodes);
  else {
    const { block, atStart } = caret;
    const empty = $isParagraphNode(block) && block.isEmpty();
    if (atStart || empty) nodes.forEach((node) => block.insertBefore(node));
    else {
      let previous: LexicalNode = block;
      for (const node of nodes) previous = previous.insertAfter(node);
    }
  }
  const next = nodes[nodes.length - 1]!.getNextSibling();
  if ($isElementNode(next)) next.selectStart();
  else nodes[nodes.length - 1]!.insertAfter($createParagraphNode()).selectStart();
}

/** True for keys typed into a photo's own fields (credit, alt text), which are not the document's. */
function isFieldEvent(event: KeyboardEvent | null): boolean {
  const target = event?.target;
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}


/**
 * Photos in the body: INSERT_PHOTO_COMMAND (toolbar, picker), image files dropped or pasted into
 * the text and pictures in pasted HTML as files or data: URLs (imported into the library, then inserted where they were dropped, progress in the status
 * bar, failures in a message), and the body's photo list kept current for the rest of the article.
 */
export function PhotoPlugin(): null {
  const [editor] = useLexicalComposerContext();
  const photos = useArticlePhotos();
  const notify = useNotify();
  const latest = useRef({ photos, notify });
  latest.current = { photos, notify };

  useEffect(() => {
    const { setBodyPhotos } = latest.current.photos;
    // The files of the drop under way, read while the DataTransfer is still readable (folders marked).
    let dropped: File[] | null = null;
    // Set when this editor goes away (another article opened) while an import into it runs.
    let closed = false;

    // `pasted` (by file) is what a pasted page said about each picture: alt text, caption.
    const importAndInsert = async (target: LexicalEditor, files: File[], at: BaseSelection | null, pasted: readonly PastedPicture[] = []) => {
      const { photos: context, notify: say } = latest.current;
      try {
        const job = await context.importFiles(files);
        const failures = failureSummary(job);
        if (failures) say(failures, { tone: 'error' });
        // Items are in the order of the files; each photo takes its own file's pasted words.
        const arrived = job.items.flatMap((item, index) =>
          (item.state === 'imported' || item.state === 'duplicate') && item.photoId ? [{ id: item.photoId, said: pasted[index] }] : [],
        );
        if (arrived.length === 0) return;
        const found = await call('media:getMany', { ids: arrived.map((item) => item.id) });
        if (!found.ok) return say(`The imported photos could not be placed in the text: ${found.error.message}`, { tone: 'error' });
        if (closed) {
          const one = found.value.length === 1;
          return say(
            `${one ? 'The photo was' : `${found.value.length} photos were`} added to the library, but the article ${one ? 'it was' : 'they were'} dropped into was closed before ${one ? 'it' : 'they'} arrived. Insert ${one ? 'it' : 'them'} from the library.`,
          );
        }
        latest.current.photos.remember(found.value);
        const style = latest.current.photos.creditStyle;
        const byId = new Map(found.value.map((photo) => [photo.id, photo]));
        const placed = arrived.flatMap((item) => {
          const photo = byId.get(item.id);
          return photo ? [{ photo, said: item.said }] : [];
        });
        target.update(() => $insertPhotos(placed.map((item) => item.photo), style, at, placed.map((item) => item.said)));
        if (job.cancelled) say(`Import cancelled. ${found.value.length === 1 ? 'One photo was' : `${found.value.length} photos were`} added before it stopped.`);
      } catch (error) {
        say(`The photos could not be imported: ${messageOf(error)}`, { tone: 'error' });
      }
    };

    return mergeRegister(
      editor.registerCommand(
        INSERT_PHOTO_COMMAND,
        (photo) => {
          latest.current.photos.remember([photo]);
          $insertPhotos([photo], latest.current.photos.creditStyle, null);
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
      editor.registerCommand(
        INSERT_PASTED_PHOTOS_COMMAND,
        (items) => {
          latest.current.photos.remember(items.map((item) => item.photo));
          $insertPhotos(items.map((item) => item.photo), latest.current.photos.creditStyle, null, items.map((item) => item.pasted));
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
      // Accepting a file drag here also tells the window's drop target (the library import) to stand back.
      editor.registerCommand(
        DRAGOVER_COMMAND,
        (event) => {
          if (!carriesFiles(event.dataTransfer)) return false;
          event.preventDefault();
          if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(
        DROP_COMMAND,
        (event) => {
          dropped = carriesFiles(event.dataTransfer) ? filesFromDataTransfer(event.dataTransfer).files : null;
          return false; // rich text sets the caret at the drop point, then sends DRAG_DROP_PASTE
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = 'clipboardData' in event ? event.clipboardData : null;
          // Copied from a Newsdesk editor: its photos are the desk's own photo nodes, which Lexical pastes whole.
          if (!data || data.types.includes(LEXICAL_CLIPBOARD_TYPE)) return false;
          const { files, remote, leftOut, withText, slots } = sortPastedImages(data);
          slotsOfPaste.set(event, slots); // PastePlugin, next, notes where each picture stood
          // Web pictures are downloaded by main, and what was left out is listed (PastedImagesNotice).
          editor.dispatchCommand(PASTED_IMAGES_COMMAND, { remote, leftOut });
          if (files.length === 0) return false;
          const importable = files.map((item) => item.file);
          if (!withText) {
            // A copied picture or screenshot: browsers put an <img> fallback in text/html, but no plain text.
            event.preventDefault();
            const selection = $getSelection();
            void importAndInsert(editor, importable, selection ? selection.clone() : null, files);
            return true;
          }
          // Text with pictures (Word, Docs, a web page): the text pastes as usual, and the pictures
          // follow it, imported into the library with their metadata, once the paste is in.
          setTimeout(() => void importAndInsert(editor, importable, null, files), 0);
          return false;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        DRAG_DROP_PASTE,
        (files) => {
          const list = dropped && dropped.length > 0 ? dropped : files;
          dropped = null;
          if (list.length === 0) return false;
          const selection = $getSelection();
          void importAndInsert(editor, list, selection ? selection.clone() : null);
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
      // Backspace in a photo's credit or alt text field edits the field, never the document, even
      // while the photo itself is selected.
      editor.registerCommand(KEY_BACKSPACE_COMMAND, isFieldEvent, COMMAND_PRIORITY_CRITICAL),
      editor.registerCommand(KEY_DELETE_COMMAND, isFieldEvent, COMMAND_PRIORITY_CRITICAL),
      editor.registerMutationListener(PhotoNode, () => setBodyPhotos(editor.getEditorState().read($bodyPhotoJson))),
      () => {
        closed = true;
        setBodyPhotos([]);
      },
    );
  }, [editor]);

  return null;
}
