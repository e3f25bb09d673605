import { describe, expect, it } from 'vitest';
import { DEFAULT_FEEDS } from '../../../shared/model/feed';
import { feedOrder, makeArticle, makeVideo, nextMillisecond, openDesk, posterUse } from './helpers';

const source = { kind: 'embed' as const, src: 'https://player.example.com/v/1', title: 'Clip', width: 640, height: 360 };

describe('placing items through the board channels', () => {
  it('places, reorders, moves, pins and times items, and returns the cards of placed items', async () => {
    const desk = await openDesk();
    const a = await makeArticle(desk, { headline: 'Budget passes', status: 'ready', leadPhoto: posterUse('b') });
    const b = await makeArticle(desk, { headline: 'Storm warning' });
    const v = await makeVideo(desk, { headline: 'Storm footage', poster: posterUse('c'), source });

    let view = await desk.call('board:place', { item: { kind: 'article', id: a }, feedId: 'news-feed' });
    expect(view.items).toEqual([
      expect.objectContaining({ key: `article:${a}`, kind: 'article', headline: 'Budget passes', status: 'ready', photoId: 'b'.repeat(64), missing: false }),
    ]);
    await desk.call('board:place', { item: { kind: 'article', id: b }, feedId: 'news-feed' });
    view = await desk.call('board:place', { item: { kind: 'video', id: v }, feedId: 'news-feed', index: 0 });
    expect(feedOrder(view.board, 'news-feed')).toEqual([`video:${v}`, `article:${a}`, `article:${b}`]);
    expect(view.items.find((item) => item.key === `video:${v}`)).toMatchObject({ kind: 'video', status: 'ready', photoId: 'c'.repeat(64), headline: 'Storm footage' });

    let board = await desk.call('board:move', { key: `article:${b}`, fromFeedId: 'news-feed', toFeedId: 'news-feed', toIndex: 0 });
    expect(feedOrder(board, 'news-feed')).toEqual([`article:${b}`, `video:${v}`, `article:${a}`]);
    board = await desk.call('board:pin', { key: `article:${a}`, feedId: 'news-feed', pinned: true });
    expect(feedOrder(board, 'news-feed')).toEqual([`*article:${a}`, `article:${b}`, `video:${v}`]);
    board = await desk.call('board:move', { key: `article:${b}`, fromFeedId: 'news-feed', toFeedId: 'opinion', toIndex: 0 });
    expect(feedOrder(board, 'opinion')).toEqual([`article:${b}`]);
    board = await desk.call('board:setTiming', {
      key: `article:${a}`,
      publish: { mode: 'scheduled', at: '2030-03-02T08:00:00.000Z' },
      embargoUntil: '2030-03-01T12:00:00.000Z',
      expiresAt: null,
    });
    expect(board.placements[`article:${a}`]).toMatchObject({ publish: { mode: 'scheduled', at: '2030-03-02T08:00:00.000Z' }, embargoUntil: '2030-03-01T12:00:00.000Z' });
    board = await desk.call('board:remove', { key: `video:${v}`, feedId: 'news-feed' });
    expect(feedOrder(board, 'news-feed')).toEqual([`*article:${a}`]);
    expect(board.placements[`video:${v}`]).toBeUndefined();

    await desk.restart();
    const after = await desk.call('board:get', {});
    expect(after.board).toEqual(board);
    expect(after.items.map((item) => item.headline).sort()).toEqual(['Budget passes', 'Storm warning']);
  });

  it('answers refused changes with the rules’ sentence, and unknown feeds or items clearly', async () => {
    const desk = await openDesk();
    const a = await makeArticle(desk, { headline: 'One' });
    const v = await makeVideo(desk, { headline: 'Clip' });
    await desk.call('board:place', { item: { kind: 'article', id: a }, feedId: 'news-feed' });

    expect(await desk.failure('board:place', { item: { kind: 'article', id: a }, feedId: 'news-feed' })).toEqual({
      code: 'invalid-request',
      message: 'This item is already in “News Feed”.',
    });
    expect((await desk.failure('board:place', { item: { kind: 'video', id: v }, feedId: 'opinion' })).message).toBe('“Opinion” takes articles only.');
    expect((await desk.failure('board:place', { item: { kind: 'article', id: a }, feedId: 'sports' })).message).toMatch(/no feed “sports”/);
    expect((await desk.failure('board:move', { key: `article:${a}`, fromFeedId: 'news-feed', toFeedId: 'nowhere', toIndex: 0 })).code).toBe('not-found');
    expect((await desk.failure('board:place', { item: { kind: 'article', id: 'missing-article-id' }, feedId: 'news-feed' })).code).toBe('not-found');
    expect(
      (await desk.failure('board:setTiming', { key: `article:${a}`, publish: { mode: 'scheduled', at: '2030-01-01T00:00:00.000Z' }, embargoUntil: '2030-01-02T00:00:00.000Z', expiresAt: null }))
        .message,
    ).toMatch(/before its embargo/);
    // A refused change leaves the board as it was.
    expect(feedOrder((await desk.call('board:get', {})).board, 'news-feed')).toEqual([`article:${a}`]);

    const archived = DEFAULT_FEEDS.map((feed) => (feed.id === 'opinion' ? { ...feed, archived: true } : feed));
    await desk.call('settings:update', { feeds: archived });
    expect((await desk.failure('board:place', { item: { kind: 'article', id: a }, feedId: 'opinion' })).message).toMatch(/archived/);
  });

  it('shows a trashed article as missing, keeping its placement, and refuses to place it again', async () => {
    const desk = await openDesk();
    const a = await makeArticle(desk, { headline: 'Withdrawn story' });
    await desk.call('board:place', { item: { kind: 'article', id: a }, feedId: 'news-feed' });
    await desk.call('drafts:trash', { id: a });
    const view = await desk.call('board:get', {});
    expect(view.items).toEqual([expect.objectContaining({ key: `article:${a}`, headline: 'Withdrawn story', missing: true })]);
    expect((await desk.failure('board:place', { item: { kind: 'article', id: a }, feedId: 'opinion' })).message).toMatch(/in the trash/);
    expect(await desk.call('board:contents', { keys: [`article:${a}`] })).toEqual([]);
  });
});

