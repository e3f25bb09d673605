import { useEffect, useMemo, useState } from 'react';
import type { ConnectionReport, PublishTarget } from '../../../../shared/model/publishing';
import { messageOf, request } from '../../api/newsdesk';
import { Icon } from '../../ui/components/Icon';
import { ModalDialog } from '../../ui/components/ModalDialog';
import { DiscardBar } from '../../ui/components/close-guard';
import { ConnectionReportView } from './ConnectionReportView';
import { useOutbox } from './OutboxContext';
import { addressOf, draftOf, fieldErrors, inputOf, KIND_LABELS, sameDraft, type TargetDraft, type TargetField } from './target-form';
import { TargetForm } from './TargetForm';

const ALL_FIELDS: TargetField[] = ['name', 'url', 'user', 'ninjsVersion', 'secret', 'bylineUsers'];

interface PublishTargetsDialogProps {
  open: boolean;
  onClose(): void;
  /** Opened because there is no target yet: start with a new WordPress site. */
  startNew?: boolean;
}

export function PublishTargetsDialog(props: PublishTargetsDialogProps) {
  return (
    <ModalDialog open={props.open} className="nd-targets" testId="publish-targets" title="Publish targets" closeLabel="Close publish targets" onClose={props.onClose}>
      {props.open && <TargetsEditor {...props} />}
    </ModalDialog>
  );
}

/**
 * Where stories can be published: WordPress sites and ninjs endpoints. Exists only while the
 * dialog shows, so each opening starts from the saved targets.
 */
