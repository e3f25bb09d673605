import { useMemo, useState } from 'react';
import type { ConflictChoice } from '../../../../shared/ipc/publishing-contract';
import type { ConflictVersions, PublishJob } from '../../../../shared/model/publishing';
import { messageOf } from '../../api/newsdesk';
import { ModalDialog } from '../../ui/components/ModalDialog';
import { formatFull } from '../../ui/time';
import { compareVersions, textOf, type ShownBlock } from './conflict-diff';
import { headlineOf } from './job-display';

interface ConflictDialogProps {
  job: PublishJob;
  siteName: string;
  /** Sends the choice; rejects with a readable message. */
  onResolve(choice: ConflictChoice): Promise<void>;
  onClose(): void;
}

/** WordPress writes GMT times without a zone ("2025-03-01T10:00:00"). */
function gmtTime(value: string): string {
  if (!value) return 'an unknown time';
  return formatFull(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
}

const CHOICES: { choice: ConflictChoice; label: string; explains: string; tone: string }[] = [
  {
    choice: 'overwrite',
    label: 'Overwrite the site’s version',
    explains: 'Sends the Newsdesk version now. The changes made on the site are replaced.',
    tone: 'nd-button--danger',
  },
  {
    choice: 'takeRemote',
    label: 'Take the site’s version as a new revision',
    explains: 'The site’s title, excerpt and text become the current version in Newsdesk; the present one stays in the article’s revisions. Nothing is sent.',
    tone: 'nd-button--primary',
  },
  {
    choice: 'cancel',
    label: 'Cancel publishing',
    explains: 'Stops this job. Both versions stay as they are.',
    tone: '',
  },
];

function Version({ side, title, excerpt, blocks, titleChanged, excerptChanged, meta }: {
  side: 'remote' | 'local';
  title: string;
  excerpt: string;
  blocks: ShownBlock[];
  titleChanged: boolean;
  excerptChanged: boolean;
  meta: React.ReactNode;
}) {
  return (
    <section className={`nd-conflict__version nd-conflict__version--${side}`} aria-label={side === 'remote' ? 'On the site' : 'In Newsdesk'} data-testid={`conflict-${side}`}>
      <header className="nd-conflict__side-head">
        <h3>{side === 'remote' ? 'On the site' : 'In Newsdesk'}</h3>
        <p className="nd-conflict__meta">{meta}</p>
      </header>
      <div className="nd-conflict__scroll">
        <p className="nd-conflict__label">Title</p>
        <h4 className={`nd-conflict__title${titleChanged ? ' is-changed' : ''}`} data-testid="conflict-title">
          {title || 'Untitled'}
        </h4>
        <p className="nd-conflict__label">Excerpt</p>
        <p className={`nd-conflict__excerpt${excerptChanged ? ' is-changed' : ''}`} data-testid="conflict-excerpt">
          {excerpt || <span className="nd-conflict__none">No excerpt</span>}
        </p>
        <p className="nd-conflict__label">Text</p>
        <div className="nd-conflict__text" data-testid="conflict-text">
          {blocks.length === 0 && <p className="nd-conflict__none">No text</p>}
          {blocks.map((block, index) => (
            // The HTML was sanitized to text tags only (conflict-diff.ts); nothing in it can run or load.
            <div key={index} className={`nd-conflict__block${block.changed ? ' is-changed' : ''}`} data-changed={block.changed || undefined} dangerouslySetInnerHTML={{ __html: block.html }} />
          ))}
        </div>
      </div>
    </section>
  );
}

function Comparison({ conflict }: { conflict: ConflictVersions }) {
  const { remote, local } = conflict;
  const shown = useMemo(() => {
    const blocks = compareVersions(remote.html, local.html);
    return { ...blocks, remoteExcerpt: textOf(remote.excerpt), localExcerpt: textOf(local.excerpt), remoteTitle: textOf(remote.title), localTitle: textOf(local.title) };
  }, [remote, local]);
  const titleChanged = shown.remoteTitle !== shown.localTitle;
  const excerptChanged = shown.remoteExcerpt !== shown.localExcerpt;
  return (
    <div className="nd-conflict__sides">
      <Version
        side="remote"
        title={shown.remoteTitle}
        excerpt={shown.remoteExcerpt}
        blocks={shown.remote}
        titleChanged={titleChanged}
        excerptChanged={excerptChanged}
        meta={
          <>
            Changed {gmtTime(remote.modifiedGmt)}
            {remote.link && (
              <>
                {' · '}
                <a href={remote.link} target="_blank" rel="noreferrer">
                  Open on the site
                </a>
              </>
            )}
          </>
        }
      />
      <Version side="local" title={shown.localTitle} excerpt={shown.localExcerpt} blocks={shown.local} titleChanged={titleChanged} excerptChanged={excerptChanged} meta="What Newsdesk would send" />
    </div>
  );
}

/**
 * The post was edited in the CMS after Newsdesk last sent it: both versions side by side, what
 * differs marked, and the three ways out, each saying what it does before it is chosen.
 */
export function ConflictDialog({ job, siteName, onResolve, onClose }: ConflictDialogProps) {
  const [busy, setBusy] = useState<ConflictChoice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const conflict = job.conflict;
  const waiting = job.state === 'conflict' && conflict !== null;

  const choose = async (choice: ConflictChoice) => {
    setBusy(choice);
    setError(null);
    try {
      await onResolve(choice);
      onClose();
    } catch (cause) {
      setError(messageOf(cause));
      setBusy(null);
    }
  };

  return (
    <ModalDialog className="nd-conflict" testId="conflict-view" title={`“${headlineOf(job)}” was changed on ${siteName}`} closeLabel="Close without deciding" error={error} onClose={onClose}>
      <div className="nd-conflict__body">
        {waiting ? (
          <>
            <p className="nd-conflict__intro">
              Someone edited the post on the site after Newsdesk last sent it ({gmtTime(conflict.knownModifiedGmt)}). Nothing has been sent. Paragraphs that differ are marked.
            </p>
            <Comparison conflict={conflict} />
          </>
        ) : (
          <p className="nd-conflict__intro">This job is no longer waiting for a decision ({job.state}).</p>
        )}
      </div>
      <footer className="nd-conflict__choices">
        {CHOICES.map(({ choice, label, explains, tone }) => (
          <div key={choice} className="nd-conflict__choice">
            <button type="button" className={`nd-button ${tone}`} disabled={!waiting || busy !== null} aria-describedby={`nd-conflict-${choice}`} onClick={() => void choose(choice)}>
              {busy === choice ? 'Working…' : label}
            </button>
            <p id={`nd-conflict-${choice}`} className="nd-conflict__explains">
              {explains}
            </p>
          </div>
        ))}
      </footer>
    </ModalDialog>
  );
}
