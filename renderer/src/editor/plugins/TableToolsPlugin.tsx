import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $deleteTableColumnAtSelection,
  $deleteTableRowAtSelection,
  $findTableNode,
  $getTableCellNodeFromLexicalNode,
  $insertTableColumnAtSelection,
  $insertTableRowAtSelection,
  $isTableCellNode,
  $isTableRowNode,
  $isTableSelection,
  type TableCellNode,
  TableCellHeaderStates,
  type TableNode,
} from '@lexical/table';
import { $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical';
import { useEffect, useState } from 'react';

function $firstRowCells(table: TableNode): TableCellNode[] {
  const firstRow = table.getFirstChild();
  return $isTableRowNode(firstRow) ? firstRow.getChildren().filter($isTableCellNode) : [];
}

/** The table the selection is in, or null. Run inside a read or update. */
function $selectedTable(): { table: TableNode; headerRow: boolean } | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) && !$isTableSelection(selection)) return null;
  const anchor = selection.anchor.getNode();
  const cell = $getTableCellNodeFromLexicalNode(anchor);
  if (cell === null) return null;
  const table = $findTableNode(cell);
  if (table === null) return null;
  const cells = $firstRowCells(table);
  const headerRow = cells.length > 0 && cells.every((child) => child.hasHeaderState(TableCellHeaderStates.ROW));
  return { table, headerRow };
}

function run(editor: LexicalEditor, action: () => void): void {
  editor.update(action);
  editor.focus();
}

/**
 * The table tools, shown while the caret is in a table: rows and columns added on either side or
 * removed, the first row as a header row (printed as `<th>`), the table removed. Lexical's own
 * table plugin does the work; this is only its buttons.
 */
export function TableToolsPlugin() {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<{ headerRow: boolean } | null>(null);

  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        const next = editorState.read(() => {
          const found = $selectedTable();
          return found === null ? null : { headerRow: found.headerRow };
        });
        setState((shown) => (shown?.headerRow === next?.headerRow && (shown === null) === (next === null) ? shown : next));
      }),
    [editor],
  );

  if (state === null) return null;

  const toggleHeader = () =>
    run(editor, () => {
      const found = $selectedTable();
      if (found === null) return;
      for (const cell of $firstRowCells(found.table)) {
        cell.setHeaderStyles(found.headerRow ? TableCellHeaderStates.NO_STATUS : TableCellHeaderStates.ROW, TableCellHeaderStates.ROW);
      }
    });
  const removeTable = () =>
    run(editor, () => {
      $selectedTable()?.table.remove();
    });

  const button = (label: string, action: () => void, pressed?: boolean) => (
    <button type="button" className="nd-table-tools__button" aria-pressed={pressed} onMouseDown={(event) => event.preventDefault()} onClick={action}>
      {label}
    </button>
  );

  return (
    <div className="nd-table-tools" role="toolbar" aria-label="Table" data-testid="table-tools">
      <span className="nd-table-tools__title">Table</span>
      {button('Row above', () => run(editor, () => void $insertTableRowAtSelection(false)))}
      {button('Row below', () => run(editor, () => void $insertTableRowAtSelection(true)))}
      {button('Column left', () => run(editor, () => void $insertTableColumnAtSelection(false)))}
      {button('Column right', () => run(editor, () => void $insertTableColumnAtSelection(true)))}
      {button('Delete row', () => run(editor, $deleteTableRowAtSelection))}
      {button('Delete column', () => run(editor, $deleteTableColumnAtSelection))}
      {button('Header row', toggleHeader, state.headerRow)}
      {button('Delete table', removeTable)}
    </div>
  );
}

