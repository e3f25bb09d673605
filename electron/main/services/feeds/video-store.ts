import { randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { QuarantinedFile } from '../../../../shared/model/library';
import { UserFacingError } from '../../../../shared/model/errors';
import { VIDEO_SCHEMA_VERSION, VideoId, VideoItem } from '../../../../shared/model/video';
import { isTempFileName, removeStaleTempFiles, renameDurable, writeFileAtomic } from '../fs/atomic-write';
import { listFolder } from '../library/read-only-folders';
import { ioFailure } from '../fs/io-errors';
import { KeyedLock } from '../drafts/keyed-lock';
import { Quarantine } from '../drafts/quarantine';
import { messageOf } from '../../../../shared/model/errors';

/**
 * Video items of the feeds, one JSON file each in <libraryDir>/videos/<id>.json. A video is a few
 * hundred bytes, so every live one is kept in memory: the board builds its cards from memory and
 * only writes touch the disk. Trashed videos move to videos/trash/ whole and are never deleted.
 */
export interface VideoStore {
  /** Live videos, most recently updated first. */
  list(): VideoItem[];
  /** One live video; not-found when it does not exist or is in the trash. */
  get(id: string): VideoItem;
  /** One live video, or null: for callers that tolerate a gone item (board cards, previews). */
  find(id: string): VideoItem | null;
  create(): Promise<VideoItem>;
  /** Validates, stamps updatedAt and writes; creates the video if its id is new. Returns what was stored. */
  save(video: VideoItem): Promise<VideoItem>;
  /** Moves the file to videos/trash/; trashing twice is not an error. */
  trash(id: string): Promise<void>;
  /** Files found unreadable since the store opened, already moved aside. */
  quarantined(): QuarantinedFile[];
  /** Waits for writes in flight; the store must not be used afterwards. */
  close(): Promise<void>;
}

export interface VideoStoreOptions {
  /** Where unreadable files are moved (shared with the drafts: one place to look). */
  quarantineDir: string;
  now?: () => number;
  /** Another process holds the library: nothing is swept or moved at open (its temp files may be writes under way). */
  readOnly?: boolean;
}

const describeVideo = (headline: string | undefined): string => {
  const trimmed = headline?.trim();
  return trimmed ? `the video “${trimmed.length > 80 ? `${trimmed.slice(0, 77)}…` : trimmed}”` : 'an untitled video';
};

const copy = (video: VideoItem): VideoItem => structuredClone(video);

export async function openVideoStore(libraryDir: string, options: VideoStoreOptions): Promise<VideoStore> {
  const dir = join(libraryDir, 'videos');
  const trashDir = join(dir, 'trash');
  if (!options.readOnly) {
    await mkdir(trashDir, { recursive: true });
    await mkdir(options.quarantineDir, { recursive: true });
  }
  // Only one store runs per data folder, so temp files are from writes a crash interrupted.
  if (!options.readOnly) {
    await removeStaleTempFiles(dir);
    await removeStaleTempFiles(trashDir);
  }
  const quarantine = new Quarantine(libraryDir, options.quarantineDir, { leaveInPlace: options.readOnly });
  const live = new Map<string, VideoItem>();
  for (const name of await listFolder(dir, options.readOnly)) {
    if (!name.endsWith('.json') || isTempFileName(name)) continue;
    const path = join(dir, name);
    const id = name.slice(0, -'.json'.length);
    const loaded = await readVideoFile(path, id);
    if (loaded.ok) live.set(id, loaded.video);
    else await quarantine.move(path, loaded.reason);
  }
  const trashed = new Set((await listFolder(trashDir, options.readOnly)).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -'.json'.length)));
  return new FileVideoStore(dir, trashDir, live, trashed, quarantine, options.now ?? Date.now);
}

type ReadOutcome = { ok: true; video: VideoItem } | { ok: false; reason: string };

async function readVideoFile(path: string, expectedId: string): Promise<ReadOutcome> {
  if (!VideoId.safeParse(expectedId).success) {
    return { ok: false, reason: 'The file name is not a valid video id, so Newsdesk cannot tell which video it is.' };
  }
  let raw: unknown;
  try {
    const text = await readFile(path, 'utf8');
    raw = JSON.parse(text);
  } catch (error) {
    const detail = messageOf(error);
    return { ok: false, reason: `The video file could not be read as JSON (${detail}).` };
  }
  const parsed = VideoItem.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { ok: false, reason: `The file is not a readable video item (${where}${issue?.message ?? 'invalid'}).` };
  }
  if (parsed.data.id !== expectedId) {
    return { ok: false, reason: `The file name says "${expectedId}" but the video inside has id "${parsed.data.id}".` };
  }
  return { ok: true, video: parsed.data };
}

