import type { BoardItem, ItemKey } from '../../../../shared/model/placement';
import { refOfKey } from '../../../../shared/model/placement';
import type { VideoItem } from '../../../../shared/model/video';
import type { DraftSummary } from '../../../../shared/model/article';
import type { DraftStore } from '../drafts/types';
import type { VideoStore } from './video-store';

/** A card's facts for items whose article or video is gone entirely: no time is known. */
const UNKNOWN_TIME = new Date(0).toISOString();

/** A video is ready once readers would see a whole item: a headline, a credited poster and a player. */
export function videoStatus(video: VideoItem): 'draft' | 'ready' {
  const credited = video.poster !== null && video.poster.credit.trim() !== '';
  return video.headline.trim() !== '' && credited && video.source !== null ? 'ready' : 'draft';
}

export function articleCard(summary: DraftSummary, missing: boolean): BoardItem {
  return {
    key: `article:${summary.id}`,
    kind: 'article',
    headline: summary.headline,
    status: summary.status,
    photoId: summary.leadPhotoId,
    wordCount: summary.wordCount,
    updatedAt: summary.updatedAt,
    missing,
  };
}

export function videoCard(video: VideoItem): BoardItem {
  return {
    key: `video:${video.id}`,
    kind: 'video',
    headline: video.headline,
    status: videoStatus(video),
    photoId: video.poster?.photoId ?? null,
    // Videos have no text to count; the card shows the duration instead.
    wordCount: 0,
    updatedAt: video.updatedAt,
    missing: false,
  };
}

/**
 * Cards for placed items, from the drafts' in-memory summaries and the video store: the board
 * never opens an article file. A trashed article keeps its headline and shows as missing, so the
 * desk sees what to take out of the feed.
 */
export function boardItems(keys: Iterable<ItemKey>, drafts: DraftStore, videos: VideoStore): BoardItem[] {
  const items: BoardItem[] = [];
  for (const key of keys) {
    const ref = refOfKey(key);
    if (ref.kind === 'article') {
      const found = drafts.summaryById(ref.id);
      items.push(found ? articleCard(found.summary, found.location === 'trash') : goneCard(key, 'article'));
    } else {
      const video = videos.find(ref.id);
      items.push(video ? videoCard(video) : goneCard(key, 'video'));
    }
  }
  return items;
}

function goneCard(key: ItemKey, kind: 'article' | 'video'): BoardItem {
  return { key, kind, headline: '', status: 'draft', photoId: null, wordCount: 0, updatedAt: UNKNOWN_TIME, missing: true };
}
