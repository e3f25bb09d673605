import { useState } from 'react';
import type { StoryOnSite } from '../../../../shared/ipc/publishing-contract';
import type { RetractAs } from '../../../../shared/model/publishing';
import { request } from '../../api/newsdesk';
import { publisherOnly } from '../../../../shared/desk/publisher-gates';
import { ModalDialog } from '../../ui/components/ModalDialog';
import { usePublisherRight } from '../desk';
import { useQueueSiteJob } from './useQueueSiteJob';

interface RetractDialogProps {
  articleId: string;
  /** 'video': the id is a video item's. */
  itemKind?: 'video';
  headline: string;
  site: StoryOnSite;
  onClose(): void;
  /** After the retract was queued (the outbox shows it from then on). */
  onQueued?(): void;
}

/**
 * The confirmation before a story is taken off a site: it names the site and the address readers
 * use now, and on WordPress lets the editor choose between a draft and the site's trash (Ghost has
 * no trash). Nothing is sent before the button is pressed; the outbox then sends it like a publish.
 */
export function RetractDialog({ articleId, itemKind, headline, site, onClose, onQueued }: RetractDialogProps) {
  const [as, setAs] = useState<RetractAs>('draft');
  const { busy, error, queue } = useQueueSiteJob(onClose, onQueued);
  const retract = () => queue(() => request('publish:retract', { articleId, ...(itemKind ? { itemKind } : {}), targetId: site.targetId, as }));
  // A desk story is taken off a site only by a publisher; main asks the desk again when it is queued.
  const right = usePublisherRight(itemKind === 'video' ? null : articleId, publisherOnly('retract'));

  return (
    <ModalDialog className="nd-retract" testId="retract-dialog" title={`Retract from ${site.targetName}?`} closeLabel="Keep it on the site" error={error} onClose={onClose}>
      <div className="nd-retract__body">
        <p>
          “{headline}” is on <strong>{site.targetName}</strong> at
        </p>
        <p className="nd-retract__url" data-testid="retract-url">
          {site.link || 'an address the site did not give'}
        </p>
        <p>Retracting takes it off the site: readers no longer see it there, the board marks it Retracted and the feed preview leaves it out. {itemKind === 'video' ? 'The video item' : 'The story'} stays in Newsdesk.</p>
        {site.kind === 'wordpress' ? (
          <fieldset className="nd-retract__choice">
            <legend className="nd-field__label">On the site</legend>
            <label className="nd-radio">
              <input type="radio" name="retract-as" checked={as === 'draft'} onChange={() => setAs('draft')} />
              Back to a draft <span className="nd-radio__hint">editable there, publish again any time</span>
            </label>
            <label className="nd-radio">
              <input type="radio" name="retract-as" checked={as === 'trash'} onChange={() => setAs('trash')} />
              Remove <span className="nd-radio__hint">into WordPress’s trash, restorable there</span>
            </label>
          </fieldset>
        ) : (
          <p className="nd-field__hint">The post goes back to a draft on the site (Ghost keeps no trash).</p>
        )}
      </div>
      {right.reason && (
        <p className="nd-field__hint nd-retract__closed" data-testid="retract-closed">
          {right.reason}
        </p>
      )}
      <footer className="nd-dialog__foot">
        <button type="button" className="nd-button" onClick={onClose}>
          Keep it on the site
        </button>
        <button type="button" className="nd-button nd-button--danger" disabled={busy || !right.allowed} title={right.reason ?? undefined} onClick={() => void retract()}>
          {busy ? 'Queueing…' : as === 'trash' ? 'Remove from the site' : 'Retract to draft'}
        </button>
      </footer>
    </ModalDialog>
  );
}
