import { useCallback, useEffect, useState } from 'react';
import { itemKey, type BoardItem, type Placement } from '../../../../shared/model/placement';
import type { Timing } from '../../../../shared/rules/placement';
import { messageOf, request } from '../../api/newsdesk';
import { formatFull } from '../../ui/time';
import { usePublishRight } from '../desk';
import { ScheduleDialog } from './ScheduleDialog';

interface PublishTimeSectionProps {
  articleId: string;
  /** After the timing was saved: the Publish panel checks again (its plan shows the go-live time). */
  onChanged(): void;
}

/** "Goes live when published · embargo until … · expires …" for a placement. */
function timingSummary(placement: Placement): string {
  const parts = [placement.publish.mode === 'scheduled' ? `Scheduled for ${formatFull(placement.publish.at)}` : 'Goes live when published'];
  if (placement.embargoUntil) parts.push(`embargo until ${formatFull(placement.embargoUntil)}`);
  if (placement.expiresAt) parts.push(`expires ${formatFull(placement.expiresAt)}`);
  return parts.join(' · ');
}

/**
 * The story's publish time in the Publish panel: the board's own placement, changed through the
 * board's Schedule dialog and channel, so the same rules check it and the board shows the same
 * times. A story in no feed has no placement to time.
 */
export function PublishTimeSection({ articleId, onChanged }: PublishTimeSectionProps) {
  const key = itemKey({ kind: 'article', id: articleId });
  const [found, setFound] = useState<{ placement: Placement; item: BoardItem } | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  // Scheduling a desk story is a publisher's move, as publishing it is.
  const right = usePublishRight(articleId);

  const read = useCallback(async () => {
    try {
      const view = await request('board:get', {});
      const placement = view.board.placements[key];
      const item = view.items.find((candidate) => candidate.key === key);
      setFound(placement && item ? { placement, item } : null);
      setError(null);
    } catch (cause) {
      setError(messageOf(cause));
    }
  }, [key]);

  useEffect(() => {
    void read();
  }, [read]);

  const save = async (timing: Timing): Promise<string | null> => {
    try {
      await request('board:setTiming', { key, ...timing });
      await read();
      onChanged();
      return null;
    } catch (cause) {
      return messageOf(cause);
    }
  };

  return (
    <section className="nd-publish-time" data-testid="publish-time" aria-label="Publish time">
      <h3 className="nd-publish__section-title">Publish time</h3>
      {error && (
        <p className="nd-dialog__error" role="alert">
          {error}
        </p>
      )}
      {found === null && <p className="nd-field__hint">Not in a feed: place it on the board to schedule it, embargo it or let it expire.</p>}
      {found && (
        <div className="nd-publish-time__row">
          <p data-testid="publish-time-summary">{timingSummary(found.placement)}</p>
          <button type="button" className="nd-button nd-button--small" disabled={!right.allowed} title={right.reason ?? undefined} onClick={() => setOpen(true)}>
            Change…
          </button>
        </div>
      )}
      {found && right.reason && <p className="nd-field__hint" data-testid="publish-time-closed">{right.reason}</p>}
      {found && <ScheduleDialog open={open} item={found.item} placement={found.placement} onClose={() => setOpen(false)} onSave={save} />}
    </section>
  );
}
