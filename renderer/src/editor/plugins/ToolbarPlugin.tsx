import { $isLinkNode } from '@lexical/link';
import { INSERT_HORIZONTAL_RULE_COMMAND } from '@lexical/react/LexicalHorizontalRuleNode';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent, IS_APPLE, mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  COMMAND_PRIORITY_NORMAL,
  CONTROL_OR_META,
  FORMAT_TEXT_COMMAND,
  isExactShortcutMatch,
  KEY_DOWN_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type TextFormatType,
} from 'lexical';
import { useEffect, useState, type MouseEvent, type ReactNode } from 'react';
import type { Photo } from '../../../../shared/model/photo';
import { PhotoPickerDialog } from '../../features/photos/PhotoPickerDialog';
import { Icon, type IconName } from '../../ui/components/Icon';
import { useAppCommand } from '../../ui/app-commands';
import { Toolbar } from '../../ui/components/Toolbar';
import { $getSelectedBlockType, BLOCK_LABELS, setBlockType, type BlockType } from '../blocks';
import { OPEN_LINK_EDITOR_COMMAND } from '../commands';
import { ALT, MOD, SHIFT } from '../../ui/shortcuts';
import { INSERT_PHOTO_COMMAND } from './PhotoPlugin';
import { INSERT_TABLE_COMMAND } from '@lexical/table';

interface ToolbarState {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strikethrough: boolean;
  link: boolean;
  block: BlockType | null;
}

const EMPTY: ToolbarState = { bold: false, italic: false, underline: false, strikethrough: false, link: false, block: 'paragraph' };

function $readToolbarState(): ToolbarState {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return { ...EMPTY, block: null };
  const inLink = [selection.anchor.getNode(), selection.focus.getNode()].some((node) => $findMatchingParent(node, $isLinkNode) !== null);
  return {
    bold: selection.hasFormat('bold'),
    italic: selection.hasFormat('italic'),
    underline: selection.hasFormat('underline'),
    strikethrough: selection.hasFormat('strikethrough'),
    link: inLink,
    block: $getSelectedBlockType(),
  };
}

const same = (a: ToolbarState, b: ToolbarState) =>
  (Object.keys(a) as (keyof ToolbarState)[]).every((key) => a[key] === b[key]);


// Keep the caret in the text when a button is clicked with the mouse; keyboard use is unaffected.
const keepFocus = (event: MouseEvent) => event.preventDefault();

