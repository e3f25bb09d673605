import type { ImportOutcome, SitePostSummary } from '../../../../shared/model/site-import';
import { Icon } from '../../ui/components/Icon';
import { ModalDialog } from '../../ui/components/ModalDialog';
import { formatFull } from '../../ui/time';
import { keyOf, useSiteImport, type SiteImportState } from './useSiteImport';

interface ImportFromSiteDialogProps {
  onClose(): void;
  /** Opens an imported article in the editor. */
  onOpen(articleId: string): void;
}

/** The sites' own words for a post's state, as the desk says them. */
const STATUS_WORDS: Readonly<Record<string, string>> = {
  publish: 'Published', published: 'Published', draft: 'Draft', future: 'Scheduled', scheduled: 'Scheduled',
  pending: 'Pending review', private: 'Private', sent: 'Sent',
};
const OUTCOME_WORDS: Readonly<Record<ImportOutcome['outcome'], string>> = { imported: 'Imported', skipped: 'Skipped', failed: 'Not imported' };

const titleOf = (title: string): string => title.trim() || '(no title)';
const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/**
 * "Import from site…": pick a WordPress or Ghost target, search its posts, page through them, tick
 * the ones to bring in. Each becomes a new article linked to its post (the next push updates that
 * post); the result says what was imported, what was skipped (already here) and what was left out.
 */
export function ImportFromSiteDialog({ onClose, onOpen }: ImportFromSiteDialogProps) {
  const state = useSiteImport();
  const busy = state.progress !== null;

  return (
    <ModalDialog className="nd-site-import" testId="site-import-dialog" title="Import from site" closeLabel="Close" error={state.error} onClose={onClose}>
      <div className="nd-site-import__body">
        {state.targets.length === 0 ? (
          <p className="nd-field__hint">Add a WordPress or Ghost site in Settings › Publishing to bring its posts in.</p>
        ) : (
          <div className="nd-site-import__bar">
            <label className="nd-field nd-site-import__site">
              <span className="nd-field__label">Site</span>
              <select className="nd-input" value={state.targetId} disabled={busy} onChange={(event) => state.setTargetId(event.target.value)}>
                {state.targets.map((target) => (
                  <option key={target.id} value={target.id}>
                    {target.name} ({target.kind === 'wordpress' ? 'WordPress' : 'Ghost'})
                  </option>
                ))}
              </select>
            </label>
            <label className="nd-search nd-site-import__search">
              <Icon name="search" size={16} />
              <input type="search" aria-label="Search the site’s posts" placeholder="Search the site’s posts…" value={state.search} disabled={busy} onChange={(event) => state.setSearch(event.target.value)} />
            </label>
          </div>
        )}
        {state.results ? <ImportResults results={state.results} onOpen={onOpen} /> : <PostPicker state={state} />}
      </div>
      <footer className="nd-dialog__foot">
        <p className="nd-site-import__status" role="status" data-testid="site-import-status">
          {state.progress
            ? `Importing ${state.progress.done + 1} of ${state.progress.total}…`
            : state.results
              ? `${plural(state.results.filter((result) => result.outcome === 'imported').length, 'post', 'posts')} imported.`
              : `${plural(state.picked.size, 'post', 'posts')} picked`}
        </p>
        {state.results ? (
          <>
            <button type="button" className="nd-button" onClick={state.startOver}>
              Import more
            </button>
            <button type="button" className="nd-button nd-button--primary" onClick={onClose}>
              Done
            </button>
          </>
        ) : (
          <>
            <button type="button" className="nd-button" disabled={busy} onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="nd-button nd-button--primary" disabled={busy || state.picked.size === 0} onClick={() => void state.importPicked()}>
              {busy ? 'Importing…' : state.picked.size === 0 ? 'Import' : `Import ${plural(state.picked.size, 'post', 'posts')}`}
            </button>
          </>
        )}
      </footer>
    </ModalDialog>
  );
}

function PostPicker({ state }: { state: SiteImportState }) {
  const listing = state.listing;
  const busy = state.progress !== null;
  if (!listing) return state.loading ? <p className="nd-site-import__empty">Asking the site…</p> : null;
  return (
    <>
      {listing.posts.length === 0 ? (
        <p className="nd-site-import__empty">{state.search.trim() ? 'No post of the site matches the search.' : 'The site has no posts.'}</p>
      ) : (
        <table className={`nd-site-import__table${state.loading ? ' nd-site-import__table--stale' : ''}`} aria-label="The site’s posts" aria-busy={state.loading}>
          <thead>
            <tr>
              <th scope="col" className="nd-site-import__pick">
                <span className="nd-visually-hidden">Pick</span>
              </th>
              <th scope="col">Title</th>
              <th scope="col">Date</th>
              <th scope="col">Status</th>
              <th scope="col">Author</th>
            </tr>
          </thead>
          <tbody>
            {listing.posts.map((post) => (
              <PostRow key={keyOf(post.remoteId)} post={post} picked={state.picked.has(keyOf(post.remoteId))} disabled={busy} onToggle={() => state.toggle(post.remoteId, post.title)} />
            ))}
          </tbody>
        </table>
      )}
      <div className="nd-site-import__pager">
        <button type="button" className="nd-button nd-button--small" disabled={busy || state.page <= 1} onClick={() => state.setPage(state.page - 1)}>
          Previous
        </button>
        <span>
          Page {listing.page} of {Math.max(1, listing.totalPages)} · {plural(listing.total, 'post', 'posts')}
        </span>
        <button type="button" className="nd-button nd-button--small" disabled={busy || state.page >= listing.totalPages} onClick={() => state.setPage(state.page + 1)}>
          Next
        </button>
      </div>
    </>
  );
}

function PostRow({ post, picked, disabled, onToggle }: { post: SitePostSummary; picked: boolean; disabled: boolean; onToggle(): void }) {
  const imported = post.importedAs !== null;
  const id = `site-post-${keyOf(post.remoteId)}`;
  return (
    <tr className={imported ? 'nd-site-import__row--imported' : undefined}>
      <td className="nd-site-import__pick">
        <input id={id} type="checkbox" checked={picked} disabled={disabled || imported} onChange={onToggle} />
      </td>
      <td>
        <label htmlFor={id}>{titleOf(post.title)}</label>
        {post.importedAs && <span className="nd-site-import__badge nd-site-import__here" title={`In Newsdesk as “${titleOf(post.importedAs.headline)}”`}>In Newsdesk</span>}
      </td>
      <td className="nd-site-import__date">{post.date ? formatFull(post.date) : '—'}</td>
      <td>{STATUS_WORDS[post.status] ?? post.status}</td>
      <td>{post.author || '—'}</td>
    </tr>
  );
}

function ImportResults({ results, onOpen }: { results: readonly ImportOutcome[]; onOpen(articleId: string): void }) {
  return (
    <ul className="nd-site-import__results" aria-label="What was imported">
      {results.map((result) => (
        <li key={keyOf(result.remoteId)} className={`nd-site-import__result nd-site-import__result--${result.outcome}`}>
          <div className="nd-site-import__result-head">
            <span className={`nd-site-import__badge nd-site-import__outcome--${result.outcome}`}>{OUTCOME_WORDS[result.outcome]}</span>
            <strong>{titleOf(result.title)}</strong>
            {result.articleId && (
              <button type="button" className="nd-button nd-button--small" onClick={() => onOpen(result.articleId!)}>
                Open
              </button>
            )}
          </div>
          <p>{result.message}</p>
          {result.leftOut.length > 0 && (
            <ul className="nd-site-import__left-out" aria-label="Left out">
              {result.leftOut.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
