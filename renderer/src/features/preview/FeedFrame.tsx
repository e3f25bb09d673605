import type { ReactNode } from 'react';
import type { ItemContent } from '../../../../shared/ipc/feeds-contract';
import type { Feed } from '../../../../shared/model/feed';
import type { ItemKey } from '../../../../shared/model/placement';
import { itemLabel } from '../../../../shared/rules/placement';
import { ArticleItem } from './ArticleItem';
import { ScaledPage } from './ScaledPage';
import { VideoItemView } from './VideoItemView';

export interface FramedFeed {
  feed: Feed;
  /** The keys of the pages shown so far, in reading order. */
  keys: readonly ItemKey[];
  /** undefined: still being read; null: gone since the board was read (left out, as on the site). */
  contentOf(key: ItemKey): ItemContent | null | undefined;
  hasMore: boolean;
  onShowMore(): void;
  /** What to say when no item is live (null while there are items to show). */
  empty: ReactNode;
}

interface FeedFrameProps extends FramedFeed {
  /** data-testid of the frame: preview-desktop or preview-phone. */
  testId: string;
  /** "Desktop" or "Phone", with the width, above the frame. */
  title: string;
  /** The page's layout width: 1000 for the desktop site, 375 for a phone. */
  width: number;
  device: 'desktop' | 'phone';
}

export function FeedItemView({ content, feed }: { content: ItemContent; feed: Feed }) {
  return content.kind === 'article' ? (
    <ArticleItem article={content.article} label={itemLabel(feed, 'article')} />
  ) : (
    <VideoItemView video={content.video} label={itemLabel(feed, 'video')} />
  );
}

/**
 * The feed as one device shows it. Items render in order up to the first one still being read, so
 * the order never jumps while a page arrives; the page's own stylesheet reflows it by its width
 * (container queries on .nd-reader-page), not by the window's.
 */
export function FeedFrame({ testId, title, width, device, feed, keys, contentOf, hasMore, onShowMore, empty }: FeedFrameProps) {
  const firstPending = keys.findIndex((key) => contentOf(key) === undefined);
  const ready = firstPending === -1 ? keys : keys.slice(0, firstPending);
  return (
    <section className={`nd-feed-frame nd-feed-frame--${device}`} aria-label={title} data-testid={testId}>
      <header className="nd-feed-frame__title">
        <span>{title}</span>
      </header>
      <div className="nd-feed-frame__screen">
        <ScaledPage width={width} className="nd-feed-frame__viewport">
          <div className="nd-reader-page">
            <div className="nd-reader-page__column">
              {empty}
              {ready.map((key) => {
                const content = contentOf(key);
                return content ? <FeedItemView key={key} content={content} feed={feed} /> : null;
              })}
              {firstPending !== -1 && (
                <p className="nd-reader-page__loading" role="status">
                  Loading…
                </p>
              )}
              {hasMore && firstPending === -1 && (
                <div className="nd-reader-page__more">
                  <button type="button" className="nd-reader-page__more-button" onClick={onShowMore}>
                    Show More
                  </button>
                </div>
              )}
            </div>
          </div>
        </ScaledPage>
      </div>
    </section>
  );
}
