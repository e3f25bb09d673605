import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Feed } from '../../../../shared/model/feed';
import { request, messageOf } from '../../api/newsdesk';
import { ModalDialog } from '../../ui/components/ModalDialog';
import { ALT } from '../../ui/shortcuts';
import { DiscardBar, useCloseGuard } from '../../ui/components/close-guard';
import { archived, feedsOf, moved, newRow, renamed, rowErrors, rowsChanged, rowsOf, type FeedRow } from './feed-settings-draft';
import { FeedSettingsRow, rowName } from './FeedSettingsRow';

interface FeedSettingsDialogProps {
  open: boolean;
  feeds: Feed[];
  onClose(): void;
  onSaved(feeds: Feed[]): void;
}

/**
 * The site's feeds: add, rename (name for the desk, label for readers), kind, page size, order of
 * the board's columns, archive and restore. Feeds are never deleted here: an archived feed leaves
 * the board and keeps its placements. Main has the last word on save (it refuses, for example, a
 * change that would strand placed items) and its answer shows in the dialog.
 */
export function FeedSettingsDialog(props: FeedSettingsDialogProps) {
  // The editor exists only while the dialog shows, so each opening starts from the saved feeds.
  return props.open ? <FeedSettingsEditor {...props} /> : null;
}

/** Where the focus was in a row that moved: React may move the row's element, which drops focus. */
interface FocusSpot {
  key: string;
  field: string;
}

function FeedSettingsEditor({ feeds, onClose, onSaved }: FeedSettingsDialogProps) {
  const [rows, setRows] = useState<FeedRow[]>(() => rowsOf(feeds));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const listRef = useRef<HTMLOListElement>(null);
  const refocus = useRef<FocusSpot | null>(null);
  const errors = useMemo(() => rowErrors(rows), [rows]);
  const dirty = rowsChanged(rows, feeds);
  const guard = useCloseGuard(dirty, onClose);

  const active = rows.filter((row) => !row.archived);
  const archivedRows = rows.filter((row) => row.archived);

  useLayoutEffect(() => {
    const spot = refocus.current;
    if (!spot) return;
    refocus.current = null;
    const dialog = listRef.current?.closest('dialog');
    dialog?.querySelector<HTMLElement>(`[data-row-key="${spot.key}"] [data-field="${spot.field}"]`)?.focus();
  }, [rows]);

  const change = (next: FeedRow[]) => {
    setRows(next);
    setError(null);
  };
  const update = (row: FeedRow) => change(rows.map((r) => (r.key === row.key ? row : r)));

  const keepFocus = (key: string, fallback: string) => {
    const field = (document.activeElement as HTMLElement | null)?.closest('[data-row-key]') ? (document.activeElement as HTMLElement).dataset.field : undefined;
    refocus.current = { key, field: field ?? fallback };
  };

  const move = (row: FeedRow, direction: -1 | 1) => {
    keepFocus(row.key, direction < 0 ? 'up' : 'down');
    const next = moved(rows, row.key, direction);
    const place = next.filter((r) => !r.archived).findIndex((r) => r.key === row.key) + 1;
    change(next);
    setAnnouncement(`${rowName(row)} moved to place ${place} of ${active.length}.`);
  };

  const archive = (row: FeedRow, archive: boolean) => {
    // The row changes list; the focus goes to the same feed's button in its new place.
    refocus.current = { key: row.key, field: archive ? 'restore' : 'archive' };
    change(archived(rows, row.key, archive));
    setAnnouncement(archive ? `${rowName(row)} archived. Its items stay placed; restore it to show it again.` : `${rowName(row)} restored.`);
  };

  const remove = (row: FeedRow, index: number) => {
    const neighbour = active[index + 1] ?? active[index - 1];
    if (neighbour) refocus.current = { key: neighbour.key, field: 'name' };
    change(rows.filter((r) => r.key !== row.key));
  };

  const add = () => {
    const row = newRow();
    refocus.current = { key: row.key, field: 'name' };
    change([...rows, row]);
  };

  const save = async () => {
    if (errors.size > 0 || saving) return;
    setSaving(true);
    try {
      const saved = await request('settings:update', { feeds: feedsOf(rows) });
      onSaved(saved.feeds);
      onClose();
    } catch (cause) {
      setError(messageOf(cause));
      setSaving(false);
    }
  };

  return (
    <ModalDialog className="nd-feed-settings" testId="feed-settings" title="Feeds" error={error} onClose={guard.requestClose} onKeyDown={guard.onKeyDown}>
      <div className="nd-feed-settings__body">
        <p className="nd-field__hint">The board shows one column per feed, in this order. The label is what readers see above each item; the page size is how many items show before “Show More”.</p>
        <div className="nd-feed-settings__heads" aria-hidden="true">
          <span />
          <span>Name</span>
          <span>Label</span>
          <span>Kind</span>
          <span>Page size</span>
          <span />
        </div>
        <ol ref={listRef} className="nd-feed-settings__list" aria-label="Feeds on the board">
          {active.map((row, index) => (
            <FeedSettingsRow
              key={row.key}
              row={row}
              errors={errors.get(row.key)}
              position={index + 1}
              isFirst={index === 0}
              isLast={index === active.length - 1}
              canArchive={active.length > 1}
              onChange={update}
              onRename={(name) => update(renamed(row, name))}
              onMove={(direction) => move(row, direction)}
              onArchive={(value) => archive(row, value)}
              onRemove={() => remove(row, index)}
            />
          ))}
        </ol>
        <button type="button" className="nd-button nd-button--small nd-feed-settings__add" onClick={add}>
          Add feed
        </button>
        {archivedRows.length > 0 && (
          <section className="nd-feed-settings__archived" aria-labelledby="nd-archived-feeds">
            <h3 id="nd-archived-feeds">Archived feeds</h3>
            <p className="nd-field__hint">Not on the board. Their items stay placed and come back when the feed is restored.</p>
            <ul className="nd-feed-settings__list" aria-label="Archived feeds">
              {archivedRows.map((row) => (
                <FeedSettingsRow
                  key={row.key}
                  row={row}
                  errors={errors.get(row.key)}
                  position={null}
                  isFirst
                  isLast
                  canArchive={false}
                  onChange={update}
                  onRename={(name) => update(renamed(row, name))}
                  onMove={() => {}}
                  onArchive={(value) => archive(row, value)}
                  onRemove={() => {}}
                />
              ))}
            </ul>
          </section>
        )}
        <p className="nd-visually-hidden" aria-live="polite">
          {announcement}
        </p>
      </div>
      {guard.confirming ? (
        <DiscardBar question="Discard the changes to the feeds?" onKeepEditing={guard.keepEditing} onDiscard={onClose} />
      ) : (
        <footer className="nd-dialog__foot">
          <p className="nd-dialog__note">{errors.size > 0 ? 'Fix the marked fields to save.' : `${ALT}↑ and ${ALT}↓ move the feed you are in. Feeds are archived, never deleted.`}</p>
          <button type="button" className="nd-button" onClick={guard.requestClose}>
            Cancel
          </button>
          <button type="button" className="nd-button nd-button--primary" disabled={errors.size > 0 || saving || !dirty} onClick={() => void save()}>
            {saving ? 'Saving…' : 'Save feeds'}
          </button>
        </footer>
      )}
    </ModalDialog>
  );
}
