import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDeskDatabase } from '../../server/db/database';
import { startDeskServer } from '../../server/desk-server';
import { BUDGET_MAP, budgetDocumentName, BudgetEntry, planResponseSchema, type PlanInput } from '../../shared/desk/budget';
import { STORY_META_MAP } from '../../shared/desk/desk-protocol';
import { PHOTO_REQUEST_KEY } from '../../shared/desk/photos';
import { readPhotoRequest } from '../../shared/desk/photo-request';
import { connectClient, connectDocument, login, until, type DeskClient } from './support/desk-clients';
import { addPeople, PASSWORD, PEOPLE, startDeskFixture, type DeskFixture } from './support/desk-fixture';

// One photo request per story, kept in the story's document: the plan dialog writes it there, an
// editor's desktop writes it there (offline too), the photo desk answers it there, and the budget
// shows what the document holds. Against the embedded desk (PGlite in this process).
let fixture: DeskFixture;
const clients: DeskClient[] = [];
const SLOW = 300_000;

beforeAll(async () => {
  fixture = await startDeskFixture();
}, SLOW);
afterAll(async () => {
  for (const client of clients) client.destroy();
  await fixture?.stop();
}, SLOW);

function api(path: string, token: string, body?: unknown): Promise<Response> {
  return fetch(`${fixture.server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const plan = (photoRequest: string): PlanInput => ({
  slug: '', headline: 'Ferry strike', section: 'News', slot: '', due: '', lengthTarget: 400, assigneeId: '', photoRequest, deskNote: '',
});

function budgetReader(): { entry(storyId: string): BudgetEntry | undefined; client: DeskClient } {
  const client = connectDocument(fixture.server.webSocketUrl, budgetDocumentName('news'), fixture.tokens.bo);
  clients.push(client);
  return {
    client,
    entry: (storyId) => BudgetEntry.safeParse(client.doc.getMap(BUDGET_MAP).get(storyId)).data,
  };
}

function story(storyId: string, token: string): DeskClient {
  const client = connectClient(fixture.server.webSocketUrl, 'news', storyId, token);
  clients.push(client);
  return client;
}

describe('the photo request, one per story, in its document', () => {
  it('asked in the plan dialog, it is written into the new story’s document, which the desktops read', async () => {
    const response = await api('/api/desks/news/budget', fixture.tokens.ana, plan('photo wanted: the empty quay'));
    expect(response.status).toBe(201);
    const { entry } = planResponseSchema.parse(await response.json());
    expect(entry).toMatchObject({ photo: 'wanted', photoWanted: 'photo wanted: the empty quay', plan: { photoRequest: 'photo wanted: the empty quay' } });

    const photoDesk = story(entry.storyId, fixture.tokens.bo);
    await until(() => readPhotoRequest(photoDesk.doc.getMap(STORY_META_MAP)) !== null, 'the request in the story document');
    expect(readPhotoRequest(photoDesk.doc.getMap(STORY_META_MAP))).toEqual({ wanted: 'photo wanted: the empty quay', state: 'wanted', mediaId: null, attachedBy: null });
    // Nothing kept beside the story that could disagree with it.
    const [row] = await fixture.server.db.query<{ photo_request: string }>('SELECT photo_request FROM budget_plans WHERE story_id = $1', [entry.storyId]);
    expect(row?.photo_request).toBe('');
  }, SLOW);

  it('asked on a story nobody planned, answered by the photo desk: the budget shows wanted, then ready with who attached it', async () => {
    const budget = budgetReader();
    await until(() => budget.client.provider.isSynced, 'the budget synced');
    const storyId = randomUUID();
    const editor = story(storyId, fixture.tokens.ana);
    await until(() => editor.provider.isSynced, 'the editor’s story synced');
    editor.doc.transact(() => {
      const meta = editor.doc.getMap(STORY_META_MAP);
      meta.set('headline', 'Night ferry cancelled');
      meta.set(PHOTO_REQUEST_KEY, { wanted: 'the dark terminal', state: 'wanted', mediaId: null, attachedBy: null });
    });
    await until(() => budget.entry(storyId)?.photo === 'wanted', 'wanted in the budget');
    expect(budget.entry(storyId)).toMatchObject({ photoWanted: 'the dark terminal', photoBy: null, plan: null });

    const photoDesk = story(storyId, fixture.tokens.bo);
    await until(() => readPhotoRequest(photoDesk.doc.getMap(STORY_META_MAP))?.wanted === 'the dark terminal', 'the request on the photo desk');
    const mediaId = 'b'.repeat(64);
    photoDesk.doc.transact(() => {
      const meta = photoDesk.doc.getMap(STORY_META_MAP);
      meta.set('leadPhoto', { photoId: mediaId });
      meta.set(PHOTO_REQUEST_KEY, { wanted: 'the dark terminal', state: 'ready', mediaId, attachedBy: 'Bo Photo' });
    });
    await until(() => budget.entry(storyId)?.photo === 'ready', 'ready in the budget');
    expect(budget.entry(storyId)).toMatchObject({ photoWanted: 'the dark terminal', photoBy: 'Bo Photo' });
  }, SLOW);

  it('changed from the budget, it is changed in the story; refused changes write nothing into any story', async () => {
    const { entry } = planResponseSchema.parse(await (await api('/api/desks/news/budget', fixture.tokens.ana, plan(''))).json());
    expect(entry.photo).toBe('none');
    const reader = story(entry.storyId, fixture.tokens.bo);
    await until(() => reader.provider.isSynced, 'the story synced');

    const changed = await api(`/api/desks/news/budget/${entry.storyId}`, fixture.tokens.ana, { photoRequest: 'the captain on the bridge' });
    expect(changed.status).toBe(200);
    expect(planResponseSchema.parse(await changed.json()).entry).toMatchObject({ photo: 'wanted', photoWanted: 'the captain on the bridge' });
    await until(() => readPhotoRequest(reader.doc.getMap(STORY_META_MAP))?.wanted === 'the captain on the bridge', 'the request in the story');

    // Not an editor, a request too long, a story never planned: refused, the story untouched.
    const byPhotoDesk = await api(`/api/desks/news/budget/${entry.storyId}`, fixture.tokens.bo, { photoRequest: 'anything at all' });
    expect(byPhotoDesk.status).toBe(403);
    const tooLong = await api(`/api/desks/news/budget/${entry.storyId}`, fixture.tokens.ana, { photoRequest: 'x'.repeat(501) });
    expect(tooLong.status).toBe(400);
    const neverPlanned = randomUUID();
    const missing = await api(`/api/desks/news/budget/${neverPlanned}`, fixture.tokens.ana, { photoRequest: 'a ghost' });
    expect(missing.status).toBe(404);
    const ghost = story(neverPlanned, fixture.tokens.ana);
    await until(() => ghost.provider.isSynced, 'the unplanned story synced');
    expect(ghost.doc.getMap(STORY_META_MAP).has(PHOTO_REQUEST_KEY)).toBe(false);
    expect(readPhotoRequest(reader.doc.getMap(STORY_META_MAP))?.wanted).toBe('the captain on the bridge');

    // Withdrawn from the budget: gone from the story and the budget.
    const withdrawn = await api(`/api/desks/news/budget/${entry.storyId}`, fixture.tokens.ana, { photoRequest: '' });
    expect(planResponseSchema.parse(await withdrawn.json()).entry).toMatchObject({ photo: 'none', photoWanted: '' });
    await until(() => !reader.doc.getMap(STORY_META_MAP).has(PHOTO_REQUEST_KEY), 'the request gone from the story');
  }, SLOW);

  it('a request an older desk kept beside the plan is moved into its story at the next start, and nothing is lost', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'desk-legacy-photo-'));
    const options = { port: 0, host: '127.0.0.1', dataDir: join(dir, 'db'), storeDebounceMs: 200 };
    let server = await startDeskServer(options);
    try {
      await addPeople(server);
      const ana = await login(server.url, PEOPLE.ana.email, PASSWORD);
      const planned = await fetch(`${server.url}/api/desks/news/budget`, { method: 'POST', headers: { Authorization: `Bearer ${ana.token}` }, body: JSON.stringify(plan('')) });
      const { storyId } = planResponseSchema.parse(await planned.json()).entry;
      await server.stop();
      // What a desk from before kept: the request in the plan's own column, nothing in the story.
      const db = await openDeskDatabase({ dataDir: options.dataDir });
      await db.query(`UPDATE budget_plans SET photo_request = 'photo wanted: the old quay' WHERE story_id = $1`, [storyId]);
      await db.close();

      server = await startDeskServer(options);
      const bo = await login(server.url, PEOPLE.bo.email, PASSWORD);
      const client = connectDocument(server.webSocketUrl, `desk/news/story/${storyId}`, bo.token);
      try {
        await until(() => readPhotoRequest(client.doc.getMap(STORY_META_MAP))?.wanted === 'photo wanted: the old quay', 'the old request in the story');
      } finally {
        client.destroy();
      }
      const [row] = await server.db.query<{ photo_request: string; photo_wanted: string }>(
        `SELECT p.photo_request, pr.photo_wanted FROM budget_plans p JOIN budget_progress pr USING (desk_id, story_id) WHERE p.story_id = $1`, [storyId]);
      expect(row).toEqual({ photo_request: '', photo_wanted: 'photo wanted: the old quay' });
    } finally {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
  }, SLOW);
});