function ToolButton(props: {
  label: string;
  shortcut?: string;
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="nd-tool"
      aria-label={props.label}
      aria-pressed={props.pressed}
      aria-keyshortcuts={props.shortcut}
      title={props.shortcut ? `${props.label} (${props.shortcut})` : props.label}
      disabled={props.disabled}
      onMouseDown={keepFocus}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}

const TEXT_FORMATS: [TextFormatType, string, string, string | undefined][] = [
  ['bold', 'Bold', 'B', `${MOD}B`],
  ['italic', 'Italic', 'I', `${MOD}I`],
  ['underline', 'Underline', 'U', `${MOD}U`],
  ['strikethrough', 'Strikethrough', 'S', `${MOD}Shift+X`],
];

const BLOCKS: [BlockType, ReactNode, string | undefined][] = [
  ['paragraph', '¶', `${MOD}${ALT}0`],
  ['h2', 'H2', `${MOD}${ALT}2`],
  ['h3', 'H3', `${MOD}${ALT}3`],
];

const BLOCK_ICONS: [BlockType, IconName][] = [
  ['bullet', 'bullet'],
  ['number', 'number'],
  ['quote', 'quote'],
  ['pullquote', 'pullquote'],
];

/** A picture frame with a mountain, drawn like the other toolbar icons (20×20, currentColor). */
function PhotoGlyph() {
  return (
    <svg className="nd-icon" width={18} height={18} viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth={1.6} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M3 4.5h14v11H3zM3 13l4-4 3.5 3.5L13 10l4 4M12.5 7.5h.01" />
    </svg>
  );
}

const MOD_SHIFT = { ...CONTROL_OR_META, shiftKey: true };

/** The formatting toolbar: every button has a label, a pressed state where it toggles, a tooltip. */
export function ToolbarPlugin() {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<ToolbarState>(EMPTY);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const [picking, setPicking] = useState(false);

  const insertPhoto = (photo: Photo) => {
    setPicking(false);
    editor.dispatchCommand(INSERT_PHOTO_COMMAND, photo);
    editor.focus();
  };

  useAppCommand('photo:insert', () => setPicking(true));

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          const next = editorState.read($readToolbarState);
          // Only re-render when something shown changed: this runs on every keystroke.
          setState((prev) => (same(prev, next) ? prev : next));
        }),
        editor.registerCommand(CAN_UNDO_COMMAND, (value) => (setCanUndo(value), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (value) => (setCanRedo(value), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            if (!isExactShortcutMatch(event, 'p', MOD_SHIFT)) return false;
            event.preventDefault();
            setPicking(true);
            return true;
          },
          COMMAND_PRIORITY_NORMAL,
        ),
      ),
    [editor],
  );

  return (
    <>
      <Toolbar label="Formatting" className="nd-toolbar">
        <div className="nd-toolbar__group">
          <ToolButton label="Undo" shortcut={`${MOD}Z`} disabled={!canUndo} onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}>
            <Icon name="undo" />
          </ToolButton>
          <ToolButton label="Redo" shortcut={IS_APPLE ? '⌘Shift+Z' : 'Ctrl+Y'} disabled={!canRedo} onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}>
            <Icon name="redo" />
          </ToolButton>
        </div>
        <div className="nd-toolbar__group">
          {BLOCKS.map(([type, glyph, shortcut]) => (
            <ToolButton key={type} label={BLOCK_LABELS[type]} shortcut={shortcut} pressed={state.block === type} onClick={() => setBlockType(editor, type)}>
              <span className="nd-tool__glyph">{glyph}</span>
            </ToolButton>
          ))}
        </div>
        <div className="nd-toolbar__group">
          {TEXT_FORMATS.map(([format, label, glyph, shortcut]) => (
            <ToolButton key={format} label={label} shortcut={shortcut} pressed={state[format as keyof ToolbarState] === true} onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, format)}>
              <span className={`nd-tool__glyph nd-tool__glyph--${format}`}>{glyph}</span>
            </ToolButton>
          ))}
          <ToolButton label="Link" shortcut={`${MOD}K`} pressed={state.link} onClick={() => editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined)}>
            <Icon name="link" />
          </ToolButton>
        </div>
        <div className="nd-toolbar__group">
          {BLOCK_ICONS.map(([type, icon]) => (
            <ToolButton key={type} label={BLOCK_LABELS[type]} pressed={state.block === type} onClick={() => setBlockType(editor, type)}>
              <Icon name={icon} />
            </ToolButton>
          ))}
          <ToolButton label="Horizontal rule" onClick={() => editor.dispatchCommand(INSERT_HORIZONTAL_RULE_COMMAND, undefined)}>
            <Icon name="hr" />
          </ToolButton>
          <ToolButton label="Insert photo" shortcut={`${MOD}${SHIFT}P`} onClick={() => setPicking(true)}>
            <PhotoGlyph />
          </ToolButton>
          <ToolButton label="Insert table" onClick={() => editor.dispatchCommand(INSERT_TABLE_COMMAND, { rows: '3', columns: '3', includeHeaders: { rows: true, columns: false } })}>
            <span className="nd-tool__glyph">▦</span>
          </ToolButton>
        </div>
      </Toolbar>
      {/* Outside the toolbar, whose arrow keys and tab stops would otherwise reach the dialog's buttons. */}
      <PhotoPickerDialog
        open={picking}
        title="Insert photo"
        onPick={insertPhoto}
        onClose={() => {
          setPicking(false);
          editor.focus();
        }}
      />
    </>
  );
}
