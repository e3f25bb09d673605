import { useEffect, useState } from 'react';
import type { Photo } from '../../../../shared/model/photo';
import type { KilledPhotoPlace, KilledPhotoPost, PhotoKillFindings } from '../../../../shared/model/photo-kill';
import { publisherOnly } from '../../../../shared/desk/publisher-gates';
import { photoDisplayName } from '../../../../shared/rules/photo-use';
import { messageOf, request } from '../../api/newsdesk';
import { ModalDialog } from '../../ui/components/ModalDialog';
import { usePublisherRight } from '../desk';
import { PhotoPickerDialog } from './PhotoPickerDialog';

interface KillPhotoDialogProps {
  photo: Photo;
  onClose(): void;
  /** The photo as stored once killed (its copies by transmission reference too). */
  onKilled(photos: Photo[]): void;
}

const PLACE_LABELS: Record<KilledPhotoPlace, string> = { lead: 'lead photo', body: 'in the text', social: 'social image' };

/** What happened to one post, story or video, said in its row once the editor acted. */
type Done = Record<string, string>;

/** A story or a video the kill reaches: its id, the killed photo (or copy) it uses, and which kind it is. */
interface Reached {
  id: string;
  photoId: string;
  itemKind?: 'video';
}

function PostRow({ item, post, done, onRetract }: { item: Reached; post: KilledPhotoPost; done: Done; onRetract(): void }) {
  const key = `${item.id}/${post.targetId}`;
  // A desk story is taken off a site only by a publisher, as in the Retract dialog (a video item is
  // never a desk story); main asks the desk again when the retract is queued.
  const right = usePublisherRight(item.itemKind === 'video' ? null : item.id, publisherOnly('retract'));
  const offerRetract = post.live && !done[key];
  return (
    <li className="nd-photo-kill__post" data-testid="photo-kill-post">
      <span>
        <strong>{post.targetName}</strong> <span className="nd-retract__url">{post.link || 'address not known'}</span>
        {offerRetract && right.reason && (
          <span className="nd-field__hint nd-photo-kill__closed" data-testid="photo-kill-retract-closed">
            {right.reason}
          </span>
        )}
      </span>
      {!post.live ? (
        <span className="nd-field__hint">Already off the site.</span>
      ) : done[key] ? (
        <span className="nd-field__hint" role="status">
          {done[key]}
        </span>
      ) : (
        <button type="button" className="nd-button nd-button--small nd-button--danger" disabled={!right.allowed} title={right.reason ?? undefined} onClick={onRetract}>
          {item.itemKind === 'video' ? 'Retract the video' : 'Retract the story'}
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
  const [replacing, setReplacing] = useState<Reached | null>(null);
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

  const retract = (item: Reached, post: KilledPhotoPost) =>
    act(async () => {
      await request('publish:retract', { articleId: item.id, ...(item.itemKind ? { itemKind: item.itemKind } : {}), targetId: post.targetId, as: 'draft' });
      setDone((before) => ({ ...before, [`${item.id}/${post.targetId}`]: 'Retract queued in the outbox.' }));
    });

  const replace = (item: Reached, replacement: Photo) =>
    act(async () => {
      const result = await request('photoKill:replace', { articleId: item.id, ...(item.itemKind ? { itemKind: item.itemKind } : {}), photoId: item.photoId, replacementId: replacement.id });
      const where = item.itemKind === 'video' ? 'the video' : 'the story';
      const pushed = result.jobs.length === 0 ? `Replaced in ${where}; it is not live anywhere.` : `Replaced; update queued for ${result.jobs.length} ${result.jobs.length === 1 ? 'site' : 'sites'}.`;
      setDone((before) => ({ ...before, [item.id]: [pushed, ...result.notPushed].join(' ') }));
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
          <FindingsList findings={findings} done={done} onRetract={(item, post) => void retract(item, post)} onReplace={setReplacing} />
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
        title={replacing?.itemKind === 'video' ? 'Choose the new poster' : 'Choose the replacement photo'}
        onPick={(replacement) => {
          const item = replacing;
          setReplacing(null);
          if (item) void replace(item, replacement);
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
  onRetract(item: Reached, post: KilledPhotoPost): void;
  onReplace(item: Reached): void;
}) {
  if (findings.articles.length === 0 && findings.videos.length === 0) {
    return <p data-testid="photo-kill-unused">The photo is killed. No story or video uses it.</p>;
  }
  const rows: { item: Reached; headline: string; where: string; posts: KilledPhotoPost[] }[] = [
    ...findings.articles.map((article) => ({
      item: { id: article.articleId, photoId: article.photoId },
      headline: article.headline,
      where: article.places.map((place) => PLACE_LABELS[place]).join(', '),
      posts: article.posts,
    })),
    ...findings.videos.map((video) => ({ item: { id: video.videoId, photoId: video.photoId, itemKind: 'video' as const }, headline: video.headline, where: 'video poster', posts: video.posts })),
  ];
  return (
    <>
      <p>The photo is killed. For each post, retract the story or video, or replace the photo in it: the update goes to every site where it is live.</p>
      <ul className="nd-photo-kill__list">
        {rows.map(({ item, headline, where, posts }) => (
          <li key={item.id} className="nd-photo-kill__story" data-testid={item.itemKind === 'video' ? 'photo-kill-video' : 'photo-kill-story'}>
            <div className="nd-photo-kill__story-head">
              <span>
                <strong>{headline}</strong> <span className="nd-field__hint">({where})</span>
              </span>
              {done[item.id] ? (
                <span className="nd-field__hint" role="status">
                  {done[item.id]}
                </span>
              ) : (
                <button type="button" className="nd-button nd-button--small" onClick={() => onReplace(item)}>
                  {item.itemKind === 'video' ? 'Replace the poster…' : 'Replace the photo…'}
                </button>
              )}
            </div>
            {posts.length === 0 ? (
              <p className="nd-field__hint">Not on any site.</p>
            ) : (
              <ul className="nd-photo-kill__posts">
                {posts.map((post) => (
                  <PostRow key={post.targetId} item={item} post={post} done={done} onRetract={() => onRetract(item, post)} />
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
