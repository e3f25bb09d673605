import { useId, useState } from 'react';
import { CORRECTION_LABELS, CORRECTION_MAX_CHARS, type CorrectionKind } from '../../../../shared/model/corrections';
import { correctionLine } from '../../../../shared/rules/corrections';
import { messageOf, request } from '../../api/newsdesk';
import { ModalDialog } from '../../ui/components/ModalDialog';
import { useOutbox } from './OutboxContext';

interface CorrectionDialogProps {
  articleId: string;
  /** 'video': the note goes on the video item `articleId` names, after its player. */
  itemKind?: 'video';
  /** Saves what is being typed first; false when it could not be saved. */
  save(): Promise<boolean>;
  onClose(): void;
  /** After the note was added: the sites where it could not be pushed, each with why. */
  onAdded(notPushed: string[]): void;
}

/**
 * A correction or update note: the line is shown as readers will see it ("Correction, 7 Dec 2026:
 * …", the date in this desk's zone), then appended to the story, logged, and pushed as an update
 * to every site where the story is live.
 */
export function CorrectionDialog({ articleId, itemKind, save, onClose, onAdded }: CorrectionDialogProps) {
  const item = itemKind === 'video' ? 'video' : 'story';
  const outbox = useOutbox();
  const textId = useId();
  const [kind, setKind] = useState<CorrectionKind>('correction');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const trimmed = text.trim();

  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      if (!(await save())) throw new Error(`The ${itemKind === 'video' ? 'video' : 'article'} could not be saved, so the note was not added. Fix the problem shown, then try again.`);
      const result = await request('corrections:add', { articleId, ...(itemKind ? { itemKind } : {}), kind, text: trimmed });
      for (const job of result.jobs) outbox.jobQueued(job);
      // The note is now in the story's text in main: the open editor shows it, without asking.
      if (itemKind !== 'video') await outbox.articleReplaced(articleId);
      onAdded(result.notPushed);
      onClose();
    } catch (cause) {
      setError(messageOf(cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ModalDialog className="nd-correction" testId="correction-dialog" title="Add a correction or update" error={error} onClose={onClose}>
      <div className="nd-correction__body">
        <fieldset className="nd-correction__kind">
          <legend className="nd-field__label">Kind</legend>
          {(['correction', 'update'] as const).map((option) => (
            <label key={option} className="nd-radio">
              <input type="radio" name="correction-kind" checked={kind === option} onChange={() => setKind(option)} />
              {CORRECTION_LABELS[option]}
              <span className="nd-radio__hint">{option === 'correction' ? 'a fact was wrong' : 'news since it was published'}</span>
            </label>
          ))}
        </fieldset>
        <label className="nd-field__label" htmlFor={textId}>
          Note
        </label>
        <textarea id={textId} className="nd-input" rows={4} maxLength={CORRECTION_MAX_CHARS} value={text} onChange={(event) => setText(event.target.value)} placeholder="An earlier version of this story gave the wrong date of the vote." />
        <p className="nd-field__label">Readers will see, at the end of the {item}</p>
        <p className="nd-correction__preview" data-testid="correction-preview">
          {trimmed ? correctionLine(kind, trimmed, new Date()) : `${correctionLine(kind, '…', new Date())}`}
        </p>
        <p className="nd-field__hint">
          It is kept in this {item}’s corrections log and sent as an update wherever the {item} is live.
        </p>
      </div>
      <footer className="nd-dialog__foot">
        <button type="button" className="nd-button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="nd-button nd-button--primary" disabled={busy || trimmed === ''} onClick={() => void add()}>
          {busy ? 'Adding…' : `Add ${CORRECTION_LABELS[kind].toLowerCase()} and update`}
        </button>
      </footer>
    </ModalDialog>
  );
}
