import { describe, expect, it } from 'vitest';
import type { PhotoUse } from '../../../shared/model/photo-use';
import { VideoItem, type VideoSource } from '../../../shared/model/video';
import {
  EMPTY_DRAFT,
  describeSource,
  draftChanged,
  draftOf,
  providerOf,
  readDuration,
  readSource,
  sourceTextOf,
  videoOf,
} from '../../../renderer/src/features/videos/video-draft';

// The video dialog edits a draft of plain text fields; these rules read them back into a video.

const POSTER: PhotoUse = { photoId: 'a'.repeat(64), caption: 'The harbour at dawn', credit: 'Photo: A. Berg', creditEdited: false, altText: 'Waves over the pier' };
const EMBED: VideoSource = { kind: 'embed', src: 'https://www.youtube-nocookie.com/embed/abc123', title: 'Harbour storm', width: 560, height: 315 };
const URL_SOURCE: VideoSource = { kind: 'url', url: 'https://vimeo.com/76979871' };

function video(patch: Partial<VideoItem> = {}): VideoItem {
  return {
    schemaVersion: 1,
    id: 'vid-20300101',
    headline: 'Storm closes the harbour',
    blurb: 'Waves over the pier at dawn.',
    poster: POSTER,
    source: EMBED,
    durationSeconds: 165,
    createdAt: '2030-01-01T08:00:00.000Z',
    updatedAt: '2030-01-01T09:00:00.000Z',
    ...patch,
  };
}

describe('draftOf', () => {
  it('shows the stored player’s address and the duration as m:ss', () => {
    expect(draftOf(video())).toEqual({
      headline: 'Storm closes the harbour',
      blurb: 'Waves over the pier at dawn.',
      poster: POSTER,
      sourceText: 'https://www.youtube-nocookie.com/embed/abc123',
      duration: '2:45',
    });
    expect(draftOf(video({ source: URL_SOURCE, durationSeconds: 3725 }))).toMatchObject({ sourceText: 'https://vimeo.com/76979871', duration: '1:02:05' });
  });

  it('leaves the fields empty for a new video', () => {
    expect(draftOf(video({ headline: '', blurb: '', poster: null, source: null, durationSeconds: null }))).toEqual(EMPTY_DRAFT);
    expect(sourceTextOf(null)).toBe('');
  });
});

describe('readSource', () => {
  it('keeps the stored embedded player (size and title) while its address is untouched', () => {
    const draft = { ...draftOf(video()), sourceText: '  https://www.youtube-nocookie.com/embed/abc123 ' };
    expect(readSource(draft, EMBED)).toEqual({ ok: true, source: EMBED });
  });

  it('reads an empty field as no player', () => {
    expect(readSource({ ...EMPTY_DRAFT, sourceText: '   ' }, EMBED)).toEqual({ ok: true, source: null });
    expect(readSource(EMPTY_DRAFT, null)).toEqual({ ok: true, source: null });
  });

  it('reads a new address or a pasted embed code with the shared rule', () => {
    expect(readSource({ ...EMPTY_DRAFT, sourceText: 'https://vimeo.com/76979871' }, EMBED)).toEqual({ ok: true, source: URL_SOURCE });
    const code = '<iframe width="640" height="360" src="https://player.vimeo.com/video/1" title="Clip" allowfullscreen></iframe>';
    expect(readSource({ ...EMPTY_DRAFT, sourceText: code }, null)).toEqual({
      ok: true,
      source: { kind: 'embed', src: 'https://player.vimeo.com/video/1', title: 'Clip', width: 640, height: 360 },
    });
  });

  it('explains what it cannot read', () => {
    expect(readSource({ ...EMPTY_DRAFT, sourceText: 'http://example.com/clip' }, null)).toEqual({
      ok: false,
      message: 'Use the video’s https address: plain http players are blocked by browsers and readers’ networks.',
    });
    expect(readSource({ ...EMPTY_DRAFT, sourceText: 'the harbour clip' }, null)).toEqual({
      ok: false,
      message: 'That is not a video address. Paste an https address or the site’s embed code.',
    });
  });
});

describe('readDuration', () => {
  it('reads m:ss, h:mm:ss and plain seconds; empty means unknown', () => {
    expect(readDuration('2:45')).toEqual({ ok: true, seconds: 165 });
    expect(readDuration(' 1:02:05 ')).toEqual({ ok: true, seconds: 3725 });
    expect(readDuration('95')).toEqual({ ok: true, seconds: 95 });
    expect(readDuration('  ')).toEqual({ ok: true, seconds: null });
  });

  it('explains the format for anything else, up to 24 hours', () => {
    const message = 'Write the duration as m:ss (2:45) or h:mm:ss, up to 24 hours.';
    for (const text of ['2:75', 'two minutes', '0', '0:00', '24:00:01', '1:2:3:4', '-5']) expect(readDuration(text), text).toEqual({ ok: false, message });
    expect(readDuration('24:00:00')).toEqual({ ok: true, seconds: 86_400 });
  });
});

