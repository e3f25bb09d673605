import type { PhotoUse } from '../../../../shared/model/photo-use';
import { formatDuration, parseDuration, type VideoItem, type VideoSource } from '../../../../shared/model/video';
import { parseVideoSource } from '../../../../shared/rules/video-embed';

/**
 * A video as the dialog edits it: the fields as typed. The player field is read with the shared
 * rule (shared/rules/video-embed.ts), which keeps only the player's https address, size and title;
 * the pasted text itself is never stored nor rendered.
 */
export interface VideoDraft {
  headline: string;
  blurb: string;
  poster: PhotoUse | null;
  /** What the player field shows: the stored player's address, or what was typed or pasted since. */
  sourceText: string;
  duration: string;
}

export const EMPTY_DRAFT: VideoDraft = { headline: '', blurb: '', poster: null, sourceText: '', duration: '' };

/** How the player field shows a stored player: its address (the embed code itself was never kept). */
export function sourceTextOf(source: VideoSource | null): string {
  return source === null ? '' : source.kind === 'url' ? source.url : source.src;
}

export function draftOf(video: VideoItem): VideoDraft {
  return {
    headline: video.headline,
    blurb: video.blurb,
    poster: video.poster,
    sourceText: sourceTextOf(video.source),
    duration: video.durationSeconds === null ? '' : formatDuration(video.durationSeconds),
  };
}

export type SourceReading = { ok: true; source: VideoSource | null } | { ok: false; message: string };

/**
 * The player the draft names. While the field still shows the stored player's address, the stored
 * player stays as it is (an embedded player keeps its size and title); an empty field means none.
 */
export function readSource(draft: VideoDraft, stored: VideoSource | null): SourceReading {
  const text = draft.sourceText.trim();
  if (stored !== null && text === sourceTextOf(stored)) return { ok: true, source: stored };
  if (text === '') return { ok: true, source: null };
  return parseVideoSource(draft.sourceText);
}

export type DurationReading = { ok: true; seconds: number | null } | { ok: false; message: string };

export function readDuration(text: string): DurationReading {
  if (text.trim() === '') return { ok: true, seconds: null };
  const seconds = parseDuration(text);
  return seconds === null ? { ok: false, message: 'Write the duration as m:ss (2:45) or h:mm:ss, up to 24 hours.' } : { ok: true, seconds };
}

const PROVIDERS: [RegExp, string][] = [
  [/(^|\.)(youtube\.com|youtube-nocookie\.com|youtu\.be)$/, 'YouTube'],
  [/(^|\.)vimeo\.com$/, 'Vimeo'],
  [/(^|\.)(dailymotion\.com|dai\.ly)$/, 'Dailymotion'],
  [/(^|\.)facebook\.com$/, 'Facebook'],
  [/(^|\.)twitch\.tv$/, 'Twitch'],
];

/** "YouTube" for a known video site, else the site's host name. */
export function providerOf(url: string): string {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return 'an unknown site';
  }
  return PROVIDERS.find(([pattern]) => pattern.test(host))?.[1] ?? host.replace(/^www\./, '');
}

/** What the dialog understood, in words: "YouTube player, 560×315" or "Video address on Vimeo". */
export function describeSource(source: VideoSource): { summary: string; address: string } {
  if (source.kind === 'url') return { summary: `Video address on ${providerOf(source.url)}`, address: source.url };
  const size = source.width !== null && source.height !== null ? `${source.width}×${source.height}` : 'sized by the page';
  return { summary: `${providerOf(source.src)} player, ${size}`, address: source.src };
}

/** The video to save, or null while a field cannot be read. */
export function videoOf(base: VideoItem, draft: VideoDraft): VideoItem | null {
  const source = readSource(draft, base.source);
  const duration = readDuration(draft.duration);
  if (!source.ok || !duration.ok) return null;
  return { ...base, headline: draft.headline.trim(), blurb: draft.blurb.trim(), poster: draft.poster, source: source.source, durationSeconds: duration.seconds };
}

/** Whether the draft differs from what it was opened with. */
export function draftChanged(draft: VideoDraft, initial: VideoDraft): boolean {
  const comparable = (d: VideoDraft) => JSON.stringify({ ...d, sourceText: d.sourceText.trim() });
  return comparable(draft) !== comparable(initial);
}