class FileVideoStore implements VideoStore {
  private readonly lock = new KeyedLock();
  private sorted: VideoItem[] | null = null;
  private closed = false;

  constructor(
    private readonly dir: string,
    private readonly trashDir: string,
    private readonly live: Map<string, VideoItem>,
    private readonly trashed: Set<string>,
    private readonly quarantine: Quarantine,
    private readonly now: () => number,
  ) {}

  list(): VideoItem[] {
    this.assertOpen();
    if (!this.sorted) {
      this.sorted = [...this.live.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || (a.id < b.id ? -1 : 1));
    }
    return this.sorted.map(copy);
  }

  get(id: string): VideoItem {
    this.assertOpen();
    this.assertId(id);
    const video = this.live.get(id);
    if (video) return copy(video);
    throw new UserFacingError(
      'not-found',
      this.trashed.has(id) ? 'This video is in the trash.' : `There is no video with id ${id}; it may have been deleted.`,
    );
  }

  find(id: string): VideoItem | null {
    this.assertOpen();
    const video = this.live.get(id);
    return video ? copy(video) : null;
  }

  async create(): Promise<VideoItem> {
    this.assertOpen();
    const at = new Date(this.now()).toISOString();
    const video: VideoItem = {
      schemaVersion: VIDEO_SCHEMA_VERSION,
      id: randomUUID(),
      headline: '',
      blurb: '',
      poster: null,
      source: null,
      durationSeconds: null,
      createdAt: at,
      updatedAt: at,
    };
    return this.lock.run(video.id, () => this.write(video));
  }

  async save(input: VideoItem): Promise<VideoItem> {
    this.assertOpen();
    const parsed = VideoItem.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      throw new UserFacingError('invalid-request', `The video could not be saved because it is malformed (${where}${issue?.message ?? 'invalid'}).`);
    }
    const video = parsed.data;
    return this.lock.run(video.id, async () => {
      if (this.trashed.has(video.id)) throw new UserFacingError('conflict', `${capitalize(describeVideo(video.headline))} is in the trash and cannot be saved.`);
      const previous = this.live.get(video.id);
      // The stored creation time wins over whatever the window sends back.
      return this.write(previous ? { ...video, createdAt: previous.createdAt, ...keptNotes(previous, video) } : video, previous);
    });
  }

  async trash(id: string): Promise<void> {
    this.assertOpen();
    this.assertId(id);
    await this.lock.run(id, async () => {
      if (this.trashed.has(id) && !this.live.has(id)) return;
      const video = this.live.get(id);
      if (!video) throw new UserFacingError('not-found', `There is no video with id ${id}; it may have been deleted.`);
      await renameDurable(join(this.dir, `${id}.json`), join(this.trashDir, `${id}.json`)).catch((error: unknown) => {
        throw ioFailure(`${capitalize(describeVideo(video.headline))} could not be moved to the trash`, error);
      });
      this.live.delete(id);
      this.trashed.add(id);
      this.sorted = null;
    });
  }

  quarantined(): QuarantinedFile[] {
    return this.quarantine.list();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.lock.idle();
  }

  /** Stamps updatedAt strictly after the previous save (two saves in one millisecond still order) and writes atomically. */
  private async write(video: VideoItem, previous?: VideoItem): Promise<VideoItem> {
    const previousMs = previous ? Date.parse(previous.updatedAt) : Number.NEGATIVE_INFINITY;
    const next: VideoItem = { ...video, updatedAt: new Date(Math.max(this.now(), previousMs + 1)).toISOString() };
    try {
      await writeFileAtomic(join(this.dir, `${next.id}.json`), JSON.stringify(next, null, 2));
    } catch (error) {
      throw ioFailure(previous ? `${capitalize(describeVideo(previous.headline))} could not be saved` : 'The video could not be created', error);
    }
    this.live.set(next.id, next);
    this.sorted = null;
    return copy(next);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The video store was used after close().');
  }

  private assertId(id: string): void {
    if (!VideoId.safeParse(id).success) throw new UserFacingError('invalid-request', `“${id.slice(0, 80)}” is not a valid video id.`);
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Notes (corrections, updates) are only ever appended, each logged and pushed as it is added: a save
 * from a form opened before a note came (it sends the notes it read) keeps the stored ones, so the
 * note is never lost from the video while the log and the site still show it.
 */
function keptNotes(previous: VideoItem, next: VideoItem): Pick<VideoItem, 'notes'> {
  const stored = previous.notes ?? [];
  const sent = next.notes ?? [];
  return sent.length >= stored.length ? (next.notes === undefined ? {} : { notes: sent }) : { notes: stored };
}
