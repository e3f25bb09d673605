import { useEffect, useState } from 'react';
import type { ItemContent } from '../../../../shared/ipc/feeds-contract';
import { VIDEO_ITEM_LABEL } from '../../../../shared/model/feed';
import type { ItemKey } from '../../../../shared/model/placement';
import { bodyStats } from '../../../../shared/rules/text';
import { messageOf, request } from '../../api/newsdesk';
import { ModalDialog } from '../../ui/components/ModalDialog';
import { ArticlePreview } from './ArticlePreview';
import { VideoItemView } from './VideoItemView';

type Loaded = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'gone' } | { state: 'ready'; content: ItemContent };

function titleOf(loaded: Loaded): string {
  if (loaded.state !== 'ready') return 'Reader preview';
  const headline = loaded.content.kind === 'article' ? loaded.content.article.headline : loaded.content.video.headline;
  return headline.trim() ? `Reader preview: ${headline.trim()}` : 'Reader preview';
}

/**
 * One article or video as a reader sees it: for an article the full page the drafting desk
 * previews (lead photo, text with inline photos, each "caption (credit)", the author cards), for a
 * video its poster, blurb and running time. Read from main as stored; Close or Esc leaves.
 */
export function ItemPreview({ itemKey, onClose }: { itemKey: ItemKey; onClose(): void }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setLoaded({ state: 'loading' });
    request('board:contents', { keys: [itemKey] })
      .then(([content]) => {
        if (live) setLoaded(content ? { state: 'ready', content } : { state: 'gone' });
      })
      .catch((error: unknown) => {
        if (live) setLoaded({ state: 'failed', message: `The item could not be read: ${messageOf(error)}` });
      });
    return () => {
      live = false;
    };
  }, [itemKey, attempt]);

  return (
    <ModalDialog className="nd-item-preview" testId="item-preview" title={titleOf(loaded)} closeLabel="Close" onClose={onClose}>
      {loaded.state === 'loading' && (
        <p className="nd-item-preview__note" role="status">
          Loading…
        </p>
      )}
      {loaded.state === 'gone' && <p className="nd-item-preview__note">This item is no longer on the desk (it may have been moved to the trash).</p>}
      {loaded.state === 'failed' && (
        <p className="nd-item-preview__note" role="alert">
          {loaded.message}{' '}
          <button type="button" className="nd-button" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </p>
      )}
      {loaded.state === 'ready' && loaded.content.kind === 'article' && (
        <ArticlePreview article={loaded.content.article} body={loaded.content.article.body} readTime={bodyStats(loaded.content.article.body).label} />
      )}
      {loaded.state === 'ready' && loaded.content.kind === 'video' && (
        <div className="nd-preview-scroll">
          <div className="nd-reader-page nd-reader-page--single">
            <div className="nd-reader-page__column">
              <VideoItemView video={loaded.content.video} label={VIDEO_ITEM_LABEL} />
            </div>
          </div>
        </div>
      )}
    </ModalDialog>
  );
}
