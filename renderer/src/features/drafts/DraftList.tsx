import { useEffect, useState, type RefObject } from 'react';
import { ARTICLE_STATUSES, STATUS_LABELS, type ArticleStatus } from '../../../../shared/model/article';
import { useAppCommand } from '../../ui/app-commands';
import { Icon } from '../../ui/components/Icon';
import { useNotify } from '../../ui/components/Toasts';
import { MOD, SHIFT } from '../../ui/shortcuts';
import { DeskArchiveSearch, isSignedIn, ShareToDeskDialog, useDeskStatus, useSharedStories, useStoryPresence } from '../desk';
import { ImportFromSiteDialog } from '../publishing';
import { DraftListItem, titleOf, TrashListItem } from './DraftListItem';
import { useDraftList, useTrashList, type DraftFilters } from './useDraftList';

interface DraftListProps {
  selectedId: string | null;
  sections: string[];
  /** Bumped by the app after anything that changes the list (save, create, trash, restore). */
  version: number;
  onNew: () => void;
  onOpen: (id: string) => void;
  onDuplicate: (id: string) => void;
  onTrash: (id: string, headline: string) => void;
  onRestore: (id: string) => void;
  /** The search box, for the app's "go to search" shortcut. */
  searchRef?: RefObject<HTMLInputElement | null>;
}

/** Relative times ("5 minutes ago") are re-rendered once a minute. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The left pane: new draft, search and filters, the drafts by last change, and the Trash. */
export function DraftList(props: DraftListProps) {
  const [filters, setFilters] = useState<DraftFilters>({ text: '', status: '', section: '' });
  const [view, setView] = useState<'drafts' | 'trash'>('drafts');
  const drafts = useDraftList(filters, props.version);
  const trash = useTrashList(view === 'trash', props.version);
  const now = useNow();
  const filtered = filters.text.trim() !== '' || filters.status !== '' || filters.section !== '';
  /** A text search is under way; the rows shown are the previous answer. */
  const searching = view === 'drafts' && drafts.loading && filters.text.trim() !== '';
  const shown = view === 'drafts' ? drafts : trash;
  const desk = useDeskStatus();
  const presence = useStoryPresence();
  const shared = useSharedStories();
  const [sharing, setSharing] = useState<{ id: string; title: string } | null>(null);
  const notify = useNotify();
  const [importing, setImporting] = useState(false);
  useAppCommand('article:import-from-site', () => setImporting(true));

  return (
    <nav className="nd-list" aria-label="Drafts">
      <div className="nd-list__head">
        <div className="nd-brand">
          <span className="nd-brand__mark" aria-hidden="true">N</span>
          <span className="nd-brand__name">Newsdesk</span>
        </div>
        <div className="nd-list__actions">
          <button type="button" className="nd-icon-button" title="Import from site…" aria-label="Import from site…" onClick={() => setImporting(true)}>
            <Icon name="inbox" size={16} />
          </button>
          <button type="button" className="nd-button nd-button--primary" title={`New article (${MOD}N)`} onClick={props.onNew}>
            <Icon name="plus" size={16} /> New article
          </button>
        </div>
      </div>

      <div className="nd-list__views" role="group" aria-label="Show">
        <button type="button" className="nd-segment" aria-pressed={view === 'drafts'} onClick={() => setView('drafts')}>
          Drafts
        </button>
        <button type="button" className="nd-segment" aria-pressed={view === 'trash'} onClick={() => setView('trash')}>
          <Icon name="trash" size={14} /> Trash
        </button>
      </div>

      {view === 'drafts' && (
        <div className="nd-list__filters">
          <label className="nd-search">
            <Icon name="search" size={16} />
            <input
              ref={props.searchRef}
              type="search"
              aria-label="Search drafts"
              title={`Search drafts (${MOD}${SHIFT}F)`}
              placeholder="Search headlines, text, tags…"
              value={filters.text}
              onChange={(event) => setFilters({ ...filters, text: event.target.value })}
            />
          </label>
          <div className="nd-list__selects">
            <select
              aria-label="Filter by status"
              value={filters.status}
              onChange={(event) => setFilters({ ...filters, status: event.target.value as ArticleStatus | '' })}
            >
              <option value="">All statuses</option>
              {ARTICLE_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {STATUS_LABELS[status]}
                </option>
              ))}
            </select>
            <select
              aria-label="Filter by section"
              value={filters.section}
              onChange={(event) => setFilters({ ...filters, section: event.target.value })}
            >
              <option value="">All sections</option>
              {props.sections.map((section) => (
                <option key={section} value={section}>
                  {section}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}

      {view === 'drafts' && <DeskArchiveSearch query={filters.text} onOpen={props.onOpen} />}

      {shown.error && (
        <p className="nd-list__error" role="alert">
          {shown.error}
        </p>
      )}

      {searching && (
        <p className="nd-list__pending" role="status" data-testid="search-pending">
          Searching…
        </p>
      )}
      <ul className={`nd-list__items${searching ? ' nd-list__items--stale' : ''}`} aria-label={view === 'drafts' ? 'Draft articles' : 'Deleted articles'} aria-busy={shown.loading}>
        {view === 'drafts'
          ? drafts.items.map((draft) => (
              <DraftListItem
                key={draft.id}
                draft={draft}
                now={now}
                selected={draft.id === props.selectedId}
                onOpen={() => props.onOpen(draft.id)}
                onDuplicate={() => props.onDuplicate(draft.id)}
                onTrash={() => props.onTrash(draft.id, draft.headline)}
                shared={shared.ids.has(draft.id)}
                people={presence.get(draft.id)}
                onShare={isSignedIn(desk) && !shared.ids.has(draft.id) ? () => setSharing({ id: draft.id, title: titleOf(draft) }) : undefined}
              />
            ))
          : trash.items.map((draft) => (
              <TrashListItem key={draft.id} draft={draft} now={now} onRestore={() => props.onRestore(draft.id)} />
            ))}
      </ul>

      {!shown.loading && shown.items.length === 0 && (
        <p className="nd-list__empty">
          {view === 'trash' ? 'The Trash is empty.' : filtered ? 'No drafts match.' : 'No drafts yet. Start one with “New article”.'}
        </p>
      )}
      {view === 'drafts' && drafts.total > drafts.items.length && (
        <p className="nd-list__more">
          Showing {drafts.items.length} of {drafts.total} drafts. Search or filter to narrow them down.
        </p>
      )}
      {importing && (
        <ImportFromSiteDialog
          onClose={() => setImporting(false)}
          onOpen={(id) => {
            setImporting(false);
            props.onOpen(id);
          }}
        />
      )}
      {sharing && (
        <ShareToDeskDialog
          id={sharing.id}
          title={sharing.title}
          onClose={() => setSharing(null)}
          onShared={(id, deskName) => {
            shared.add(id);
            setSharing(null);
            notify(`“${sharing.title}” is on ${deskName} now: everyone on the desk can open and edit it.`);
          }}
        />
      )}
    </nav>
  );
}
