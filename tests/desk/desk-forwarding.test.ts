import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { storyDocumentName } from '../../shared/desk/desk-protocol';
import { StoryStore } from '../../server/story-store';
import { deskServicesSkipReason } from './services/real-services';
import { bodyOf, connectClient, typeInto, until, type DeskClient } from './support/desk-clients';
import { deskOnPostgres } from './support/desk-on-postgres';

// The order of a story update through the desk server: on to the other editors first, written
// ahead meanwhile, acknowledged to its sender only once written. The write is held by a lock in
// PostgreSQL itself, so the server runs exactly as it does for real.
const skipReason = deskServicesSkipReason();
if (skipReason) console.warn(`[desk-forwarding] skipped: ${skipReason}`);

const setup = deskOnPostgres(skipReason);

function client(storyId: string, token: string): DeskClient {
  const made = connectClient(setup.desk.server.webSocketUrl, 'news', storyId, token);
  setup.clients.push(made);
  return made;
}

async function storedBody(storyId: string): Promise<string> {
  const stored = await new StoryStore(setup.desk.server.db).load(storyDocumentName('news', storyId));
  const doc = new Y.Doc();
  if (stored) Y.applyUpdate(doc, stored);
  return bodyOf(doc);
}

/** The body in the compacted state of story_documents alone (what a store wrote). */
async function compactedBody(storyId: string): Promise<string> {
  const [row] = await setup.desk.server.db.query<{ state: Uint8Array }>('SELECT state FROM story_documents WHERE name = $1', [storyDocumentName('news', storyId)]);
  const doc = new Y.Doc();
  if (row) Y.applyUpdate(doc, new Uint8Array(row.state));
  return bodyOf(doc);
}

/**
 * Holds every write-ahead of updates until `release` is called: a transaction that locks the
 * updates table against writes (reads still go through).
 */
async function holdWrites(): Promise<{ release: () => Promise<void> }> {
  let release = (): void => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked = (): void => undefined;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const holder = setup.desk.server.db.transaction(async (query) => {
    await query('LOCK TABLE story_updates IN EXCLUSIVE MODE');
    locked();
    await released;
  });
  await Promise.race([isLocked, holder]);
  return {
    async release() {
      release();
      await holder;
    },
  };
}

describe.skipIf(skipReason !== null)('a story update through the desk server', () => {
  it('reaches the other editors while its write is held, and is acknowledged to its sender only once written', async () => {
    const ana = client('held-write', setup.desk.tokens.ana);
    const bo = client('held-write', setup.desk.tokens.bo);
    await until(() => ana.provider.isSynced && bo.provider.isSynced && ana.provider.unsyncedChanges === 0, 'both editors synced');

    const hold = await holdWrites();
    try {
      typeInto(ana.doc, 'sent on before it is written');
      await until(() => bodyOf(bo.doc) === 'sent on before it is written', 'the other editor to receive the update while its write is held', 10_000);
      // Not acknowledged, and not in the database: the write is still waiting for the lock.
      expect(ana.provider.unsyncedChanges).toBe(1);
      expect(await storedBody('held-write')).toBe('');
    } finally {
      await hold.release();
    }
    await until(() => ana.provider.unsyncedChanges === 0, 'the acknowledgement once the update is written');
    expect(await storedBody('held-write')).toBe('sent on before it is written');
  }, 60_000);

  it('keeps trying a write-ahead the database refuses, with its sender unacknowledged and connected, until it is in; a failed store does not end the server', async () => {
    const failures: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: unknown) => void failures.push(String(line)));
    const ana = client('refused-write', setup.desk.tokens.ana);
    const bo = client('refused-write', setup.desk.tokens.bo);
    await until(() => ana.provider.isSynced && bo.provider.isSynced && ana.provider.unsyncedChanges === 0, 'both editors synced');
    const closesBefore = ana.closes.length;

    // The database refuses every write-ahead while the table is away (a database in trouble).
    await setup.desk.server.db.query('ALTER TABLE story_updates RENAME TO story_updates_away');
    let restored = false;
    try {
      typeInto(ana.doc, 'kept while the database refuses it');
      await until(() => bodyOf(bo.doc) === 'kept while the database refuses it', 'the other editor to receive the update');
      await until(() => failures.filter((line) => line.includes('could not be written ahead')).length >= 2, 'the write to be refused and tried again');
      expect(ana.provider.unsyncedChanges).toBe(1);
      // The store that follows the change fails too; the server says so and serves on.
      await until(() => failures.some((line) => line.includes('refused-write was not stored')), 'the failed store to be said');
      await setup.desk.server.db.query('ALTER TABLE story_updates_away RENAME TO story_updates');
      restored = true;
    } finally {
      if (!restored) await setup.desk.server.db.query('ALTER TABLE story_updates_away RENAME TO story_updates').catch(() => undefined);
    }
    await until(() => ana.provider.unsyncedChanges === 0, 'the acknowledgement once the update is written', 20_000);
    expect(await storedBody('refused-write')).toBe('kept while the database refuses it');
    // Never cut off: the sender's connection stayed up through the refusals.
    expect(ana.closes.slice(closesBefore)).toEqual([]);
    // And the desk stores again once the database is back.
    typeInto(ana.doc, ', and after');
    await until(() => ana.provider.unsyncedChanges === 0, 'the second edit acknowledged');
    await until(async () => (await compactedBody('refused-write')) === bodyOf(ana.doc), 'the story stored in story_documents');
  }, 60_000);
});

afterEach(() => {
  vi.restoreAllMocks();
});
