import type { KeyboardEvent } from 'react';
import { FEED_KINDS, FEED_KIND_LABELS, type FeedKind } from '../../../../shared/model/feed';
import { ALT } from '../../ui/shortcuts';
import type { FeedRow, RowErrors } from './feed-settings-draft';

interface FeedSettingsRowProps {
  row: FeedRow;
  errors: RowErrors | undefined;
  /** 1-based place among the board's columns; null for archived feeds. */
  position: number | null;
  isFirst: boolean;
  isLast: boolean;
  /** The last feed on the board cannot be archived: the board would have no column left. */
  canArchive: boolean;
  onChange(row: FeedRow): void;
  onRename(name: string): void;
  onMove(direction: -1 | 1): void;
  onArchive(archive: boolean): void;
  /** Drops a feed added in this dialog and not saved yet (saved feeds are archived, never deleted). */
  onRemove(): void;
}

/** The name a row goes by for assistive technology and tests: its name, or that it is new. */
export function rowName(row: FeedRow): string {
  return row.name.trim() || 'New feed';
}

/**
 * One feed in the settings list: name, label, kind and page size edited in place; Move up / Move
 * down (or Alt+↑/↓ anywhere in the row) and Archive. Archived feeds show only their name and Restore.
 */
export function FeedSettingsRow({ row, errors, position, isFirst, isLast, canArchive, onChange, onRename, onMove, onArchive, onRemove }: FeedSettingsRowProps) {
  const name = rowName(row);
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (!event.altKey || event.ctrlKey || event.metaKey || row.archived) return;
    if (event.key === 'ArrowUp' && !isFirst) {
      event.preventDefault();
      onMove(-1);
    } else if (event.key === 'ArrowDown' && !isLast) {
      event.preventDefault();
      onMove(1);
    }
  };
  const errorText = errors ? Object.values(errors).join(' ') : '';

  if (row.archived) {
    return (
      <li className="nd-feed-row nd-feed-row--archived" role="group" aria-label={name} data-testid="feed-settings-row" data-row-key={row.key}>
        <span className="nd-feed-row__archived-name">{name}</span>
        <span className="nd-feed-row__archived-kind">{FEED_KIND_LABELS[row.kind]}</span>
        <button type="button" className="nd-button nd-button--small" data-field="restore" onClick={() => onArchive(false)}>
          Restore
        </button>
      </li>
    );
  }

  return (
    <li className="nd-feed-row" role="group" aria-label={name} data-testid="feed-settings-row" data-row-key={row.key} onKeyDown={onKeyDown}>
      <span className="nd-feed-row__position" aria-hidden="true">
        {position}
      </span>
      <input
        className="nd-input"
        type="text"
        aria-label="Name"
        data-field="name"
        maxLength={100}
        placeholder="e.g. Sport"
        value={row.name}
        aria-invalid={errors?.name !== undefined}
        onChange={(event) => onRename(event.target.value)}
      />
      <input
        className="nd-input"
        type="text"
        aria-label="Label"
        title="What readers see above each item of the feed"
        data-field="label"
        maxLength={100}
        value={row.label}
        aria-invalid={errors?.label !== undefined}
        onChange={(event) => onChange({ ...row, label: event.target.value })}
      />
      <select className="nd-input" aria-label="Kind" data-field="kind" value={row.kind} onChange={(event) => onChange({ ...row, kind: event.target.value as FeedKind })}>
        {FEED_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {FEED_KIND_LABELS[kind]}
          </option>
        ))}
      </select>
      <input
        className="nd-input nd-feed-row__page-size"
        type="number"
        min={1}
        max={100}
        step={1}
        aria-label="Page size"
        title="Items readers see before “Show More”"
        data-field="pageSize"
        value={row.pageSize}
        aria-invalid={errors?.pageSize !== undefined}
        onChange={(event) => onChange({ ...row, pageSize: event.target.value })}
      />
      <span className="nd-feed-row__tools">
        <button type="button" className="nd-icon-button" aria-label="Move up" title={`Move up (${ALT}↑)`} data-field="up" disabled={isFirst} onClick={() => onMove(-1)}>
          ↑
        </button>
        <button type="button" className="nd-icon-button" aria-label="Move down" title={`Move down (${ALT}↓)`} data-field="down" disabled={isLast} onClick={() => onMove(1)}>
          ↓
        </button>
        {row.id === null ? (
          <button type="button" className="nd-button nd-button--small nd-button--ghost" data-field="remove" title="Not saved yet: drop this new feed" onClick={onRemove}>
            Remove
          </button>
        ) : (
          <button
            type="button"
            className="nd-button nd-button--small nd-button--ghost"
            data-field="archive"
            disabled={!canArchive}
            title={canArchive ? 'Take the feed off the board; its items stay placed and come back with it' : 'The board needs at least one feed'}
            onClick={() => onArchive(true)}
          >
            Archive
          </button>
        )}
      </span>
      {errorText && (
        <p className="nd-field-error nd-feed-row__error" role="alert">
          {errorText}
        </p>
      )}
    </li>
  );
}
