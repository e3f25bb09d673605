import { formatDuration, type VideoItem } from '../../../../shared/model/video';
import { ReaderFigure } from './ReaderFigure';

interface VideoItemViewProps {
  video: VideoItem;
  /** "Video" (itemLabel gives video items their own label in every feed). */
  label: string;
}

/** The round play mark and the running time drawn over the poster, as players show them. */
function PlayMark({ duration }: { duration: string | null }) {
  return (
    <span className="nd-feed-item__play" aria-hidden="true">
      <svg viewBox="0 0 48 48" width={56} height={56}>
        <circle cx="24" cy="24" r="23" />
        <path d="M19 15.5v17l14-8.5z" />
      </svg>
      {duration && <span className="nd-feed-item__play-time">{duration}</span>}
    </span>
  );
}

/**
 * A video item in a feed: its label, headline, the credited poster with a play mark, the blurb and
 * the running time. The preview is built from local data only, so the player is never loaded here
 * (no iframe, no request to the video's host): the poster stands in for it, as on a page before
 * the reader presses play.
 */
export function VideoItemView({ video, label }: VideoItemViewProps) {
  const duration = video.durationSeconds ? formatDuration(video.durationSeconds) : null;
  return (
    <article className="nd-feed-item nd-feed-item--video" data-testid="feed-item" data-kind="video" data-item-id={video.id}>
      <p className="nd-feed-item__label" data-testid="feed-item-label">
        {label}
      </p>
      <h2 className="nd-feed-item__headline" data-testid="feed-item-headline">
        {video.headline.trim() || 'Untitled video'}
      </h2>
      {video.poster ? (
        <ReaderFigure use={video.poster} className="nd-feed-item__poster" testId="feed-item-poster" overlay={<PlayMark duration={duration} />} />
      ) : (
        <div className="nd-feed-item__poster nd-feed-item__poster--none" data-testid="feed-item-poster">
          <div className="nd-reader-figure__media">
            <span className="nd-feed-item__no-poster">No poster yet</span>
            <PlayMark duration={duration} />
          </div>
        </div>
      )}
      {video.blurb.trim() && (
        <p className="nd-feed-item__blurb" data-testid="feed-item-blurb">
          {video.blurb}
        </p>
      )}
      <p className="nd-feed-item__plays" data-testid="feed-item-duration">
        <span>Video{duration ? ` · ${duration}` : ''}</span>
        <span className="nd-feed-item__plays-note">Plays on the site</span>
      </p>
    </article>
  );
}