function TargetsEditor({ onClose, startNew = false }: PublishTargetsDialogProps) {
  const { targets, refreshTargets } = useOutbox();
  const [draft, setDraft] = useState<TargetDraft>(() => (startNew || targets.length === 0 ? draftOf(null) : draftOf(targets[0]!)));
  const [baseline, setBaseline] = useState<TargetDraft>(draft);
  const [shown, setShown] = useState<Set<TargetField>>(new Set());
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [busy, setBusy] = useState<'saving' | 'testing' | 'removing' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [pendingLeave, setPendingLeave] = useState<(() => void) | null>(null);
  const errors = useMemo(() => fieldErrors(draft), [draft]);
  const dirty = !sameDraft(draft, baseline);

  useEffect(() => {
    void refreshTargets().then((list) => {
      // The list may have arrived after the form started empty: show the first target.
      if (!startNew && !draft.id && list.length > 0 && sameDraft(draft, draftOf(null))) select(list[0]!);
    });
    // Once per opening.
  }, []);

  const start = (next: TargetDraft) => {
    setDraft(next);
    setBaseline(next);
    setShown(new Set());
    setReport(null);
    setError(null);
    setNote(null);
    setConfirmRemove(false);
  };
  const select = (target: PublishTarget) => start(draftOf(target));
  /** Leaving edits behind asks first. */
  const leave = (then: () => void) => (dirty ? setPendingLeave(() => then) : then());

  const change = (patch: Partial<TargetDraft>) => {
    setDraft((last) => ({ ...last, ...patch }));
    setReport(null);
    setNote(null);
  };

  const save = async () => {
    if (Object.keys(errors).length > 0) return setShown(new Set(ALL_FIELDS));
    setBusy('saving');
    setError(null);
    try {
      const saved = await request('targets:save', inputOf(draft));
      await refreshTargets();
      start(draftOf(saved));
      setNote(`Saved “${saved.name}”.`);
    } catch (cause) {
      setError(messageOf(cause));
    } finally {
      setBusy(null);
    }
  };

  const test = async () => {
    if (Object.keys(errors).length > 0) return setShown(new Set(ALL_FIELDS));
    setBusy('testing');
    setError(null);
    setReport(null);
    try {
      // A saved target unchanged is tried as stored (with its stored secret); otherwise the form's values.
      const asked = draft.id && !dirty ? { id: draft.id } : { input: inputOf(draft) };
      setReport(await request('targets:test', asked));
    } catch (cause) {
      setError(messageOf(cause));
    } finally {
      setBusy(null);
    }
  };

  const remove = async () => {
    if (!draft.id) return;
    setBusy('removing');
    try {
      await request('targets:remove', { id: draft.id });
      const left = (await refreshTargets()).filter((target) => target.id !== draft.id);
      start(left[0] ? draftOf(left[0]) : draftOf(null));
      setNote(`Removed “${baseline.name}”.`);
    } catch (cause) {
      setError(messageOf(cause));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      {error && (
        <p className="nd-dialog__error" role="alert">
          {error}
        </p>
      )}
      <div className="nd-targets__body">
        <nav className="nd-targets__list" aria-label="Targets">
          <ul>
            {targets.map((target) => (
              <li key={target.id}>
                <button type="button" className="nd-target-item" aria-current={draft.id === target.id ? 'true' : undefined} data-testid="target-item" onClick={() => leave(() => select(target))}>
                  <span className="nd-target-item__name">{target.name}</span>
                  <span className="nd-target-item__meta">
                    {KIND_LABELS[target.kind]}
                    {target.kind === 'ninjs' ? ` ${target.ninjsVersion}` : ''} · {addressOf(target)}
                  </span>
                  {target.attention && (
                    <span className="nd-target-item__attention" data-testid="target-attention">
                      {target.attention}
                    </span>
                  )}
                </button>
              </li>
            ))}
            {targets.length === 0 && <li className="nd-targets__empty">No targets yet.</li>}
          </ul>
          <div className="nd-targets__add">
            <button type="button" className="nd-button nd-button--small" onClick={() => leave(() => start(draftOf(null, 'wordpress')))}>
              <Icon name="plus" size={14} /> Add WordPress site
            </button>
            <button type="button" className="nd-button nd-button--small" onClick={() => leave(() => start(draftOf(null, 'ninjs')))}>
              <Icon name="plus" size={14} /> Add ninjs endpoint
            </button>
            <button type="button" className="nd-button nd-button--small" onClick={() => leave(() => start(draftOf(null, 'ghost')))}>
              <Icon name="plus" size={14} /> Add Ghost site
            </button>
          </div>
        </nav>
        <section className="nd-targets__editor" aria-label={draft.id ? `Edit ${baseline.name}` : `New ${KIND_LABELS[draft.kind]} target`}>
          <h3 className="nd-targets__heading">{draft.id ? baseline.name : `New ${KIND_LABELS[draft.kind]} target`}</h3>
          <TargetForm draft={draft} errors={errors} shown={shown} onChange={change} onLeave={(field) => setShown((last) => new Set(last).add(field))} />
          {busy === 'testing' && <p className="nd-field__hint">Trying the connection…</p>}
          {report && <ConnectionReportView report={report} />}
          {note && (
            <p className="nd-targets__note" role="status">
              {note}
            </p>
          )}
        </section>
      </div>
      {pendingLeave ? (
        <DiscardBar
          question={`Discard the changes to ${baseline.name || 'the new target'}?`}
          onKeepEditing={() => setPendingLeave(null)}
          onDiscard={() => {
            const then = pendingLeave;
            setPendingLeave(null);
            then();
          }}
        />
      ) : confirmRemove ? (
        <footer className="nd-dialog__foot nd-discard">
          <p className="nd-dialog__note nd-discard__question" role="alert">
            Remove “{baseline.name}”? Its stored password is deleted; jobs already in the outbox for it will fail.
          </p>
          <button type="button" className="nd-button" onClick={() => setConfirmRemove(false)}>
            Keep it
          </button>
          <button type="button" className="nd-button nd-button--danger" disabled={busy !== null} onClick={() => void remove()}>
            Remove
          </button>
        </footer>
      ) : (
        <footer className="nd-dialog__foot">
          {draft.id && (
            <button type="button" className="nd-button" onClick={() => setConfirmRemove(true)}>
              <Icon name="trash" size={16} /> Remove…
            </button>
          )}
          <p className="nd-dialog__note">Passwords and tokens are kept in the system keychain and never shown again.</p>
          <button type="button" className="nd-button" disabled={busy !== null} onClick={() => void test()}>
            {busy === 'testing' ? 'Testing…' : 'Test connection'}
          </button>
          <button type="button" className="nd-button" onClick={() => leave(onClose)}>
            Close
          </button>
          <button type="button" className="nd-button nd-button--primary" disabled={busy !== null || (!dirty && Boolean(draft.id))} onClick={() => void save()}>
            {busy === 'saving' ? 'Saving…' : draft.id ? 'Save changes' : 'Add target'}
          </button>
        </footer>
      )}
    </>
  );
}
