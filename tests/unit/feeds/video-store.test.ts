import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openVideoStore, type VideoStore } from '../../../electron/main/services/feeds/video-store';
import { VIDEO_SCHEMA_VERSION, type VideoItem } from '../../../shared/model/video';
import { openDesk, tempDir } from './helpers';

async function open(libraryDir: string, now?: () => number): Promise<VideoStore> {
  return openVideoStore(libraryDir, { quarantineDir: join(libraryDir, 'quarantine'), ...(now ? { now } : {}) });
}

function video(id: string, fields: Partial<VideoItem> = {}): VideoItem {
  const at = '2030-01-01T10:00:00.000Z';
  return { schemaVersion: VIDEO_SCHEMA_VERSION, id, headline: 'A clip', blurb: '', poster: null, source: null, durationSeconds: null, createdAt: at, updatedAt: at, ...fields };
}

describe('video store', () => {
  it('stores one JSON file per video, stamps updatedAt strictly later on each save, and keeps createdAt', async () => {
    const dir = await tempDir();
    const fixed = Date.parse('2030-02-01T00:00:00.000Z');
    const store = await open(dir, () => fixed);
    const created = await store.create();
    expect(created.createdAt).toBe('2030-02-01T00:00:00.000Z');
    const once = await store.save({ ...created, headline: 'One', createdAt: '2000-01-01T00:00:00.000Z' });
    const twice = await store.save({ ...once, headline: 'Two' });
    expect(once.createdAt).toBe(created.createdAt);
    expect(Date.parse(twice.updatedAt)).toBeGreaterThan(Date.parse(once.updatedAt));
    expect(JSON.parse(await readFile(join(dir, 'videos', `${created.id}.json`), 'utf8'))).toEqual(twice);
    expect(await readdir(join(dir, 'videos'))).toEqual(expect.arrayContaining([`${created.id}.json`, 'trash']));
  });

  it('keeps the notes added since a form read the video: a save from that form never drops a correction', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    const read = await store.save(video('noted-video-1'));
    const note = { kind: 'correction' as const, at: '2030-01-02T10:00:00.000Z', label: 'Correction, 2 Jan 2030:', text: 'The clip is from Brest.' };
    await store.save({ ...read, notes: [note] });
    // The form still holds the video as it read it, without the note, and saves a new headline.
    const saved = await store.save({ ...read, headline: 'A clip from Brest' });
    expect(saved).toMatchObject({ headline: 'A clip from Brest', notes: [note] });
    expect((await open(dir)).get('noted-video-1').notes).toEqual([note]);
  });

  it('saves a video with a new id as a new video, and refuses one that is in the trash', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    const saved = await store.save(video('imported-video-1'));
    expect(store.get('imported-video-1')).toEqual(saved);
    await store.trash('imported-video-1');
    await expect(store.save(saved)).rejects.toMatchObject({ code: 'conflict' });
    await expect(store.trash('unknown-video-1')).rejects.toMatchObject({ code: 'not-found' });
    expect(() => store.get('../../etc/passwd')).toThrow(/not a valid video id/);
  });

  it('moves unreadable files to the quarantine, reports them, and opens with the rest', async () => {
    const dir = await tempDir();
    const videos = join(dir, 'videos');
    await mkdir(videos, { recursive: true });
    await writeFile(join(videos, 'good-video-1.json'), JSON.stringify(video('good-video-1')));
    await writeFile(join(videos, 'broken-video.json'), '{"schemaVersion":1,');
    await writeFile(join(videos, 'wrong-shape-1.json'), JSON.stringify({ ...video('wrong-shape-1'), source: { kind: 'url', url: 'javascript:alert(1)' } }));
    await writeFile(join(videos, 'other-name-1.json'), JSON.stringify(video('not-the-same-1')));
    await writeFile(join(videos, 'Bad Name.json'), JSON.stringify(video('bad-name-0001')));
    await writeFile(join(videos, '.good-video-1.json.0123456789ab.tmp'), 'half a write');
    const store = await open(dir);
    expect(store.list().map((item) => item.id)).toEqual(['good-video-1']);
    const reports = store.quarantined();
    expect(reports.map((report) => report.file).sort()).toEqual(
      ['Bad Name.json', 'broken-video.json', 'other-name-1.json', 'wrong-shape-1.json'].map((name) => join('videos', name)).sort(),
    );
    expect(reports.find((report) => report.file.endsWith('broken-video.json'))?.reason).toMatch(/JSON/);
    expect(reports.find((report) => report.file.endsWith('wrong-shape-1.json'))?.reason).toMatch(/not a readable video item \(source/);
    expect(reports.find((report) => report.file.endsWith('other-name-1.json'))?.reason).toMatch(/has id "not-the-same-1"/);
    expect((await readdir(videos)).sort()).toEqual(['good-video-1.json', 'trash']);
    expect((await readdir(join(dir, 'quarantine'))).filter((name) => !name.endsWith('.reason.txt'))).toHaveLength(4);
  });

  it('names quarantined video files in app:info', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'library', 'videos'), { recursive: true });
    await writeFile(join(dir, 'library', 'videos', 'broken-video.json'), 'nope');
    const desk = await openDesk(dir);
    expect((await desk.call('app:info', {})).quarantined).toEqual([expect.objectContaining({ file: join('videos', 'broken-video.json') })]);
    expect(await desk.call('videos:list', {})).toEqual([]);
  });
});