describe('settings and feeds', () => {
  it('refuses to drop a feed that still holds items, and allows archive, rename, reorder and add', async () => {
    const desk = await openDesk();
    const a = await makeArticle(desk, { headline: 'Column' });
    const b = await makeArticle(desk, { headline: 'Another column' });
    await desk.call('board:place', { item: { kind: 'article', id: a }, feedId: 'opinion' });
    await desk.call('board:place', { item: { kind: 'article', id: b }, feedId: 'opinion' });

    const withoutOpinion = DEFAULT_FEEDS.filter((feed) => feed.id !== 'opinion');
    const refused = await desk.failure('settings:update', { feeds: withoutOpinion });
    expect(refused.code).toBe('conflict');
    expect(refused.message).toContain('Archive the feed instead of deleting it: it still holds 2 items.');
    expect((await desk.call('settings:get', {})).feeds.map((feed) => feed.id)).toEqual(['news-feed', 'video', 'opinion']);

    const renamed = [
      { ...DEFAULT_FEEDS[2]!, name: 'Comment', label: 'Comment', archived: true },
      DEFAULT_FEEDS[0]!,
      { id: 'sport', name: 'Sport', label: 'Sport', kind: 'articles' as const, pageSize: 8, archived: false },
    ];
    // The video feed is empty, so it may go; opinion is archived, renamed and moved first.
    const saved = await desk.call('settings:update', { feeds: renamed });
    expect(saved.feeds.map((feed) => `${feed.id}:${feed.name}:${feed.archived}`)).toEqual(['opinion:Comment:true', 'news-feed:News Feed:false', 'sport:Sport:false']);
    // The archived feed keeps its items on the board.
    expect(feedOrder((await desk.call('board:get', {})).board, 'opinion')).toEqual([`article:${a}`, `article:${b}`]);

    await desk.call('board:remove', { key: `article:${a}`, feedId: 'opinion' });
    await desk.call('board:remove', { key: `article:${b}`, feedId: 'opinion' });
    expect((await desk.call('settings:update', { feeds: [DEFAULT_FEEDS[0]!] })).feeds).toHaveLength(1);
  });

  it('refuses to narrow a feed’s kind below the items it holds', async () => {
    const desk = await openDesk();
    const v = await makeVideo(desk, { headline: 'Clip' });
    await desk.call('board:place', { item: { kind: 'video', id: v }, feedId: 'news-feed' });
    const articlesOnly = DEFAULT_FEEDS.map((feed) => (feed.id === 'news-feed' ? { ...feed, kind: 'articles' as const } : feed));
    expect(await desk.failure('settings:update', { feeds: articlesOnly })).toEqual({
      code: 'conflict',
      message: '“News Feed” still holds 1 video item; take it out of the feed before changing what it takes.',
    });
    const videoOnly = DEFAULT_FEEDS.map((feed) => (feed.id === 'news-feed' ? { ...feed, kind: 'video' as const } : feed));
    expect((await desk.call('settings:update', { feeds: videoOnly })).feeds[0]?.kind).toBe('video');
  });

  it('keeps entries of feeds no longer in settings, and leaves other settings changes alone', async () => {
    const desk = await openDesk();
    const a = await makeArticle(desk, { headline: 'Kept' });
    await desk.call('board:place', { item: { kind: 'article', id: a }, feedId: 'news-feed' });
    // Written by hand or by an older version: a feed the settings no longer list.
    await desk.services.feeds.update((board) => ({ ...board, feeds: { ...board.feeds, 'old-feed': [{ key: `article:${a}`, pinned: false }] } }));
    await desk.call('settings:update', { sections: ['News'] });
    await desk.restart();
    const board = (await desk.call('board:get', {})).board;
    expect(feedOrder(board, 'old-feed')).toEqual([`article:${a}`]);
    expect(feedOrder(board, 'news-feed')).toEqual([`article:${a}`]);
  });
});

