import { useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { BoardItem, Placement } from '../../../../shared/model/placement';
import { timingProblems, type Timing } from '../../../../shared/rules/placement';
import { messageOf } from '../../api/newsdesk';
import { ModalDialog } from '../../ui/components/ModalDialog';
import { MOD } from '../../ui/shortcuts';
import { inOneHour, isoOfLocalInput, localInputOf, localInputOfIso, readableTime, tomorrowAt, zoneName } from './timing-fields';
import { TimeField } from './TimeField';

interface ScheduleDialogProps {
  open: boolean;
  item: BoardItem;
  placement: Placement;
  onClose(): void;
  /** Saves; resolves to an error message to show, or null when saved (the dialog then closes itself via onClose). */
  onSave(timing: Timing): Promise<string | null>;
}

/** The three fields as typed: local wall-clock times, '' for none. */
interface Draft {
  mode: 'now' | 'scheduled';
  publishAt: string;
  embargoUntil: string;
  expiresAt: string;
}

function draftOf(placement: Placement): Draft {
  return {
    mode: placement.publish.mode,
    publishAt: placement.publish.mode === 'scheduled' ? localInputOfIso(placement.publish.at) : '',
    embargoUntil: localInputOfIso(placement.embargoUntil),
    expiresAt: localInputOfIso(placement.expiresAt),
  };
}

interface DraftReading {
  timing: Timing | null;
  problems: string[];
  /** Which fields the problems are about, to mark them. */
  embargoClash: boolean;
  expiryClash: boolean;
}

/** The timing the draft describes, or why it cannot be saved yet. */
function readDraft(draft: Draft): DraftReading {
  const publishAt = isoOfLocalInput(draft.publishAt);
  const embargo = isoOfLocalInput(draft.embargoUntil);
  const expires = isoOfLocalInput(draft.expiresAt);
  const unsaveable = (problem: string): DraftReading => ({ timing: null, problems: [problem], embargoClash: false, expiryClash: false });
  if (!publishAt.ok || !embargo.ok || !expires.ok) return unsaveable('A date or time is not complete. Fill it in or clear it.');
  if (draft.mode === 'scheduled' && publishAt.iso === null) return unsaveable('Choose when to publish, or pick “Publish now”.');
  const timing: Timing = {
    publish: draft.mode === 'scheduled' && publishAt.iso ? { mode: 'scheduled', at: publishAt.iso } : { mode: 'now' },
    embargoUntil: embargo.iso,
    expiresAt: expires.iso,
  };
  const problems = timingProblems(timing);
  // The rules answer in sentences; asking them again without the expiry tells which field clashes.
  const withoutExpiry = timingProblems({ ...timing, expiresAt: null }).length;
  return { timing, problems, embargoClash: withoutExpiry > 0, expiryClash: problems.length > withoutExpiry };
}

/**
 * When an item goes live, its embargo and its expiry, in the editor's own clock (the zone is named).
 * The placement rules are checked as the fields change: a timing they refuse cannot be saved, and
 * the reason shows under the fields. The timing is the item's, shared by every feed it is in.
 */
export function ScheduleDialog({ open, item, placement, onClose, onSave }: ScheduleDialogProps) {
  const [error, setError] = useState<string | null>(null);
  return (
    <ModalDialog open={open} className="nd-schedule" testId="schedule-dialog" title="Schedule" error={error} onOpened={() => setError(null)} onClose={onClose}>
      {open && <ScheduleForm item={item} placement={placement} onClose={onClose} onSave={onSave} setError={setError} />}
    </ModalDialog>
  );
}

interface ScheduleFormProps extends Omit<ScheduleDialogProps, 'open'> {
  /** The dialog's alert under its head: what main said when it refused the timing. */
  setError(message: string | null): void;
}

/** Exists only while the dialog shows, so each opening starts from the stored timing. */
function ScheduleForm({ item, placement, onClose, onSave, setError }: ScheduleFormProps) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(placement));
  const [saving, setSaving] = useState(false);
  const { timing, problems, embargoClash, expiryClash } = useMemo(() => readDraft(draft), [draft]);
  const zone = useMemo(() => zoneName(), []);
  const headline = item.headline.trim() || 'Untitled';

  const change = (patch: Partial<Draft>) => {
    setDraft((previous) => ({ ...previous, ...patch }));
    setError(null);
  };
  const scheduleAt = (date: Date) => change({ mode: 'scheduled', publishAt: localInputOf(date) });

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!timing || problems.length > 0 || saving) return;
    setSaving(true);
    try {
      const refused = await onSave(timing);
      if (refused === null) return onClose();
      setError(refused);
    } catch (cause) {
      setError(messageOf(cause));
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  };

  return (
    <form className="nd-schedule__form" noValidate onSubmit={(event) => void save(event)} onKeyDown={onKeyDown}>
      <div className="nd-schedule__body">
        <p className="nd-schedule__item">
          <span className="nd-schedule__kind">{item.kind === 'video' ? 'Video' : 'Article'}</span>
          <span className="nd-schedule__headline">{headline}</span>
        </p>
        {placement.delivery === 'published' && placement.publishedAt && (
          <p className="nd-field__hint">Published {readableTime(placement.publishedAt)}. A new time does not take it off the site.</p>
        )}
        <fieldset className="nd-schedule__mode">
          <legend className="nd-field__label">Goes live</legend>
          <label className="nd-radio">
            <input type="radio" name="publish-mode" checked={draft.mode === 'now'} onChange={() => change({ mode: 'now' })} />
            Publish now
            <span className="nd-radio__hint">as soon as it is published</span>
          </label>
          <label className="nd-radio">
            <input type="radio" name="publish-mode" checked={draft.mode === 'scheduled'} onChange={() => change({ mode: 'scheduled' })} />
            Schedule
            <span className="nd-radio__hint">at a set time</span>
          </label>
        </fieldset>
        <TimeField
          label="Publish at"
          value={draft.publishAt}
          disabled={draft.mode !== 'scheduled'}
          invalid={embargoClash}
          emptyHint="Pick a date and time, or a quick choice."
          onChange={(publishAt) => change({ publishAt })}
        >
          <button type="button" className="nd-button nd-button--small" onClick={() => scheduleAt(inOneHour(new Date()))}>
            In 1 hour
          </button>
          <button type="button" className="nd-button nd-button--small" onClick={() => scheduleAt(tomorrowAt(new Date(), 6))}>
            Tomorrow 6:00
          </button>
          {draft.embargoUntil !== '' && (
            <button type="button" className="nd-button nd-button--small" onClick={() => change({ mode: 'scheduled', publishAt: draft.embargoUntil })}>
              When the embargo lifts
            </button>
          )}
        </TimeField>
        <div className="nd-field-row">
          <TimeField
            label="Embargo until"
            value={draft.embargoUntil}
            clearLabel="Clear the embargo"
            invalid={embargoClash}
            emptyHint="No embargo."
            onChange={(embargoUntil) => change({ embargoUntil })}
          />
          <TimeField label="Expires at" value={draft.expiresAt} clearLabel="Clear the expiry" invalid={expiryClash} emptyHint="Stays in its feeds until removed." onChange={(expiresAt) => change({ expiresAt })} />
        </div>
        <div className="nd-schedule__problems" aria-live="polite" data-testid="timing-problems">
          {problems.map((problem) => (
            <p key={problem} className="nd-schedule__problem">
              {problem}
            </p>
          ))}
        </div>
      </div>
      <footer className="nd-dialog__foot">
        <p className="nd-dialog__note" data-testid="time-zone">
          Times are in {zone === 'UTC' ? 'UTC' : `${zone} time`}. {MOD}Enter saves.
        </p>
        <button type="button" className="nd-button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="nd-button nd-button--primary" disabled={!timing || problems.length > 0 || saving}>
          {saving ? 'Saving…' : 'Save timing'}
        </button>
      </footer>
    </form>
  );
}
