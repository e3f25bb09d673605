import { useEffect, useState, type FormEvent } from 'react';
import type { DeskMember, PlanRequest } from '../../../../../shared/desk/budget';
import { call } from '../../../api/newsdesk';
import { ModalDialog } from '../../../ui/components/ModalDialog';
import { dueFromLocal } from './budget-rows';

interface PlanStoryDialogProps {
  deskId: string;
  onPlanned(headline: string): void;
  onClose(): void;
}

const EMPTY = { headline: '', slug: '', section: '', slot: '', due: '', lengthTarget: '600', assigneeId: '', photoRequest: '', deskNote: '' };

/**
 * Plans a story before it has text: the working headline, slug, section, slot, due time, length
 * target, assignee, photo request and a note for the desk. The desk server checks the plan; its
 * refusal (an assignee not on the desk, a slot or time it cannot read) is shown as it says it,
 * and nothing is planned.
 */
export function PlanStoryDialog({ deskId, onPlanned, onClose }: PlanStoryDialogProps) {
  const [form, setForm] = useState(EMPTY);
  const [members, setMembers] = useState<DeskMember[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    void call('budget:members', {}).then((result) => {
      if (cancelled) return;
      if (result.ok) setMembers(result.value.members);
      else setError(`The desk’s members could not be read, so nobody can be assigned yet: ${result.error.message}`);
    });
    return () => {
      cancelled = true;
    };
  }, [deskId]);

  const field = (name: keyof typeof EMPTY) => ({
    value: form[name],
    onChange: (event: { target: { value: string } }) => setForm((was) => ({ ...was, [name]: event.target.value })),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const target = Number(form.lengthTarget);
    if (form.lengthTarget.trim() !== '' && !Number.isInteger(target)) {
      setError('A length target is a whole number of words.');
      return;
    }
    const request: PlanRequest = { ...form, due: dueFromLocal(form.due), lengthTarget: form.lengthTarget.trim() === '' ? 0 : target };
    setBusy(true);
    setError(null);
    const result = await call('budget:plan', request);
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    onPlanned(result.value.headline);
  };

  return (
    <ModalDialog title="Plan a story" className="nd-plan-dialog" testId="plan-dialog" error={error} onClose={onClose}>
      <form className="nd-plan-dialog__body" onSubmit={(event) => void submit(event)}>
        <label className="nd-field">
          <span className="nd-field__label">Working headline</span>
          <input className="nd-input" required maxLength={300} {...field('headline')} />
        </label>
        <div className="nd-field-row">
          <label className="nd-field">
            <span className="nd-field__label">Slug</span>
            <input className="nd-input" maxLength={120} placeholder="harbour-strike" {...field('slug')} />
          </label>
          <label className="nd-field">
            <span className="nd-field__label">Section</span>
            <input className="nd-input" maxLength={120} placeholder="News" {...field('section')} />
          </label>
        </div>
        <div className="nd-field-row">
          <label className="nd-field">
            <span className="nd-field__label">Slot</span>
            <input className="nd-input" maxLength={100} placeholder="News Feed, 14:00" {...field('slot')} />
          </label>
          <label className="nd-field">
            <span className="nd-field__label">Due</span>
            <input className="nd-input" type="datetime-local" {...field('due')} />
          </label>
        </div>
        <div className="nd-field-row">
          <label className="nd-field">
            <span className="nd-field__label">Length target (words)</span>
            <input className="nd-input" inputMode="numeric" {...field('lengthTarget')} />
          </label>
          <label className="nd-field">
            <span className="nd-field__label">Assignee</span>
            <select className="nd-input" {...field('assigneeId')}>
              <option value="">Nobody yet</option>
              {members.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="nd-field">
          <span className="nd-field__label">Photo request</span>
          <input className="nd-input" maxLength={500} placeholder="photo wanted: …" {...field('photoRequest')} />
        </label>
        <label className="nd-field">
          <span className="nd-field__label">Desk note</span>
          <input className="nd-input" maxLength={500} placeholder="hold for legal" {...field('deskNote')} />
        </label>
        <footer className="nd-dialog__foot">
          <button type="button" className="nd-button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="nd-button nd-button--primary" disabled={busy} aria-busy={busy}>
            {busy ? 'Planning…' : 'Plan story'}
          </button>
        </footer>
      </form>
    </ModalDialog>
  );
}
