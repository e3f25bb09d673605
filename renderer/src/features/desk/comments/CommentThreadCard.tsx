import { useState, type FormEvent } from 'react';
import type { CommentThread } from '../../../../../shared/desk/comments';

export interface ThreadActions {
  reply(threadId: string, text: string): string | null;
  setResolved(threadId: string, resolved: boolean): string | null;
  show(threadId: string): void;
}

const timeOf = (iso: string): string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
};

/** Puts each @mention in its own element, so it reads as a mention (and a screen reader says so). */
function CommentText({ text, mentions }: { text: string; mentions: readonly string[] }) {
  if (mentions.length === 0) return <>{text}</>;
  const pattern = new RegExp(`(@(?:${mentions.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')}))`, 'giu');
  return (
    <>
      {text.split(pattern).map((part, index) =>
        index % 2 === 1 ? (
          <span key={index} className="nd-comment__mention">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}

/**
 * One thread: the words it is on, its comments, and what may be done with it. A thread whose words
 * were deleted says so and offers no answer (the model refuses one too); it can still be resolved.
 */
export function CommentThreadCard({ thread, anchored, active, actions }: { thread: CommentThread; anchored: boolean; active: boolean; actions: ThreadActions }) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const refused = actions.reply(thread.id, draft);
    setError(refused);
    if (refused === null) setDraft('');
  };
  const toggle = () => setError(actions.setResolved(thread.id, !thread.resolved));
  const classes = ['nd-comment', thread.resolved && 'nd-comment--resolved', !anchored && 'nd-comment--orphaned', active && 'nd-comment--active'].filter(Boolean).join(' ');

  return (
    <article className={classes} aria-label={`Comment on “${thread.quote}”`} data-testid="comment-thread">
      <button type="button" className="nd-comment__quote" onClick={() => actions.show(thread.id)} disabled={!anchored} title={anchored ? 'Show the words in the text' : undefined}>
        “{thread.quote}”
      </button>
      {!anchored && (
        <p className="nd-comment__orphaned" role="note">
          The words this comment was on were deleted. It can be read and resolved, not answered.
        </p>
      )}
      <ol className="nd-comment__list">
        {thread.comments.map((comment) => (
          <li key={comment.id} className="nd-comment__item">
            <div className="nd-comment__meta">
              <strong>{comment.author}</strong> <time dateTime={comment.at}>{timeOf(comment.at)}</time>
            </div>
            <p className="nd-comment__text">
              <CommentText text={comment.text} mentions={comment.mentions} />
            </p>
          </li>
        ))}
      </ol>
      {thread.resolved && <p className="nd-comment__state">Resolved by {thread.resolvedBy ?? 'someone'}</p>}
      {!thread.resolved && anchored && (
        <form className="nd-comment__reply" onSubmit={submit}>
          <textarea
            aria-label="Reply"
            placeholder="Reply… (@name to mention)"
            rows={2}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) submit(event);
            }}
          />
          <button type="submit" className="nd-button nd-button--small" disabled={draft.trim() === ''}>
            Reply
          </button>
        </form>
      )}
      <div className="nd-comment__actions">
        <button
          type="button"
          className="nd-button nd-button--small"
          onClick={toggle}
          disabled={thread.resolved && !anchored}
          title={thread.resolved && !anchored ? 'Its words were deleted: there is nothing to reopen it on.' : undefined}
        >
          {thread.resolved ? 'Reopen' : 'Resolve'}
        </button>
      </div>
      {error && (
        <p className="nd-comment__error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
