import { useEffect, useState } from 'react';
import { ArticleId } from '../../../../shared/model/article';
import type { SearchResponse } from '../../../../shared/desk/desk-protocol';
import { call, onAppEvent } from '../../api/newsdesk';
import { formatFull } from '../../ui/time';
import { archiveCountLine } from './archive-count';
import { isSignedIn } from './desk-labels';
import { useDeskStatus } from './desk-status';
import { snippetParts } from './presence-marks';

type Found = SearchResponse['stories'][number];

interface DeskArchiveSearchProps {
  /** What is typed in the drafts' search box. */
  query: string;
  onOpen(id: string): void;
}

/** Whether a desk story is already on this machine (its article id is the desk's story id). */
async function isLocal(storyId: string): Promise<boolean> {
  if (!ArticleId.safeParse(storyId).success) return false;
  return (await call('drafts:get', { id: storyId })).ok;
}

/**
 * Under the drafts' search box while signed in to a desk: the same words searched in the desk's
 * archive (every story on the desk, also those never opened here), each with its snippet. A story
 * not on this machine yet says so, and opens by itself as soon as the desk has sent it.
 */
export function DeskArchiveSearch({ query, onOpen }: DeskArchiveSearchProps) {
  const status = useDeskStatus();
  const words = query.trim();
  const deskId = status?.desk?.id ?? null;
  const [results, setResults] = useState<{ query: string; stories: Found[]; scope: SearchResponse['scope'] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [waitingFor, setWaitingFor] = useState<string | null>(null);

  // New words, or another desk chosen: the previous answer no longer applies.
  useEffect(() => {
    setResults(null);
    setError(null);
    setWaitingFor(null);
  }, [words, deskId]);

  // A story the person asked for arrives from the desk: open it then.
  useEffect(() => {
    if (!waitingFor) return undefined;
    return onAppEvent('drafts:changed', ({ ids }) => {
      if (!ids.includes(waitingFor)) return;
      setWaitingFor(null);
      onOpen(waitingFor);
    });
  }, [waitingFor, onOpen]);

  if (!isSignedIn(status) || words === '') return null;

  const search = async () => {
    setBusy(true);
    setError(null);
    const result = await call('desk:search', { query: words.slice(0, 200) });
    setBusy(false);
    if (result.ok) setResults({ query: words, stories: result.value.stories, scope: result.value.scope });
    else setError(`The desk archive could not be searched: ${result.error.message}`);
  };

  const open = async (story: Found) => {
    if (await isLocal(story.storyId)) {
      setWaitingFor(null);
      onOpen(story.storyId);
    } else setWaitingFor(story.storyId);
  };

  return (
    <section className="nd-archive" aria-label="Desk archive" data-testid="desk-archive">
      <button type="button" className="nd-button nd-button--small nd-archive__ask" disabled={busy} aria-busy={busy} onClick={() => void search()}>
        {busy ? 'Searching the desk…' : `Search the desk archive for “${words}”`}
      </button>
      {error && (
        <p className="nd-list__error" role="alert">
          {error}
        </p>
      )}
      {results && (
        <>
          <p className="nd-archive__count" role="status">
            {archiveCountLine(results.stories.length, results.scope)}
          </p>
          <ul className="nd-archive__items" aria-label="Desk archive results">
            {results.stories.map((story) => (
              <li key={story.storyId} className="nd-archive__item" data-testid="archive-item">
                <button type="button" className="nd-archive__open" onClick={() => void open(story)}>
                  <span className="nd-draft__headline">{story.headline.trim() || 'Untitled'}</span>
                  <span className="nd-archive__snippet">
                    {snippetParts(story.snippet).map((part, index) => (part.hit ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
                  </span>
                  <span className="nd-draft__meta nd-draft__meta--quiet">
                    {[story.section, story.status, formatFull(story.updated)].filter(Boolean).join(' · ')}
                  </span>
                </button>
                {waitingFor === story.storyId && (
                  <p className="nd-archive__waiting" role="status">
                    Not on this machine yet: it opens as soon as the desk has sent it{status.state === 'offline' ? ' (the desk cannot be reached now)' : ''}.
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
