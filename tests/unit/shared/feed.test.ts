import { describe, expect, it } from 'vitest';
import { DEFAULT_FEEDS, FeedList, feedAccepts, feedIdFor } from '../../../shared/model/feed';
import { DEFAULT_SETTINGS, Settings } from '../../../shared/model/settings';
import { formatDuration, parseDuration } from '../../../shared/model/video';

describe('feeds in settings', () => {
  it('defaults to News Feed, Video and Opinion, in that order, none archived', () => {
    expect(DEFAULT_SETTINGS.feeds.map((feed) => [feed.name, feed.kind, feed.archived])).toEqual([
      ['News Feed', 'both', false],
      ['Video', 'video', false],
      ['Opinion', 'articles', false],
    ]);
    expect(Settings.safeParse(DEFAULT_SETTINGS).success).toBe(true);
  });

  it('refuses an empty list, duplicate ids, blank names and bad page sizes', () => {
    expect(FeedList.safeParse([]).success).toBe(false);
    expect(FeedList.safeParse([DEFAULT_FEEDS[0], DEFAULT_FEEDS[0]]).success).toBe(false);
    expect(FeedList.safeParse([{ ...DEFAULT_FEEDS[0], name: '  ' }]).success).toBe(false);
    expect(FeedList.safeParse([{ ...DEFAULT_FEEDS[0], pageSize: 0 }]).success).toBe(false);
    expect(FeedList.safeParse([{ ...DEFAULT_FEEDS[0], id: 'Not An Id' }]).success).toBe(false);
    expect(FeedList.safeParse([{ ...DEFAULT_FEEDS[0], archived: true }]).success).toBe(true);
  });

  it('says which kinds of item each feed takes', () => {
    expect(feedAccepts({ kind: 'both' }, 'article')).toBe(true);
    expect(feedAccepts({ kind: 'both' }, 'video')).toBe(true);
    expect(feedAccepts({ kind: 'articles' }, 'video')).toBe(false);
    expect(feedAccepts({ kind: 'video' }, 'article')).toBe(false);
    expect(feedAccepts({ kind: 'video' }, 'video')).toBe(true);
  });

  it('makes a new feed id from its name, unique among the others', () => {
    expect(feedIdFor('Météo & Climat', [])).toBe('meteo-climat');
    expect(feedIdFor('Video', ['video', 'video-2'])).toBe('video-3');
    expect(feedIdFor('!!!', [])).toBe('feed');
  });
});

describe('video durations', () => {
  it('formats as players do and reads what editors type', () => {
    expect(formatDuration(65)).toBe('1:05');
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(parseDuration('1:05')).toBe(65);
    expect(parseDuration('01:02:03')).toBe(3723);
    expect(parseDuration('95')).toBe(95);
    expect(parseDuration('1:75')).toBeNull();
    expect(parseDuration('0')).toBeNull();
    expect(parseDuration('two minutes')).toBeNull();
  });
});
