/**
 * Selection in the photo grid, the way file managers do it: a click selects one, Ctrl/Cmd+click
 * toggles one, Shift+click selects the range from the anchor (the last photo clicked without
 * Shift); arrow keys move, with Shift they extend the range.
 */
export interface GridSelection {
  selected: Set<string>;
  /** Where a Shift range starts. */
  anchor: string | null;
  /** The photo that has the keyboard focus. */
  active: string | null;
}

export interface PointerModifiers {
  toggle: boolean;
  range: boolean;
}

function range(ids: readonly string[], from: string | null, to: string): string[] {
  const end = ids.indexOf(to);
  const start = from === null ? -1 : ids.indexOf(from);
  if (start < 0) return [to];
  return ids.slice(Math.min(start, end), Math.max(start, end) + 1);
}

/** The selection after a click (or Space) on `id`. */
export function selectWithPointer(state: GridSelection, ids: readonly string[], id: string, modifiers: PointerModifiers, multiple: boolean): GridSelection {
  if (!multiple) return { selected: new Set([id]), anchor: id, active: id };
  if (modifiers.range) {
    const picked = range(ids, state.anchor, id);
    const selected = modifiers.toggle ? new Set([...state.selected, ...picked]) : new Set(picked);
    return { selected, anchor: state.anchor ?? id, active: id };
  }
  if (modifiers.toggle) {
    const selected = new Set(state.selected);
    if (selected.has(id)) selected.delete(id);
    else selected.add(id);
    return { selected, anchor: id, active: id };
  }
  return { selected: new Set([id]), anchor: id, active: id };
}

/** Where an arrow, Home or End key moves the focus in a grid of `columns` columns; null for other keys. */
export function moveTarget(ids: readonly string[], active: string | null, key: string, columns: number): string | null {
  if (ids.length === 0) return null;
  const index = active === null ? -1 : ids.indexOf(active);
  const last = ids.length - 1;
  let next: number;
  switch (key) {
    case 'ArrowRight':
      next = index + 1;
      break;
    case 'ArrowLeft':
      next = index - 1;
      break;
    case 'ArrowDown':
      next = index < 0 ? 0 : index + columns;
      break;
    case 'ArrowUp':
      next = index - columns;
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = last;
      break;
    default:
      return null;
  }
  // Moving past either end stays on the photo at that end (a row below may be shorter).
  return ids[Math.max(0, Math.min(last, next))] ?? null;
}

/** The selection after the keyboard moved the focus to `id` (Shift extends, Ctrl/Cmd only moves). */
export function selectWithKeyboard(state: GridSelection, ids: readonly string[], id: string, modifiers: PointerModifiers, multiple: boolean): GridSelection {
  if (multiple && modifiers.toggle && !modifiers.range) return { ...state, active: id };
  if (multiple && modifiers.range) return { selected: new Set(range(ids, state.anchor ?? state.active, id)), anchor: state.anchor ?? state.active ?? id, active: id };
  return { selected: new Set([id]), anchor: id, active: id };
}
