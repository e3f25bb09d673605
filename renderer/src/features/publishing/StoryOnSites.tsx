import { useCallback, useEffect, useState } from 'react';
import type { StoryOnSite } from '../../../../shared/ipc/publishing-contract';
import type { CorrectionEntry } from '../../../../shared/model/corrections';
import { messageOf, request } from '../../api/newsdesk';
import { formatFull } from '../../ui/time';
import { useOutbox } from './OutboxContext';

interface StoryOnSitesProps {
  articleId: string;
  onRetract(site: StoryOnSite): void;
  /** Absent: no Kill… (a video item's post is retracted, not killed). */
  onKill?(site: StoryOnSite): void;
  /** Absent: no corrections section (a video item has no text to append a note to). */
  onCorrect?(): void;
  /** Read again when this changes (a note was added, a dialog closed). */
  revision: number;
}

const RETRACTED_AS = { draft: 'back to a draft', trash: 'moved to the trash' } as const;

/**
 * Where the story is now (each site it went to, live or retracted, with its address and history)
 * and its corrections log, in the Publish panel. Read again whenever the outbox changes, so a
 * retract or an update shows here as soon as the site has it.
 */
export function StoryOnSites({ articleId, onRetract, onKill, onCorrect, revision }: StoryOnSitesProps) {
  const { jobs } = useOutbox();
  const [sites, setSites] = useState<StoryOnSite[]>([]);
  const [notes, setNotes] = useState<CorrectionEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const finished = jobs.filter((job) => job.articleId === articleId && job.state === 'done').length;
  const pending = jobs.filter((job) => job.articleId === articleId && ['queued', 'running', 'waiting'].includes(job.state));

  const read = useCallback(async () => {
    try {
      const [onSites, log] = await Promise.all([request('publish:onSites', { articleId }), request('corrections:list', { articleId })]);
      setSites(onSites);
      setNotes(log);
      setError(null);
    } catch (cause) {
      setError(messageOf(cause));
    }
  }, [articleId]);

  useEffect(() => {
    void read();
  }, [read, finished, revision]);

  return (
    <section className="nd-story-life" data-testid="story-on-sites" aria-label="On the sites">
      <h3 className="nd-publish__section-title">On the sites</h3>
      {error && (
        <p className="nd-dialog__error" role="alert">
          {error}
        </p>
      )}
      {sites.length === 0 ? (
        <p className="nd-field__hint">Not on any site yet.</p>
      ) : (
        <ul className="nd-story-life__sites">
          {sites.map((site) => {
            const busy = pending.some((job) => job.targetId === site.targetId);
            const last = site.history.at(-1);
            return (
              <li key={site.targetId} className="nd-story-life__site" data-testid="story-site">
                <div className="nd-story-life__site-head">
                  <strong>{site.targetName}</strong>
                  <span className={`nd-chip ${site.retracted || site.killed ? 'nd-chip--retracted' : 'nd-chip--live'}`}>{site.retracted ? 'Retracted' : site.killed ? 'Killed' : 'On the site'}</span>
                  {!site.retracted && site.kind !== 'ninjs' && (
                    <button type="button" className="nd-button nd-button--small" disabled={busy} title={busy ? 'A job for this site is still in the outbox' : undefined} onClick={() => onRetract(site)}>
                      Retract…
                    </button>
                  )}
                  {onKill && !site.retracted && !site.killed && site.kind !== 'ninjs' && (
                    <button type="button" className="nd-button nd-button--small" disabled={busy} title={busy ? 'A job for this site is still in the outbox' : undefined} onClick={() => onKill(site)}>
                      Kill…
                    </button>
                  )}
                </div>
                {site.link && <p className="nd-story-life__link">{site.link}</p>}
                <p className="nd-field__hint">
                  {site.retracted
                    ? `Taken off the site ${formatFull(site.retracted.at)} (${RETRACTED_AS[site.retracted.as]}).`
                    : site.killed
                      ? `Replaced by the kill notice ${formatFull(site.killed.at)}.`
                      : last
                      ? `Last ${last.action} ${formatFull(last.at)}.`
                      : ''}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {onCorrect && (
        <>
          <div className="nd-story-life__notes-head">
            <h3 className="nd-publish__section-title">Corrections and updates</h3>
            <button type="button" className="nd-button nd-button--small" onClick={onCorrect}>
              Add correction or update…
            </button>
          </div>
          {notes.length === 0 ? (
            <p className="nd-field__hint">None yet.</p>
          ) : (
            <ol className="nd-story-life__notes" data-testid="corrections-log">
              {notes.map((note) => (
                <li key={note.id}>
                  <span className="nd-story-life__note-date">{formatFull(note.at)}</span> {note.line}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
