import { z } from 'zod';
import { IsoTime } from './article';
import { CorrectionKind, CorrectionText } from './corrections';
import { PhotoUse } from './photo-use';

export const VIDEO_SCHEMA_VERSION = 1;

export const VideoId = z.string().regex(/^[a-z0-9][a-z0-9-]{7,63}$/, 'Not a valid video id');
export type VideoId = z.infer<typeof VideoId>;

const HttpsUrl = z.url({ protocol: /^https$/, hostname: z.regexes.domain }).max(2000);

/**
 * Where the video plays. Embed code is never stored as HTML: only the player's https address, its
 * size and title are kept (see shared/rules/video-embed.ts), and the player is rebuilt from them.
 */
export const VideoSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('url'), url: HttpsUrl }).strict(),
  z
    .object({
      kind: z.literal('embed'),
      src: HttpsUrl,
      title: z.string().max(300),
      width: z.number().int().min(1).max(4000).nullable(),
      height: z.number().int().min(1).max(4000).nullable(),
    })
    .strict(),
]);
export type VideoSource = z.infer<typeof VideoSource>;

/**
 * A correction or update note of a published video, in the house format: the label ("Correction,
 * 7 Dec 2026:") is fixed when the note is added, in the desk's zone, like the line a story gets.
 */
export const VideoNote = z.object({ kind: CorrectionKind, at: IsoTime, label: z.string().max(100), text: CorrectionText }).strict();
export type VideoNote = z.infer<typeof VideoNote>;

/** A video item of a feed: headline, blurb, a credited poster from the photo library, the player. */
export const VideoItem = z.object({
  schemaVersion: z.literal(VIDEO_SCHEMA_VERSION),
  id: VideoId,
  headline: z.string().max(500),
  blurb: z.string().max(2000),
  poster: PhotoUse.nullable(),
  source: VideoSource.nullable(),
  durationSeconds: z.number().int().min(1).max(24 * 3600).nullable(),
  /** Corrections and update notes, oldest first; shown after the player on the site (absent in files written before them). */
  notes: z.array(VideoNote).max(200).optional(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type VideoItem = z.infer<typeof VideoItem>;

/** "m:ss" or "h:mm:ss", as players show it. */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Reads "1:05", "01:02:03" or "95" (seconds); null when it is not a duration. */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,5}(:\d{1,2}){0,2}$/.test(trimmed)) return null;
  const parts = trimmed.split(':').map(Number);
  if (parts.slice(1).some((part) => part > 59)) return null;
  const seconds = parts.reduce((total, part) => total * 60 + part, 0);
  return seconds >= 1 && seconds <= 24 * 3600 ? seconds : null;
}
