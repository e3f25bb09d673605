import { IS_APPLE } from '@lexical/utils';
import { CONTROL_OR_META, isExactShortcutMatch } from 'lexical';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import type { Photo } from '../../../../shared/model/photo';
import type { CreditStyle } from '../../../../shared/model/settings';
import { moveTarget, selectWithKeyboard, selectWithPointer, type GridSelection } from './grid-selection';
import { houseCredit } from '../../../../shared/rules/photo-use';
import { restrictionsOf } from './photo-display';
import { PhotoTile } from './PhotoTile';

interface PhotoGridProps {
  photos: readonly Photo[];
  selected: ReadonlySet<string>;
  onSelectionChange(selected: Set<string>): void;
  /** Enter or a double-click on a photo. */
  onActivate?(photo: Photo): void;
  /** Several photos may be selected (the library); one only (the picker) otherwise. */
  multiple?: boolean;
  creditStyle: CreditStyle;
  label: string;
  gridRef?: RefObject<HTMLDivElement | null>;
}

/** How many columns the CSS grid laid out, so Up and Down move by a row. */
function columnsOf(element: HTMLElement | null): number {
  if (!element) return 1;
  const template = getComputedStyle(element).gridTemplateColumns;
  return Math.max(1, template.split(' ').filter(Boolean).length);
}

/**
 * A keyboard- and pointer-driven thumbnail grid (an ARIA listbox). The list keeps the focus and
 * points at the active photo with aria-activedescendant, so screen readers announce each photo
 * while Tab still leaves the grid in one step.
 */
export function PhotoGrid({ photos, selected, onSelectionChange, onActivate, multiple = false, creditStyle, label, gridRef }: PhotoGridProps) {
  const ownRef = useRef<HTMLDivElement>(null);
  const ref = gridRef ?? ownRef;
  const idPrefix = useId();
  const ids = useMemo(() => photos.map((photo) => photo.id), [photos]);
  const [cursor, setCursor] = useState<{ anchor: string | null; active: string | null }>({ anchor: null, active: null });
  const active = cursor.active !== null && ids.includes(cursor.active) ? cursor.active : null;
  const domId = (id: string) => `${idPrefix}-${id}`;

  const display = useMemo(
    () => new Map(photos.map((photo) => [photo.id, { credit: houseCredit(photo, creditStyle), restrictions: restrictionsOf(photo) }])),
    [photos, creditStyle],
  );

  useEffect(() => {
    if (active) document.getElementById(`${idPrefix}-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, idPrefix]);

  const apply = (next: GridSelection) => {
    setCursor({ anchor: next.anchor, active: next.active });
    onSelectionChange(next.selected);
  };
  const state = (): GridSelection => ({ selected: new Set(selected), anchor: cursor.anchor, active });

  const onTileClick = (id: string, event: MouseEvent) => {
    const toggle = IS_APPLE ? event.metaKey : event.ctrlKey;
    apply(selectWithPointer(state(), ids, id, { toggle, range: event.shiftKey }, multiple));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const toggle = IS_APPLE ? event.metaKey : event.ctrlKey;
    if (multiple && isExactShortcutMatch(event.nativeEvent, 'a', CONTROL_OR_META)) {
      event.preventDefault();
      onSelectionChange(new Set(ids));
      return;
    }
    if (event.key === 'Enter') {
      const photo = photos.find((p) => p.id === (active ?? [...selected][0]));
      if (photo && onActivate) {
        event.preventDefault();
        onActivate(photo);
      }
      return;
    }
    if (event.key === ' ') {
      if (!active) return;
      event.preventDefault();
      apply(selectWithPointer(state(), ids, active, { toggle: multiple, range: false }, multiple));
      return;
    }
    const target = moveTarget(ids, active ?? [...selected][0] ?? null, event.key, columnsOf(ref.current));
    if (target === null) return;
    event.preventDefault();
    apply(selectWithKeyboard(state(), ids, target, { toggle, range: event.shiftKey }, multiple));
  };

  return (
    <div
      ref={ref}
      className="nd-photo-grid"
      role="listbox"
      aria-label={label}
      aria-multiselectable={multiple || undefined}
      aria-activedescendant={active ? domId(active) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={() => {
        // Coming in with Tab: put the keyboard cursor on the selection, or the first photo.
        if (!active && ids.length > 0) setCursor({ anchor: cursor.anchor, active: ids.find((id) => selected.has(id)) ?? ids[0] ?? null });
      }}
    >
      {photos.map((photo) => {
        const shown = display.get(photo.id);
        return (
          <PhotoTile
            key={photo.id}
            photo={photo}
            credit={shown?.credit ?? ''}
            restrictions={shown?.restrictions ?? []}
            domId={domId(photo.id)}
            selected={selected.has(photo.id)}
            active={photo.id === active}
            onClick={(event) => onTileClick(photo.id, event)}
            onDoubleClick={() => onActivate?.(photo)}
          />
        );
      })}
    </div>
  );
}
