import { useState } from 'react';
import type { StoryOnSite } from '../../../../shared/ipc/publishing-contract';
import { request } from '../../api/newsdesk';
import { publisherOnly } from '../../../../shared/desk/publisher-gates';
import { ModalDialog } from '../../ui/components/ModalDialog';
import { usePublisherRight } from '../desk';
import { useQueueSiteJob } from './useQueueSiteJob';

interface KillDialogProps {
  articleId: string;
  headline: string;
  site: StoryOnSite;
  onClose(): void;
  /** After the kill notice was queued (the outbox shows it from then on). */
  onQueued?(): void;
}

/** The house format, as readers will see it: the label is dated by main, in the desk's zone, when queued. */
function previewLine(text: string): string {
  const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date());
  return `Withdrawn, ${day}: ${text.replace(/\s+/g, ' ').trim()}`;
}

/**
 * The confirmation before a story is killed on a site (an agency's kill, a legal order): it names
 * the site and the address, shows the notice as readers will see it, and says what stays (the
 * address and the headline) and what goes (the text, the dek, the lead photo). Nothing is sent
 * before the button is pressed.
 */
export function KillDialog({ articleId, headline, site, onClose, onQueued }: KillDialogProps) {
  const [text, setText] = useState('This story has been withdrawn.');
  const { busy, error, queue } = useQueueSiteJob(onClose, onQueued);
  const kill = () => queue(() => request('publish:kill', { articleId, targetId: site.targetId, text }));
  // A desk story is taken off a site only by a publisher; main asks the desk again when it is queued.
  const right = usePublisherRight(articleId, publisherOnly('kill'));

  return (
    <ModalDialog className="nd-retract" testId="kill-dialog" title={`Kill on ${site.targetName}?`} closeLabel="Keep the story as it is" error={error} onClose={onClose}>
      <div className="nd-retract__body">
        <p>
          “{headline}” is on <strong>{site.targetName}</strong> at
        </p>
        <p className="nd-retract__url" data-testid="kill-url">
          {site.link || 'an address the site did not give'}
        </p>
        <p>The post keeps its address and headline, so links still lead somewhere; its text, dek and lead photo are replaced by this notice. The story stays in Newsdesk.</p>
        <label className="nd-field">
          <span className="nd-field__label">Notice</span>
          <textarea className="nd-input" rows={3} maxLength={2000} value={text} onChange={(event) => setText(event.target.value)} />
        </label>
        <p className="nd-field__hint" data-testid="kill-preview">
          {previewLine(text)}
        </p>
      </div>
      {right.reason && (
        <p className="nd-field__hint nd-retract__closed" data-testid="kill-closed">
          {right.reason}
        </p>
      )}
      <footer className="nd-dialog__foot">
        <button type="button" className="nd-button" onClick={onClose}>
          Keep the story as it is
        </button>
        <button type="button" className="nd-button nd-button--danger" disabled={busy || !right.allowed || text.trim() === ''} title={right.reason ?? undefined} onClick={() => void kill()}>
          {busy ? 'Queueing…' : 'Replace with the kill notice'}
        </button>
      </footer>
    </ModalDialog>
  );
}
