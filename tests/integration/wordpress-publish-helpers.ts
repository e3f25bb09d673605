import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article, LexicalDocument } from '../../shared/model/article';
import { DEFAULT_CREDIT_STYLE } from '../../shared/model/settings';
import type { Photo } from '../../shared/model/photo';
import { IMAGE_NODE_TYPE, type PhotoUse } from '../../shared/model/photo-use';
import type { JobProgress, PublishJob, PublishTarget, TargetInput } from '../../shared/model/publishing';
import { newPhotoUse } from '../../shared/rules/photo-use';
import { openDraftStore } from '../../electron/main/services/drafts/draft-store';
import type { DraftStore } from '../../electron/main/services/drafts/types';
import { openBoardStore, type BoardStore } from '../../electron/main/services/feeds/board-store';
import type { MediaLibrary } from '../../electron/main/services/media/types';
import { createHttpClient, type HttpClient } from '../../electron/main/services/publishing/http/http-client';
import { createJobPublisher } from '../../electron/main/services/publishing/job-publisher';
import type { PublishOutcome, Publisher } from '../../electron/main/services/publishing/outbox/publisher';
import { openRemoteRecords, type RemoteRecords } from '../../electron/main/services/publishing/remote/remote-records';
import { openTargetsStore, type TargetsStore } from '../../electron/main/services/publishing/targets/targets-store';
import { createSettingsService, type SettingsService } from '../../electron/main/services/settings/settings-service';
import { createTestSecretBox } from '../fakes/secret-box';
import { messageOf } from '../../shared/model/errors';
import { openTestLibrary } from '../support/media-library';
import { makePhotoFixture, type FixtureKind } from '../support/photo-fixtures';
import type { WordPressSite } from '../wordpress/wordpress-server';

/**
 * The publishing desk on a temp folder, with the real stores, pushing to a real WordPress through a
 * loopback proxy that records every request and can lose an answer on purpose (WordPress did the
 * work; the desk never hears of it), the way a dropped connection does.
 */

export interface RecordingProxy {
  url: string;
  /** "METHOD /wp/v2/path" of every request, in order. */
  requests: string[];
  /** The address of every request as sent (path and query). */
  urls: string[];
  /** The next request matching `method` and a REST path starting with `pathPrefix` gets no answer. */
  loseNextAnswer(method: string, pathPrefix: string): void;
  close(): Promise<void>;
}

/** The REST route of a request, whichever way it was addressed (/wp-json/… or ?rest_route=…). */
function restRoute(url: string): string {
  const parsed = new URL(url, 'http://proxy');
  const route = parsed.searchParams.get('rest_route') ?? parsed.pathname.replace(/^\/wp-json/, '');
  return route;
}

export interface ProxyOptions {
  /** Answer /wp-json/… with a theme's 404 page, as a site without pretty permalinks does. */
  plainPermalinks?: boolean;
  /** Moves every answer's Date header by this much, as a site whose clock is off would send it. */
  dateShiftMs?: number;
}