describe('providerOf and describeSource', () => {
  it('names the known video sites, sub-domains included', () => {
    expect(providerOf('https://www.youtube.com/watch?v=abc')).toBe('YouTube');
    expect(providerOf('https://youtu.be/abc')).toBe('YouTube');
    expect(providerOf('https://www.youtube-nocookie.com/embed/abc')).toBe('YouTube');
    expect(providerOf('https://player.vimeo.com/video/1')).toBe('Vimeo');
    expect(providerOf('https://dai.ly/x8')).toBe('Dailymotion');
    expect(providerOf('https://www.facebook.com/watch/?v=1')).toBe('Facebook');
    expect(providerOf('https://clips.twitch.tv/x')).toBe('Twitch');
  });

  it('gives any other site by its host name, and does not mistake look-alikes', () => {
    expect(providerOf('https://www.example-news.com/v/1')).toBe('example-news.com');
    expect(providerOf('https://notyoutube.com/watch')).toBe('notyoutube.com');
    expect(providerOf('https://youtube.com.evil.example/watch')).toBe('youtube.com.evil.example');
    expect(providerOf('not an address')).toBe('an unknown site');
  });

  it('says in words what the dialog understood', () => {
    expect(describeSource(EMBED)).toEqual({ summary: 'YouTube player, 560×315', address: 'https://www.youtube-nocookie.com/embed/abc123' });
    expect(describeSource({ ...EMBED, width: null })).toEqual({ summary: 'YouTube player, sized by the page', address: EMBED.src });
    expect(describeSource(URL_SOURCE)).toEqual({ summary: 'Video address on Vimeo', address: 'https://vimeo.com/76979871' });
  });
});

describe('videoOf', () => {
  it('builds the saved video: trimmed texts, the player and duration read, the rest kept', () => {
    const base = video();
    const draft = { ...draftOf(base), headline: '  Harbour reopens ', blurb: ' Ferries run again. ', sourceText: 'https://vimeo.com/76979871', duration: '1:30', poster: null };
    const saved = videoOf(base, draft);
    expect(saved).toEqual({ ...base, headline: 'Harbour reopens', blurb: 'Ferries run again.', poster: null, source: URL_SOURCE, durationSeconds: 90 });
    expect(VideoItem.safeParse(saved).success).toBe(true);
  });

  it('saves an untouched draft as the video it came from', () => {
    const base = video();
    expect(VideoItem.safeParse(base).success).toBe(true);
    expect(videoOf(base, draftOf(base))).toEqual(base);
  });

  it('clears the player and the duration when their fields are emptied', () => {
    const base = video();
    expect(videoOf(base, { ...draftOf(base), sourceText: '', duration: '' })).toMatchObject({ source: null, durationSeconds: null });
  });

  it('saves nothing while the player or the duration cannot be read', () => {
    const base = video();
    expect(videoOf(base, { ...draftOf(base), sourceText: 'http://example.com/clip' })).toBeNull();
    expect(videoOf(base, { ...draftOf(base), duration: '2:75' })).toBeNull();
  });
});

describe('draftChanged', () => {
  const initial = draftOf(video());

  it('ignores spaces around the player address only', () => {
    expect(draftChanged({ ...initial }, initial)).toBe(false);
    expect(draftChanged({ ...initial, sourceText: ` ${initial.sourceText}\n` }, initial)).toBe(false);
    expect(draftChanged({ ...initial, headline: `${initial.headline} ` }, initial)).toBe(true);
  });

  it('notices every field', () => {
    expect(draftChanged({ ...initial, headline: 'Other' }, initial)).toBe(true);
    expect(draftChanged({ ...initial, blurb: '' }, initial)).toBe(true);
    expect(draftChanged({ ...initial, poster: null }, initial)).toBe(true);
    expect(draftChanged({ ...initial, poster: { ...POSTER, credit: 'Photo: B. Holm', creditEdited: true } }, initial)).toBe(true);
    expect(draftChanged({ ...initial, sourceText: 'https://vimeo.com/1' }, initial)).toBe(true);
    expect(draftChanged({ ...initial, duration: '2:46' }, initial)).toBe(true);
  });
});
