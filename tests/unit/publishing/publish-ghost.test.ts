import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GhostTarget, PublishJob, RemoteRecord } from '../../../shared/model/publishing';
import { GhostCollision, type GhostApi, type GhostPost, type GhostPostFields } from '../../../electron/main/services/publishing/ghost/ghost-api';
import { publishToGhost } from '../../../electron/main/services/publishing/ghost/publish-ghost';
import { PublishError } from '../../../electron/main/services/publishing/http/publish-error';
import type { PublishOutcome } from '../../../electron/main/services/publishing/outbox/publisher';
import { openRemoteRecords, type RemoteRecords } from '../../../electron/main/services/publishing/remote/remote-records';
import { body, paragraph, text } from '../shared/photo-fixtures';
import { fullArticle } from './publishing-fixtures';
import { createHttpClient } from '../../../electron/main/services/publishing/http/http-client';

/**
 * The Ghost publisher's decisions against an in-memory Admin API that fails the ways a network and
 * Ghost do: an answer lost after the post was created, a 409 UPDATE_COLLISION, an edit on the site.
 * The real Ghost runs the same flows in tests/integration/ghost-publish.test.ts.
 */

const target: GhostTarget = { id: 't-ghost01', kind: 'ghost', name: 'Ghost', siteUrl: 'https://cms.example', hasSecret: true };
const article = fullArticle({ leadPhoto: null, body: body(paragraph(text('Water rose overnight.'))) });

class FakeGhost implements GhostApi {
  posts = new Map<string, GhostPost>();
  creates = 0;
  loseNextCreate = false;
  collideNextUpdate = false;
  refuseUsers = false;
  lastFields: Partial<GhostPostFields> | null = null;
  private clock = Date.parse('2026-06-01T12:00:00.000Z');
  private next = 1;

  private stamp(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString();
  }
  edit(id: string, title: string): void {
    this.posts.set(id, { ...this.posts.get(id)!, title, updated_at: this.stamp() });
  }
  async getPost(id: string) {
    return this.posts.get(id) ?? null;
  }
  async findPostByMarker(marker: string) {
    return [...this.posts.values()].find((post) => post.lexical?.includes(marker)) ?? null;
  }
  async createPost(fields: GhostPostFields) {
    this.creates += 1;
    this.lastFields = fields;
    const id = String(this.next++).padStart(24, '0');
    const post: GhostPost = { id, title: fields.title, slug: fields.slug ?? id, status: fields.status, url: `https://cms.example/${id}/`, updated_at: this.stamp(), custom_excerpt: fields.custom_excerpt, lexical: fields.lexical, html: '<p>…</p>' };
    this.posts.set(id, post);
    if (this.loseNextCreate) {
      this.loseNextCreate = false;
      throw new PublishError('offline', 'The connection to cms.example was closed while waiting for its answer.');
    }
    return post;
  }
  async updatePost(id: string, fields: Partial<GhostPostFields> & { updated_at: string }) {
    const current = this.posts.get(id)!;
    if (this.collideNextUpdate || fields.updated_at !== current.updated_at) {
      this.collideNextUpdate = false;
      this.edit(id, 'Edited on the site');
      throw new GhostCollision('The post was changed on the site.');
    }
    const post = { ...current, ...fields, updated_at: this.stamp() } as GhostPost;
    this.posts.set(id, post);
    return post;
  }
  async uploadImage(): Promise<string> {
    throw new Error('no photos in these stories');
  }
  async imageExists() {
    return false;
  }
  async listUsers() {
    if (this.refuseUsers) throw new PublishError('rejected', 'Ghost refused: this integration may not list staff users.', { status: 403 });
    return [{ id: 'owner0000000000000000001', name: 'Site Owner', slug: 'site-owner', email: 'owner@cms.example', roles: [{ name: 'Owner' }] }];
  }
}

const job = (fields: Partial<PublishJob> = {}): PublishJob => ({
  id: 'j-ghost-0001',
  articleId: article.id,
  targetId: target.id,
  headline: article.headline,
  mode: 'publish',
  clientKey: 'abcdef0123456789abcdef01',
  overwrite: false,
  state: 'running',
  attempts: 0,
  nextAttemptAt: null,
  lastError: null,
  progress: { label: '', step: 'waiting', photoIndex: 0, photoCount: 0, bytesSent: 0, bytesTotal: 0 },
  log: [],
  conflict: null,
  remote: null,
  createdAt: '2026-06-01T12:00:00.000Z',
  updatedAt: '2026-06-01T12:00:00.000Z',
  ...fields,
});