export async function startRecordingProxy(targetUrl: string, options: ProxyOptions = {}): Promise<RecordingProxy> {
  const target = new URL(targetUrl);
  const requests: string[] = [];
  const urls: string[] = [];
  const toLose: { method: string; pathPrefix: string }[] = [];
  const server: Server = createServer((incoming, outgoing) => {
    const line = `${incoming.method} ${restRoute(incoming.url ?? '/')}`;
    requests.push(line);
    urls.push(incoming.url ?? '/');
    if (options.plainPermalinks && (incoming.url ?? '').startsWith('/wp-json')) {
      incoming.resume();
      outgoing.writeHead(404, { 'content-type': 'text/html; charset=UTF-8' }).end('<!doctype html><title>Page not found</title>');
      return;
    }
    const loseAt = toLose.findIndex((rule) => incoming.method === rule.method && restRoute(incoming.url ?? '/').startsWith(rule.pathPrefix));
    const lose = loseAt >= 0;
    if (lose) toLose.splice(loseAt, 1);
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (answer: IncomingMessage) => {
        if (lose) {
          // Let WordPress finish, then cut the connection before a byte of the answer reaches the desk.
          answer.resume();
          answer.on('end', () => incoming.socket.destroy());
          return;
        }
        const headers = { ...answer.headers };
        if (options.dateShiftMs && headers.date) headers.date = new Date(Date.parse(headers.date) + options.dateShiftMs).toUTCString();
        outgoing.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => incoming.socket.destroy());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    urls,
    loseNextAnswer(method, pathPrefix) {
      toLose.push({ method, pathPrefix });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface PublishingDesk {
  dir: string;
  drafts: DraftStore;
  media: MediaLibrary;
  board: BoardStore;
  settings: SettingsService;
  targets: TargetsStore;
  records: RemoteRecords;
  /** What the desk talks HTTP with, and the sites' clocks it learnt. */
  http: HttpClient;
  publisher: Publisher;
  target: PublishTarget;
  close(): Promise<void>;
}

/** Real stores on a fresh temp folder and a WordPress target at `siteUrl` with the site's application password. */
export function openPublishingDesk(site: WordPressSite, siteUrl: string): Promise<PublishingDesk> {
  return openDeskFor({ kind: 'wordpress', name: 'Test site', siteUrl, user: site.user, secret: site.appPassword }, 'newsdesk-publish-');
}

/** Real stores on a fresh temp folder (named from `prefix`) and one target, for any CMS. */
export async function openDeskFor(targetInput: TargetInput, prefix: string): Promise<PublishingDesk> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const libraryDir = join(dir, 'library');
  const settingsMap = new Map<string, unknown>();
  const settings = createSettingsService({ get: (key) => structuredClone(settingsMap.get(key)), set: (key, value) => void settingsMap.set(key, structuredClone(value)) });
  const drafts = await openDraftStore(libraryDir);
  const { library: media, errors: mediaErrors } = await openTestLibrary(join(libraryDir, 'media'), { creditStyle: () => settings.get().photoDesk.credit });
  const board = await openBoardStore(libraryDir, { quarantineDir: join(libraryDir, 'quarantine') });
  const targets = await openTargetsStore(libraryDir, createTestSecretBox());
  const target = await targets.save(targetInput);
  const records = openRemoteRecords(libraryDir);
  const http = createHttpClient();
  const publisher = createJobPublisher({ drafts, media, board, settings, targets, records, http });
  return {
    dir,
    drafts,
    media,
    board,
    settings,
    targets,
    records,
    http,
    publisher,
    target,
    async close() {
      await Promise.all([drafts.close(), media.close(), board.close(), targets.close()]);
      await rm(dir, { recursive: true, force: true });
      // The library's unexpected background failures would otherwise go unseen.
      if (mediaErrors.length > 0) throw new Error(`The photo library reported: ${mediaErrors.map(messageOf).join('; ')}`);
    },
  };
}

/** Agency pictures made by exiftool, imported into the library. */
export async function importAgencyPhotos(desk: PublishingDesk, kinds: readonly FixtureKind[]): Promise<Photo[]> {
  const fixtures = join(desk.dir, 'fixtures');
  const paths = await Promise.all(kinds.map((kind, i) => makePhotoFixture(fixtures, kind, { seed: 100 + i, width: 900, height: 600 })));
  const job = desk.media.importPaths(paths);
  const done = await desk.media.whenFinished(job.jobId);
  const ids = done.items.map((item) => item.photoId).filter((id): id is string => typeof id === 'string');
  if (ids.length !== kinds.length) throw new Error(`Imported ${ids.length} of ${kinds.length} fixtures: ${JSON.stringify(done.items)}`);
  return desk.media.getMany(ids);
}

export function useOf(photo: Photo): PhotoUse {
  return newPhotoUse(photo, DEFAULT_CREDIT_STYLE);
}

const text = (value: string, format = 0) => ({ type: 'text', version: 1, text: value, format, detail: 0, mode: 'normal', style: '' });
const block = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({ type, version: 1, format: '', indent: 0, direction: null, children, ...extra });

/** An inline photo node as the editor stores it. */
export function photoNode(use: PhotoUse, width: 'regular' | 'wide' = 'regular') {
  return {
    type: IMAGE_NODE_TYPE,
    version: 1,
    photoId: use.photoId,
    altText: use.altText,
    credit: use.credit,
    creditEdited: false,
    width,
    caption: { root: block('root', [block('paragraph', [text(use.caption)])]) },
    captionText: use.caption,
  };
}

/** A story body with a link, a pull quote, a list and two inline photos. */
export function bodyWithPhotos(first: PhotoUse, second: PhotoUse): LexicalDocument {
  return {
    root: block('root', [
      block('paragraph', [text('The budget was presented on '), text('Tuesday', 1), text(' after weeks of talks.')]),
      block('paragraph', [text('Read the '), block('link', [text('full text')], { url: 'https://example.com/budget', rel: null, target: null, title: null })]),
      photoNode(first),
      block('pullquote', [text('We will not raise taxes this year.')]),
      block('list', [block('listitem', [text('Health: +4%')], { value: 1 }), block('listitem', [text('Defence: +2%')], { value: 2 })], { listType: 'bullet', start: 1, tag: 'ul' }),
      photoNode(second, 'wide'),
      block('paragraph', [text('Parliament votes next month.')]),
    ]) as LexicalDocument['root'],
  };
}

/** A new article saved with `fields`. */
export async function saveArticle(drafts: DraftStore, fields: Partial<Article>): Promise<Article> {
  const created = await drafts.create({ section: 'Politics' });
  await drafts.save({ ...created, ...fields }, 'manual');
  return drafts.get(created.id);
}

const IDLE_PROGRESS: JobProgress = { label: 'Queued', step: 'waiting', photoIndex: 0, photoCount: 0, bytesSent: 0, bytesTotal: 0 };

export function newJob(articleId: string, targetId: string, fields: Partial<PublishJob> = {}): PublishJob {
  const at = new Date().toISOString();
  return {
    id: `j-${randomBytes(6).toString('hex')}`,
    articleId,
    targetId,
    headline: 'Story',
    mode: 'publish',
    clientKey: randomBytes(16).toString('hex'),
    overwrite: false,
    state: 'running',
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
    progress: IDLE_PROGRESS,
    log: [],
    conflict: null,
    remote: null,
    createdAt: at,
    updatedAt: at,
    ...fields,
  };
}

export interface AttemptResult {
  outcome: PublishOutcome | null;
  error: unknown;
  progress: JobProgress[];
  log: string[];
  ms: number;
}

/** Runs one attempt of `job` the way the outbox does, collecting its progress and log. */
export async function attempt(publisher: Publisher, job: PublishJob, signal: AbortSignal = new AbortController().signal): Promise<AttemptResult> {
  const progress: JobProgress[] = [];
  const log: string[] = [];
  let current = job.progress;
  const started = performance.now();
  try {
    const outcome = await publisher({
      job,
      signal,
      progress: (update) => {
        current = { ...current, ...update };
        progress.push(current);
      },
      log: (level, message) => log.push(`${level}: ${message}`),
    });
    return { outcome, error: null, progress, log, ms: performance.now() - started };
  } catch (error) {
    return { outcome: null, error, progress, log, ms: performance.now() - started };
  }
}

/** What the tests read back through the REST API (context=edit). */
export interface RestPost {
  id: number;
  status: string;
  date_gmt: string;
  modified_gmt: string;
  sticky: boolean;
  slug: string;
  featured_media: number;
  categories: number[];
  tags: number[];
  title: { raw: string };
  excerpt: { raw: string };
  content: { raw: string };
}
export interface RestMedia {
  id: number;
  slug: string;
  source_url: string;
  alt_text: string;
  caption: { raw: string };
  description: { raw: string };
}
export interface RestTerm {
  id: number;
  name: string;
}

/** Reads the site through its REST API as any other client would. */
export function restClient(site: WordPressSite) {
  const authorization = `Basic ${Buffer.from(`${site.user}:${site.appPassword}`).toString('base64')}`;
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${site.url}/wp-json/wp/v2${path}`, {
      method,
      headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const parsed = (await response.json()) as T;
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${JSON.stringify(parsed)}`);
    return parsed;
  };
  return {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body: unknown) => call<T>('POST', path, body),
    delete: <T>(path: string) => call<T>('DELETE', path),
    /** How many items a collection holds (X-WP-Total). */
    async total(path: string): Promise<number> {
      const response = await fetch(`${site.url}/wp-json/wp/v2${path}${path.includes('?') ? '&' : '?'}per_page=1&context=edit`, { headers: { authorization } });
      return Number(response.headers.get('x-wp-total'));
    },
  };
}
