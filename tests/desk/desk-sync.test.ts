import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { storyDocumentName } from '../../shared/desk/desk-protocol';
import { StoryStore } from '../../server/story-store';
import { deskServicesSkipReason } from './services/real-services';
import { bodyOf, connectClient, sameState, typeInto, until, type DeskClient } from './support/desk-clients';
import { deskOnPostgres } from './support/desk-on-postgres';

// Headless editors through a real desk server on a real PostgreSQL.
const skipReason = deskServicesSkipReason();
if (skipReason) console.warn(`[desk-sync] skipped: ${skipReason}`);

const setup = deskOnPostgres(skipReason);

function client(storyId: string, token: string): DeskClient {
  const made = connectClient(setup.desk.server.webSocketUrl, 'news', storyId, token);
  setup.clients.push(made);
  return made;
}

describe.skipIf(skipReason !== null)('the desk server syncs a story between editors', () => {
  it('two editors typing at once converge on the same text, every keystroke kept', async () => {
    const ana = client('converge', setup.desk.tokens.ana);
    const bo = client('converge', setup.desk.tokens.bo);
    await until(() => ana.provider.isSynced && bo.provider.isSynced, 'both editors synced');
    for (let i = 0; i < 100; i += 1) {
      typeInto(ana.doc, 'a');
      typeInto(bo.doc, 'b');
      if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await until(() => sameState(ana.doc, bo.doc), 'the two documents to converge');
    const text = bodyOf(ana.doc);
    expect(text.length).toBe(200);
    expect(text.replace(/b/g, '')).toBe('a'.repeat(100));
  });

  it('keeps each story to itself: an edit in one story never reaches another', async () => {
    const one = client('story-one', setup.desk.tokens.ana);
    const two = client('story-two', setup.desk.tokens.bo);
    const oneAgain = client('story-one', setup.desk.tokens.bo);
    await until(() => one.provider.isSynced && two.provider.isSynced && oneAgain.provider.isSynced, 'synced');
    typeInto(one.doc, 'only in one');
    await until(() => bodyOf(oneAgain.doc) === 'only in one', 'the edit to reach the same story');
    expect(bodyOf(two.doc)).toBe('');
  });

  it('stores the document: a new editor after everyone left gets the whole story from the database', async () => {
    const ana = client('stored', setup.desk.tokens.ana);
    await until(() => ana.provider.isSynced, 'synced');
    typeInto(ana.doc, 'kept in the database');
    await until(() => ana.provider.unsyncedChanges === 0, 'the edit acknowledged');
    const stored = await new StoryStore(setup.desk.server.db).load(storyDocumentName('news', 'stored'));
    expect(stored).not.toBeNull();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, stored ?? new Uint8Array());
    expect(bodyOf(copy)).toBe('kept in the database');
  });
});