describe('publishing to Ghost', () => {
  let dir: string;
  let records: RemoteRecords;
  let ghost: FakeGhost;
  const log: string[] = [];
  const run = (fields: Partial<PublishJob> = {}, onTarget: GhostTarget = target): Promise<PublishOutcome> =>
    publishToGhost({
      context: { job: job(fields), signal: new AbortController().signal, progress: () => undefined, log: (_level, message) => log.push(message) },
      target: onTarget,
      adminApiKey: `${'a'.repeat(24)}:${'b'.repeat(64)}`,
      article,
      photos: new Map(),
      placement: null,
      feeds: [],
      records,
      media: { filePath: async () => null },
      writeXmp: false,
      api: ghost,
      http: createHttpClient(),
    });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsdesk-ghost-unit-'));
    records = openRemoteRecords(dir);
    ghost = new FakeGhost();
    log.splice(0);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('finds the post whose create answer was lost instead of creating it twice', async () => {
    ghost.loseNextCreate = true;
    await expect(run()).rejects.toThrow(/closed while waiting/);
    expect((await records.get(target.id, article.id))?.pending).toEqual([{ kind: 'post', key: 'abcdef0123456789abcdef01' }]);
    const outcome = await run();
    expect(outcome).toMatchObject({ kind: 'done', remote: { postId: '000000000000000000000001' } });
    expect(ghost.creates).toBe(1);
    expect(log).toContain('Found the post created by an earlier attempt (post 000000000000000000000001); it is updated, not created again.');
    expect((await records.get(target.id, article.id))?.pending).toEqual([]);
  });

  it('updates the same post while nobody else touched it, and stops with a conflict after an edit on the site', async () => {
    await run();
    expect(await run()).toMatchObject({ kind: 'done', remote: { postId: '000000000000000000000001' } });
    expect(ghost.creates).toBe(1);
    ghost.edit('000000000000000000000001', 'Their title');
    const outcome = await run();
    expect(outcome.kind).toBe('conflict');
    expect(outcome.kind === 'conflict' && outcome.conflict.remote.title).toBe('Their title');
    expect(ghost.posts.get('000000000000000000000001')?.title).toBe('Their title');
    expect(await run({ overwrite: true })).toMatchObject({ kind: 'done' });
    expect(ghost.posts.get('000000000000000000000001')?.title).toBe(article.headline);
  });

  it('turns Ghost’s 409 UPDATE_COLLISION during an update into the same conflict', async () => {
    await run();
    ghost.collideNextUpdate = true;
    const outcome = await run();
    expect(outcome.kind).toBe('conflict');
    expect(outcome.kind === 'conflict' && outcome.conflict.remote.title).toBe('Edited on the site');
  });

  it('credits the owner and shows the byline as a line when no staff user matches', async () => {
    await run();
    expect(ghost.lastFields?.authors).toEqual([{ id: 'owner0000000000000000001' }]);
    expect(ghost.lastFields?.lexical).toContain('<p class=\\"byline newsdesk-byline\\">By <span class=\\"author\\">Sam Reporter</span>');
    expect(log).toContain('Byline shown as a line at the top: “By Sam Reporter, Correspondent”; no site user matches “Sam Reporter”.');
  });

  it('still publishes, with the whole byline as the line and no authors sent, when the key may not list staff', async () => {
    ghost.refuseUsers = true;
    expect(await run({}, { ...target, id: 't-ghost02', siteUrl: 'https://refusing.example' })).toMatchObject({ kind: 'done' });
    expect(ghost.lastFields).not.toHaveProperty('authors');
    expect(ghost.lastFields?.lexical).toContain('newsdesk-byline');
  });

  it('writes the record twice an attempt: what it is about to send, then the result with its step in the history', async () => {
    const written: RemoteRecord[] = [];
    const flushed: boolean[] = [];
    const counted = records;
    records = {
      get: (targetId, articleId) => counted.get(targetId, articleId),
      put: (record, options) => (written.push(record), flushed.push(!options?.mayRevert), counted.put(record, options)),
    };
    await run();
    expect(written.map((record) => ({ pending: record.pending.length, postId: record.postId }))).toEqual([
      { pending: 1, postId: null },
      { pending: 0, postId: '000000000000000000000001' },
    ]);
    // The announce is durable before the create goes; the result may fall back to it after a power cut.
    expect(flushed).toEqual([true, false]);
    written.splice(0);
    await run();
    expect(written).toHaveLength(2);
    const onDisk = await counted.get(target.id, article.id);
    expect(onDisk?.history?.map(({ action, status, link }) => ({ action, status, link }))).toEqual([
      { action: 'published', status: 'publish', link: 'https://cms.example/000000000000000000000001/' },
      { action: 'updated', status: 'publish', link: 'https://cms.example/000000000000000000000001/' },
    ]);
  });

  it('sends no second post when a power cut took the record back to the announce of the create', async () => {
    const written: RemoteRecord[] = [];
    const counted = records;
    records = { get: (targetId, articleId) => counted.get(targetId, articleId), put: (record, options) => (written.push(record), counted.put(record, options)) };
    await run();
    await counted.put(written[0]!);
    expect(await run()).toMatchObject({ kind: 'done', remote: { postId: '000000000000000000000001' } });
    expect(ghost.creates).toBe(1);
    expect(log).toContain('Found the post created by an earlier attempt (post 000000000000000000000001); it is updated, not created again.');
  });

  it('records a publish after a retract as published again, with the retract over', async () => {
    await run();
    const live = (await records.get(target.id, article.id))!;
    await records.put({ ...live, retracted: { at: '2026-06-01T13:00:00.000Z', as: 'draft' }, history: [...(live.history ?? []), { at: '2026-06-01T13:00:00.000Z', action: 'retracted', status: 'draft', link: live.link }] });
    await run();
    const record = await records.get(target.id, article.id);
    expect(record?.retracted).toBeNull();
    expect(record?.history?.map((event) => event.action)).toEqual(['published', 'retracted', 'published']);
  });
});