describe('videos', () => {
  it('creates, lists newest first, saves and gets videos; refuses malformed ones', async () => {
    const desk = await openDesk();
    const first = await desk.call('videos:create', {});
    expect(first).toMatchObject({ headline: '', blurb: '', poster: null, source: null, durationSeconds: null });
    await nextMillisecond();
    const second = await desk.call('videos:create', {});
    await nextMillisecond();
    const saved = await desk.call('videos:save', { video: { ...first, headline: 'Flood', blurb: 'The river rose.', durationSeconds: 95, source } });
    expect(saved.updatedAt > first.updatedAt).toBe(true);
    expect((await desk.call('videos:list', {})).map((video) => video.id)).toEqual([first.id, second.id]);
    await desk.restart();
    expect(await desk.call('videos:get', { id: first.id })).toEqual(saved);
    const bad = await desk.failure('videos:save', { video: { ...saved, source: { kind: 'url', url: 'javascript:alert(1)' } } as never });
    expect(bad.code).toBe('invalid-request');
    expect((await desk.failure('videos:get', { id: 'no-such-video' })).code).toBe('not-found');
  });

  it('is ready only with a headline, a credited poster and a player', async () => {
    const desk = await openDesk();
    const status = async (fields: Parameters<typeof makeVideo>[1]) => {
      const id = await makeVideo(desk, fields);
      return (await desk.call('board:place', { item: { kind: 'video', id }, feedId: 'video' })).items.find((item) => item.key === `video:${id}`)?.status;
    };
    expect(await status({ headline: 'All set', poster: posterUse(), source })).toBe('ready');
    expect(await status({ headline: '', poster: posterUse(), source })).toBe('draft');
    expect(await status({ headline: 'No credit', poster: posterUse('a', ' '), source })).toBe('draft');
    expect(await status({ headline: 'No player', poster: posterUse(), source: null })).toBe('draft');
  });

  it('trashing a video keeps its file in videos/trash and takes it out of every feed', async () => {
    const desk = await openDesk();
    const v = await makeVideo(desk, { headline: 'Gone soon' });
    const w = await makeVideo(desk, { headline: 'Stays' });
    await desk.call('board:place', { item: { kind: 'video', id: v }, feedId: 'video' });
    await desk.call('board:place', { item: { kind: 'video', id: v }, feedId: 'news-feed' });
    await desk.call('board:place', { item: { kind: 'video', id: w }, feedId: 'video' });
    await desk.call('board:pin', { key: `video:${v}`, feedId: 'video', pinned: true });
    expect(await desk.call('videos:trash', { id: v })).toBeNull();
    const board = (await desk.call('board:get', {})).board;
    expect(feedOrder(board, 'video')).toEqual([`video:${w}`]);
    expect(feedOrder(board, 'news-feed')).toEqual([]);
    expect(board.placements[`video:${v}`]).toBeUndefined();
    expect((await desk.call('videos:list', {})).map((video) => video.id)).toEqual([w]);
    expect((await desk.failure('videos:get', { id: v })).message).toMatch(/in the trash/);
    expect(await desk.call('videos:trash', { id: v })).toBeNull(); // twice is not an error
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(`${desk.dataDir}/library/videos/trash`)).toEqual([`${v}.json`]);
  });
});

