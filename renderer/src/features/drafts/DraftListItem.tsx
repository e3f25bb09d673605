import type { KeyboardEvent } from 'react';
import { STATUS_LABELS, type ArticleStatus, type DraftSummary } from '../../../../shared/model/article';
import type { StoryPresence } from '../../../../shared/model/desk';
import { DeskNoteMark, DeskPhotoMark, PresenceMarks, SharedMark } from '../desk';
import { Icon } from '../../ui/components/Icon';
import { formatFull, formatUpdated, formatWords } from '../../ui/time';

export function titleOf(draft: { headline: string }): string {
  return draft.headline.trim() || 'Untitled';
}

export function StatusBadge({ status }: { status: ArticleStatus }) {
  return <span className={`nd-status nd-status--${status}`}>{STATUS_LABELS[status]}</span>;
}

interface DraftItemProps {
  draft: DraftSummary;
  now: number;
  selected: boolean;
  onOpen: () => void;
  onDuplicate: () => void;
  onTrash: () => void;
  /** The story is on the desk. */
  shared?: boolean;
  /** Who is in the story now, from the desk. */
  people?: StoryPresence['people'];
  /** Puts the story on the desk; left out when signed out or already shared. */
  onShare?: () => void;
}

/** One draft in the list: opens on click or Enter; Delete moves it to the Trash. */
export function DraftListItem({ draft, now, selected, onOpen, onDuplicate, onTrash, shared = false, people = [], onShare }: DraftItemProps) {
  const title = titleOf(draft);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Delete') {
      event.preventDefault();
      onTrash();
    }
  };
  return (
    <li className={`nd-draft${selected ? ' nd-draft--selected' : ''}`} data-testid="draft-item" data-id={draft.id}>
      <button
        type="button"
        className="nd-draft__open"
        aria-current={selected ? 'true' : undefined}
        aria-keyshortcuts="Delete"
        onClick={onOpen}
        onKeyDown={onKeyDown}
      >
        <span className={`nd-draft__headline${draft.headline.trim() ? '' : ' nd-draft__headline--untitled'}`}>{title}</span>
        <span className="nd-draft__meta">
          <StatusBadge status={draft.status} />
          {draft.section && <span className="nd-draft__section">{draft.section}</span>}
          {shared && <SharedMark />}
          {shared && <DeskNoteMark storyId={draft.id} />}
          {shared && <DeskPhotoMark storyId={draft.id} />}
          <PresenceMarks people={people} />
        </span>
        <span className="nd-draft__meta nd-draft__meta--quiet">
          <ChangedAndLength draft={draft} now={now} />
        </span>
      </button>
      <div className="nd-draft__actions">
        {onShare && (
          <button type="button" className="nd-icon-button" aria-label={`Share “${title}” to the desk`} title="Share to desk" onClick={onShare}>
            <Icon name="share" size={16} />
          </button>
        )}
        <button type="button" className="nd-icon-button" aria-label={`Duplicate “${title}”`} title="Duplicate" onClick={onDuplicate}>
          <Icon name="copy" size={16} />
        </button>
        <button type="button" className="nd-icon-button" aria-label={`Move “${title}” to Trash`} title="Move to Trash" onClick={onTrash}>
          <Icon name="trash" size={16} />
        </button>
      </div>
    </li>
  );
}

/** "2 min ago · 812 words": when the draft last changed and how long it is. */
function ChangedAndLength({ draft, now }: { draft: DraftSummary; now: number }) {
  return (
    <>
      <time dateTime={draft.updatedAt} title={formatFull(draft.updatedAt)}>
        {formatUpdated(draft.updatedAt, now)}
      </time>
      <span aria-hidden="true">·</span>
      <span>{formatWords(draft.wordCount)}</span>
    </>
  );
}

export function TrashListItem({ draft, now, onRestore }: { draft: DraftSummary; now: number; onRestore: () => void }) {
  const title = titleOf(draft);
  return (
    <li className="nd-draft nd-draft--trashed" data-testid="trash-item" data-id={draft.id}>
      <div className="nd-draft__open nd-draft__open--static">
        <span className="nd-draft__headline">{title}</span>
        <span className="nd-draft__meta nd-draft__meta--quiet">
          <StatusBadge status={draft.status} />
          <ChangedAndLength draft={draft} now={now} />
        </span>
      </div>
      <div className="nd-draft__actions nd-draft__actions--visible">
        <button type="button" className="nd-button nd-button--small" aria-label={`Restore “${title}”`} onClick={onRestore}>
          <Icon name="restore" size={16} /> Restore
        </button>
      </div>
    </li>
  );
}
