import { join } from 'node:path';
import type { VideoItem } from '../../shared/model/video';
import { openVideoStore, type VideoStore } from '../../electron/main/services/feeds/video-store';
import { createJobPublisher } from '../../electron/main/services/publishing/job-publisher';
import type { Publisher } from '../../electron/main/services/publishing/outbox/publisher';
import type { PublishingDesk } from './wordpress-publish-helpers';

/** A publishing desk's video items, and the publisher the app builds (which also knows them). */
export interface VideoDesk {
  videos: VideoStore;
  publisher: Publisher;
  close(): Promise<void>;
}

export async function openVideoDesk(desk: PublishingDesk): Promise<VideoDesk> {
  const libraryDir = join(desk.dir, 'library');
  const videos = await openVideoStore(libraryDir, { quarantineDir: join(libraryDir, 'quarantine') });
  const publisher = createJobPublisher({ ...desk, videos, http: desk.http });
  return { videos, publisher, close: () => videos.close() };
}

/** A new video item saved with `fields`. */
export async function saveVideo(videos: VideoStore, fields: Partial<VideoItem>): Promise<VideoItem> {
  const created = await videos.create();
  return videos.save({ ...created, ...fields });
}

/** A YouTube player pasted as its embed code (reduced to the player's address, as the dialog stores it). */
export const YOUTUBE_PLAYER: VideoItem['source'] = {
  kind: 'embed',
  src: 'https://www.youtube.com/embed/dQw4w9WgXcQ',
  title: 'Flood waters reach the old town',
  width: 560,
  height: 315,
};
export const YOUTUBE_PAGE = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
