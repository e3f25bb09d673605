import { useEffect, useState } from 'react';
import type { Photo } from '../../../../shared/model/photo';
import type { KilledPhotoArticle, KilledPhotoPlace, KilledPhotoPost, PhotoKillFindings } from '../../../../shared/model/photo-kill';
import { photoDisplayName } from '../../../../shared/rules/photo-use';
import { messageOf, request } from '../../api/newsdesk';
import { ModalDialog } from '../../ui/components/ModalDialog';
import { PhotoPickerDialog } from './PhotoPickerDialog';

interface KillPhotoDialogProps {
  photo: Photo;
  onClose(): void;
  /** The photo as stored once killed (its copies by transmission reference too). */
  onKilled(photos: Photo[]): void;
}

const PLACE_LABELS: Record<KilledPhotoPlace, string> = { lead: 'lead photo', body: 'in the text', social: 'social image' };

/** What happened to one post or story, said in its row once the editor acted. */
type Done = Record<string, string>;

function PostRow({ article, post, done, onRetract }: { article: KilledPhotoArticle; post: KilledPhotoPost; done: Done; onRetract(): void }) {
  const key = `${article.articleId}/${post.targetId}`;
  return (
    <li className="nd-photo-kill__post" data-testid="photo-kill-post">
      <span>
        <strong>{post.targetName}</strong> <span className="nd-retract__url">{post.link || 'address not known'}</span>
      </span>
      {!post.live ? (
        <span className="nd-field__hint">Already off the site.</span>
      ) : done[key] ? (
        <span className="nd-field__hint" role="status">
          {done[key]}
        </span>
      ) : (
        <button type="button" className="nd-button nd-button--small nd-button--danger" onClick={onRetract}>
          Retract the story
        </button>
      )}
    </li>
  );
}

/**
 * A photo kill (an agency withdraws a picture): first the reason, then everything the kill reaches,
 * the photo and its copies by transmission reference: each story using it with its posts, where the
 * editor retracts the story from a site or replaces the photo (pushed as an update wherever the
 * story is live), and the videos whose poster it is.
 */
export function KillPhotoDialog({ photo, onClose, onKilled }: KillPhotoDialogProps) {
  const [reason, setReason] = useState('');
  const [findings, setFindings] = useState<PhotoKillFindings | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Done>({});
  const [replacing, setReplacing] = useState<KilledPhotoArticle | null>(null);
  const name = photoDisplayName(photo);
  const reference = photo.metadata.transmissionReference.trim();

  // A photo killed earlier opens on what it still reaches.
  useEffect(() => {
    if (!photo.kill) return;
    request('photoKill:find', { photoId: photo.id }).then(setFindings, (cause: unknown) => setError(messageOf(cause)));
  }, [photo]);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (cause) {
      setError(messageOf(cause));
    } finally {
      setBusy(false);
    }
  };

  const kill = () =>
    act(async () => {
      const result = await request('photoKill:kill', { photoId: photo.id, reason });
      setFindings(result.findings);
      onKilled(result.photos);
    });

  const retract = (article: KilledPhotoArticle, post: KilledPhotoPost) =>
    act(async () => {
      await request('publish:retract', { articleId: article.articleId, targetId: post.targetId, as: 'draft' });
      setDone((before) => ({ ...before, [`${article.articleId}/${post.targetId}`]: 'Retract queued in the outbox.' }));
    });

  const replace = (article: KilledPhotoArticle, replacement: Photo) =>
    act(async () => {
      const result = await request('photoKill:replace', { articleId: article.articleId, photoId: article.photoId, replacementId: replacement.id });
      const pushed = result.jobs.length === 0 ? 'Replaced in the story; it is not live anywhere.' : `Replaced; update queued for ${result.jobs.length} ${result.jobs.length === 1 ? 'site' : 'sites'}.`;
      setDone((before) => ({ ...before, [article.articleId]: [pushed, ...result.notPushed].join(' ') }));
    });

  return (
    <ModalDialog className="nd-retract nd-photo-kill" testId="kill-photo-dialog" title={`Kill “${name}”?`} closeLabel="Close" error={error} onClose={onClose}>
      <div className="nd-retract__body">
        {findings === null ? (
          <>
            <p>
              The photo stays in the library with the notice, but it can no longer be placed or published.
              {reference ? ` Every copy with the transmission reference “${reference}” is killed with it.` : ' It has no transmission reference, so only this copy is killed.'}
            </p>
            <label className="nd-field">
              <span className="nd-field__label">Reason (from the kill notice)</span>
              <textarea className="nd-input" rows={3} maxLength={2000} value={reason} onChange={(event) => setReason(event.target.value)} />
            </label>
          </>
        ) : (
          <FindingsList findings={findings} done={done} onRetract={(article, post) => void retract(article, post)} onReplace={setReplacing} />
        )}
      </div>
      <footer className="nd-dialog__foot">
        <button type="button" className="nd-button" onClick={onClose}>
          {findings === null ? 'Keep the photo' : 'Done'}
        </button>
        {findings === null && (
          <button type="button" className="nd-button nd-button--danger" disabled={busy || reason.trim() === ''} onClick={() => void kill()}>
            {busy ? 'Killing…' : 'Kill the photo'}
          </button>
        )}
      </footer>
      <PhotoPickerDialog
        open={replacing !== null}
        title="Choose the replacement photo"
        onPick={(replacement) => {
          const article = replacing;
          setReplacing(null);
          if (article) void replace(article, replacement);
        }}
        onClose={() => setReplacing(null)}
      />
    </ModalDialog>
  );
}

function FindingsList({
  findings,
  done,
  onRetract,
  onReplace,
}: {
  findings: PhotoKillFindings;
  done: Done;
  onRetract(article: KilledPhotoArticle, post: KilledPhotoPost): void;
  onReplace(article: KilledPhotoArticle): void;
}) {
  if (findings.articles.length === 0 && findings.videos.length === 0) {
    return <p data-testid="photo-kill-unused">The photo is killed. No story or video uses it.</p>;
  }
  return (
    <>
      <p>The photo is killed. For each post, retract the story, or replace the photo in the story: the update goes to every site where it is live.</p>
      <ul className="nd-photo-kill__list">
        {findings.articles.map((article) => (
          <li key={article.articleId} className="nd-photo-kill__story" data-testid="photo-kill-story">
            <div className="nd-photo-kill__story-head">
              <span>
                <strong>{article.headline}</strong> <span className="nd-field__hint">({article.places.map((place) => PLACE_LABELS[place]).join(', ')})</span>
              </span>
              {done[article.articleId] ? (
                <span className="nd-field__hint" role="status">
                  {done[article.articleId]}
                </span>
              ) : (
                <button type="button" className="nd-button nd-button--small" onClick={() => onReplace(article)}>
                  Replace the photo…
                </button>
              )}
            </div>
            {article.posts.length === 0 ? (
              <p className="nd-field__hint">Not on any site.</p>
            ) : (
              <ul className="nd-photo-kill__posts">
                {article.posts.map((post) => (
                  <PostRow key={post.targetId} article={article} post={post} done={done} onRetract={() => onRetract(article, post)} />
                ))}
              </ul>
            )}
          </li>
        ))}
        {findings.videos.map((video) => (
          <li key={video.videoId} className="nd-photo-kill__story" data-testid="photo-kill-video">
            <strong>{video.headline}</strong> <span className="nd-field__hint">(video poster: choose another poster in the video)</span>
          </li>
        ))}
      </ul>
    </>
  );
}