describe('preview contents and finding items', () => {
  it('returns whole items in the order asked, leaving out gone ones', async () => {
    const desk = await openDesk();
    const a = await makeArticle(desk, { headline: 'First' });
    const b = await makeArticle(desk, { headline: 'Second' });
    const v = await makeVideo(desk, { headline: 'Clip', blurb: 'Short.' });
    await desk.call('drafts:trash', { id: b });
    const contents = await desk.call('board:contents', { keys: [`video:${v}`, `article:${b}`, 'article:never-existed-1', `article:${a}`, 'video:never-existed-1'] });
    expect(contents.map((item) => item.key)).toEqual([`video:${v}`, `article:${a}`]);
    expect(contents[0]).toMatchObject({ kind: 'video', video: { headline: 'Clip', blurb: 'Short.' } });
    expect(contents[1]).toMatchObject({ kind: 'article', article: { id: a, headline: 'First' } });
  });

  it('finds articles and videos by text, newest first, by kind and up to the limit', async () => {
    const desk = await openDesk();
    const a = await makeArticle(desk, { headline: 'Harbour fire contained' });
    const v = await makeVideo(desk, { headline: 'Harbour fire from the air', blurb: 'Drone footage.' });
    const b = await makeArticle(desk, { headline: 'Council meets' });
    await desk.services.drafts.searchReady();

    const all = await desk.call('board:findItems', {});
    expect(all.map((item) => item.key)).toEqual([`article:${b}`, `video:${v}`, `article:${a}`]);
    expect((await desk.call('board:findItems', { text: 'harbour' })).map((item) => item.key)).toEqual([`video:${v}`, `article:${a}`]);
    expect((await desk.call('board:findItems', { text: 'drone' })).map((item) => item.key)).toEqual([`video:${v}`]);
    expect((await desk.call('board:findItems', { text: 'harbour', kind: 'article' })).map((item) => item.key)).toEqual([`article:${a}`]);
    expect((await desk.call('board:findItems', { kind: 'video' })).map((item) => item.key)).toEqual([`video:${v}`]);
    expect(await desk.call('board:findItems', { limit: 2 })).toHaveLength(2);
  });
});
