import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useMemo, useState, useSyncExternalStore, type FormEvent } from 'react';
import { addReply, addThread, MAX_COMMENT_TEXT, setResolved, type CommentThread } from '../../../../../shared/desk/comments';
import { messageOf } from '../../../../../shared/model/errors';
import type { StoryLink } from '../../../editor/collab/story-link';
import { CommentThreadCard, type ThreadActions } from './CommentThreadCard';
import { markRange, readSelectedRange, unmarkThread, watchAnchors, type AnchorWatch, type PendingRange } from './comment-marks';
import { useCommentThreads } from './useCommentThreads';

/** The origin of this window's comment writes (sent to main like any local change). */
const LOCAL_COMMENTS = 'comments-panel';

const NO_ANCHORS: AnchorWatch = { anchors: new Map(), active: [] };

/** Applies a model call; its refusal (a sentence) is returned for the panel to show, never thrown. */
function attempt(action: () => unknown): string | null {
  try {
    action();
    return null;
  } catch (error) {
    return messageOf(error);
  }
}

/**
 * The story's comments beside the text: start a thread on the selected words, answer, resolve and
 * reopen, with @mentions of the people on the story. Lives inside the body editor's composer.
 */
export function CommentsPanel({ link }: { link: StoryLink }) {
  const [editor] = useLexicalComposerContext();
  const doc = link.provider.doc;
  const { threads, mentions, dismiss } = useCommentThreads(doc, link.name);
  const [watch, setWatch] = useState<AnchorWatch>(NO_ANCHORS);
  const [pending, setPending] = useState<PendingRange | null>(null);
  const [draft, setDraft] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [showResolved, setShowResolved] = useState(false);
  // Folded to a slim strip while the story has no open thread, so the text keeps its width.
  const [folded, setFolded] = useState<boolean | null>(null);
  const peopleKey = useSyncExternalStore(link.onPeople, () => link.people().map((person) => person.name).join('\n'));

  useEffect(() => watchAnchors(editor, setWatch), [editor]);

  // The marks of resolved threads stop being highlighted; the marks under the caret stand out.
  useEffect(() => {
    const resolved = new Set(threads.filter((thread) => thread.resolved).map((thread) => thread.id));
    const idsOfKey = new Map<string, string[]>();
    for (const [id, keys] of watch.anchors) for (const key of keys) idsOfKey.set(key, [...(idsOfKey.get(key) ?? []), id]);
    for (const [key, ids] of idsOfKey) {
      const element = editor.getElementByKey(key);
      element?.classList.toggle('nd-mark--resolved', ids.every((id) => resolved.has(id)));
      element?.classList.toggle('nd-mark--active', ids.some((id) => watch.active.includes(id)));
    }
  }, [editor, threads, watch]);

  // Who can be mentioned: the people in the story now and everyone who has commented on it.
  const people = useMemo(
    () => [...new Set([...peopleKey.split('\n'), ...threads.flatMap((thread) => thread.comments.map((comment) => comment.author))].filter(Boolean))],
    [peopleKey, threads],
  );
  const anchors = () => new Set(watch.anchors.keys());

  const actions: ThreadActions = {
    reply: (threadId, text) => attempt(() => addReply(doc, threadId, { author: link.name, text, people }, anchors(), LOCAL_COMMENTS)),
    setResolved: (threadId, resolved) => attempt(() => setResolved(doc, threadId, resolved, link.name, anchors(), LOCAL_COMMENTS)),
    show: (threadId) => editor.getElementByKey(watch.anchors.get(threadId)?.[0] ?? '')?.scrollIntoView({ block: 'center', behavior: 'smooth' }),
  };

  const start = () => {
    const range = readSelectedRange(editor);
    setMessage(range ? null : 'Select the words to comment on first.');
    setPending(range);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!pending) return;
    const text = draft.trim();
    // Checked before the words are marked, so a refused comment leaves no mark behind.
    if (text === '') return setMessage('A comment cannot be empty.');
    if (text.length > MAX_COMMENT_TEXT) return setMessage(`A comment is at most ${MAX_COMMENT_TEXT} characters.`);
    const threadId = `c-${crypto.randomUUID()}`;
    const outcome = markRange(editor, pending, threadId);
    if (outcome !== 'marked') {
      setMessage(outcome === 'changed' ? 'The selected words were changed meanwhile: select them again.' : 'The selected words are no longer in the story (deleted meanwhile): select them again.');
      setPending(null);
      return;
    }
    const refused = attempt(() => addThread(doc, threadId, pending.quote, { author: link.name, text, people }, new Set([...anchors(), threadId]), LOCAL_COMMENTS));
    if (refused !== null) unmarkThread(editor, threadId);
    setMessage(refused);
    if (refused === null) {
      setPending(null);
      setDraft('');
    }
  };

  const open = threads.filter((thread) => !thread.resolved);
  const resolved = threads.filter((thread) => thread.resolved);
  const card = (thread: CommentThread) => (
    <CommentThreadCard key={thread.id} thread={thread} anchored={watch.anchors.has(thread.id)} active={watch.active.includes(thread.id)} actions={actions} />
  );

  if (folded ?? (open.length === 0 && !pending)) {
    return (
      <aside className="nd-comments nd-comments--folded" aria-label="Comments" data-testid="comments-panel">
        <button
          type="button"
          className="nd-comments__unfold"
          title="Comments: select words in the text to comment on them"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            setFolded(false);
            if (readSelectedRange(editor)) start();
          }}
        >
          Comments{open.length > 0 ? ` (${open.length})` : ''}
        </button>
      </aside>
    );
  }

  return (
    <aside className="nd-comments" aria-label="Comments" data-testid="comments-panel">
      <header className="nd-comments__head">
        <h2 className="nd-comments__title">Comments{open.length > 0 ? ` (${open.length})` : ''}</h2>
        {/* mousedown would take the selection out of the text before it is read */}
        <button type="button" className="nd-button nd-button--small" onMouseDown={(event) => event.preventDefault()} onClick={start}>
          Comment
        </button>
        <button type="button" className="nd-button nd-button--small" aria-label="Fold the comments" title="Fold the comments" onClick={() => setFolded(true)}>
          ›
        </button>
      </header>
      {mentions.length > 0 && (
        <div className="nd-comments__mentions" role="status">
          {mentions.map((mention) => (
            <p key={mention.comment.id}>
              <strong>{mention.comment.author}</strong> mentioned you on “{mention.quote}”: {mention.comment.text}
            </p>
          ))}
          <button type="button" className="nd-button nd-button--small" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      )}
      {pending && (
        <form className="nd-comment nd-comment--new" onSubmit={submit} aria-label="New comment">
          <p className="nd-comment__quote">“{pending.quote.trim()}”</p>
          <textarea aria-label="Comment" placeholder="Comment… (@name to mention)" rows={3} autoFocus value={draft} onChange={(event) => setDraft(event.target.value)} />
          <div className="nd-comment__actions">
            <button type="submit" className="nd-button nd-button--small nd-button--primary">
              Add comment
            </button>
            <button type="button" className="nd-button nd-button--small" onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {message && (
        <p className="nd-comments__message" role="alert">
          {message}
        </p>
      )}
      {threads.length === 0 && !pending && <p className="nd-comments__empty">Select words in the text, then Comment. Comments stay on the desk: they are never published or exported.</p>}
      {open.map(card)}
      {resolved.length > 0 && (
        <button type="button" className="nd-comments__toggle" aria-expanded={showResolved} onClick={() => setShowResolved((shown) => !shown)}>
          {showResolved ? 'Hide' : 'Show'} resolved ({resolved.length})
        </button>
      )}
      {showResolved && resolved.map(card)}
    </aside>
  );
}
