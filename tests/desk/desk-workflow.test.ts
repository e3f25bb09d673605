import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addUser } from '../../server/accounts';
import { issueToken } from '../../server/tokens';
import { auditResponseSchema, type AuditEntry } from '../../shared/desk/audit';
import { STORY_META_MAP } from '../../shared/desk/desk-protocol';
import { captionRootName } from '../../shared/desk/lexical-yjs-layout';
import { STORY_WORKFLOW_MAP, storyWorkflowResponseSchema } from '../../shared/desk/workflow';
import { bodyText, connectClient, login, until, type DeskClient } from './support/desk-clients';
import { PASSWORD, startDeskFixture, type DeskFixture } from './support/desk-fixture';

// The status workflow enforced by the desk server: through the document (what any Yjs client can
// write) and through the workflow API, with every step in the audit log. Embedded PGlite: runs
// everywhere, nothing skipped.
const SLOW = 180_000;
let desk: DeskFixture;
const tokens = { reporter: '', editor: '', publisher: '' };
const clients: DeskClient[] = [];

function client(storyId: string, token: string): DeskClient {
  const made = connectClient(desk.server.webSocketUrl, 'news', storyId, token);
  clients.push(made);
  return made;
}

async function api(token: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${desk.server.url}/api/desks/news/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function audit(storyId: string): Promise<AuditEntry[]> {
  return auditResponseSchema.parse((await api(tokens.editor, `audit?story=${storyId}`)).json).entries;
}

const statusOf = (made: DeskClient): unknown => made.doc.getMap(STORY_META_MAP).get('status');

beforeAll(async () => {
  desk = await startDeskFixture({}, false);
  await addUser(desk.server.db, { name: 'Rae Reporter', email: 'rae@example.org', roles: ['reporter'], password: PASSWORD, desks: ['news'] });
  await addUser(desk.server.db, { name: 'Ed Editor', email: 'ed@example.org', roles: ['editor', 'reporter'], password: PASSWORD, desks: ['news'] });
  await addUser(desk.server.db, { name: 'Pat Publisher', email: 'pat@example.org', roles: ['publisher'], password: PASSWORD, desks: ['news'] });
  tokens.reporter = (await login(desk.server.url, 'rae@example.org', PASSWORD)).token;
  tokens.editor = (await login(desk.server.url, 'ed@example.org', PASSWORD)).token;
  tokens.publisher = (await login(desk.server.url, 'pat@example.org', PASSWORD)).token;
}, SLOW);
afterAll(async () => {
  for (const made of clients) made.destroy();
  await desk?.stop();
}, 60_000);

describe('the status workflow on the desk server', () => {
  it('tells a user their roles as the desk records them', async () => {
    const signedIn = await login(desk.server.url, 'ed@example.org', PASSWORD);
    expect(signedIn.user.roles).toEqual(['reporter', 'editor']);
    expect((await api(tokens.publisher, 'me')).json).toEqual({ roles: ['publisher'] });
  });

  it('undoes a status a reporter writes into the document, an editor approves, and text changes send it back to review', async () => {
    const rae = client('harbour', tokens.reporter);
    await until(() => rae.provider.isSynced, 'the reporter synced');
    rae.doc.transact(() => {
      bodyText(rae.doc).insert(0, 'Harbour strike ends');
      rae.doc.getMap(STORY_META_MAP).set('status', 'ready');
    });
    await until(() => rae.provider.unsyncedChanges === 0, 'the draft acknowledged');
    // A forged approval straight into the shared document (no UI, no API): applied, then undone.
    rae.doc.getMap(STORY_META_MAP).set('status', 'approved');
    await until(() => statusOf(rae) === 'ready', 'the forged approval undone');
    rae.doc.getMap(STORY_META_MAP).set('status', 'published');
    await until(() => statusOf(rae) === 'ready', 'the forged publish undone');
    // The server's own note cannot be forged either.
    rae.doc.getMap(STORY_WORKFLOW_MAP).set('note', 'Approved by the chief');
    await until(() => rae.doc.getMap(STORY_WORKFLOW_MAP).get('note') === 'Ready for review (Rae Reporter)', 'the forged note undone');

    const ed = client('harbour', tokens.editor);
    await until(() => ed.provider.isSynced, 'the editor synced');
    ed.doc.getMap(STORY_META_MAP).set('status', 'approved');
    await until(() => statusOf(rae) === 'approved', 'the approval reaching the reporter');

    bodyText(rae.doc).insert(0, 'Update: ');
    await until(() => statusOf(ed) === 'ready', 'the changed story back in review');
    expect(ed.doc.getMap(STORY_WORKFLOW_MAP).get('note')).toBe('Back to review: Rae Reporter changed the text after it was approved');

    await until(async () => (await audit('harbour')).length === 5, 'five audit entries');
    expect((await audit('harbour')).map((entry) => `${entry.who} · ${entry.action} · ${entry.summary}`).reverse()).toEqual([
      'Rae Reporter · status · Rae Reporter: Draft → Ready for review',
      'Rae Reporter · status-refused · Rae Reporter was refused setting the story approved: Only an editor may set a story approved.',
      'Rae Reporter · status-refused · Rae Reporter was refused setting the story published: A story cannot go from ready for review to published.',
      'Ed Editor · status · Ed Editor: Ready for review → Approved',
      'Rae Reporter · reopened · Back to review: Rae Reporter changed the text after it was approved',
    ]);
  }, SLOW);

  it('refuses a reporter’s approval and publish through the API, lets an editor approve and a publisher publish', async () => {
    const rae = client('budget', tokens.reporter);
    await until(() => rae.provider.isSynced, 'the reporter synced');
    bodyText(rae.doc).insert(0, 'Council passes the budget');
    await until(() => rae.provider.unsyncedChanges === 0, 'the story acknowledged');

    const asReporter = storyWorkflowResponseSchema.parse((await api(tokens.reporter, 'stories/budget/workflow')).json);
    expect(asReporter.status).toBe('draft');
    expect(asReporter.moves).toEqual([{ to: 'ready', allowed: true }]);
    expect((await api(tokens.reporter, 'stories/budget/status', { to: 'ready' })).status).toBe(200);
    // A role claimed in the request is no role: the server reads the user's roles itself.
    expect(await api(tokens.reporter, 'stories/budget/status', { to: 'approved', roles: ['editor'] }))
      .toEqual({ status: 403, json: { error: 'Only an editor may set a story approved.' } });
    expect(await api(tokens.reporter, 'stories/budget/published', { target: 'News site' }))
      .toEqual({ status: 403, json: { error: 'Only a publisher may publish a desk story.' } });
    expect(await api(tokens.publisher, 'stories/budget/published', { target: 'News site' }))
      .toEqual({ status: 403, json: { error: 'A story cannot go from ready for review to published.' } });

    const approved = storyWorkflowResponseSchema.parse((await api(tokens.editor, 'stories/budget/status', { to: 'approved' })).json);
    expect(approved.status).toBe('approved');
    await until(() => statusOf(rae) === 'approved', 'the approval in the reporter’s document');
    const published = storyWorkflowResponseSchema.parse((await api(tokens.publisher, 'stories/budget/published', { target: 'News site' })).json);
    expect(published.status).toBe('published');
    expect(published.last?.note).toBe('Published to News site by Pat Publisher');
    await until(() => statusOf(rae) === 'published', 'the publish in the reporter’s document');

    await until(async () => (await audit('budget')).length === 6, 'six audit entries');
    expect((await audit('budget')).map((entry) => `${entry.who} · ${entry.action}`).reverse()).toEqual([
      'Rae Reporter · status', 'Rae Reporter · status-refused', 'Rae Reporter · publish-refused', 'Pat Publisher · publish-refused',
      'Ed Editor · status', 'Pat Publisher · published',
    ]);
    // The desk-wide log holds both stories' steps.
    expect((await api(tokens.editor, 'audit')).json.entries).toHaveLength(11);
  }, SLOW);

  it('sends an approved story back to review when a photo caption is changed (a caption is a shared text beside the body)', async () => {
    const rae = client('quay', tokens.reporter);
    await until(() => rae.provider.isSynced, 'the reporter synced');
    rae.doc.transact(() => {
      bodyText(rae.doc).insert(0, 'Quay reopens');
      rae.doc.get(captionRootName('lead'), Y.XmlText).insert(0, 'The quay at dawn');
      rae.doc.getMap(STORY_META_MAP).set('status', 'ready');
    });
    const ed = client('quay', tokens.editor);
    await until(() => ed.provider.isSynced, 'the editor synced');
    ed.doc.getMap(STORY_META_MAP).set('status', 'approved');
    await until(() => statusOf(rae) === 'approved', 'the approval reaching the reporter');

    rae.doc.get(captionRootName('lead'), Y.XmlText).insert(0, 'Fog: ');
    await until(() => statusOf(ed) === 'ready', 'the story with its changed caption back in review');
    expect(ed.doc.getMap(STORY_WORKFLOW_MAP).get('note')).toBe('Back to review: Rae Reporter changed the text after it was approved');
  }, SLOW);

  it('refuses bad requests with a clear message and a token with forged claims', async () => {
    expect(await api(tokens.editor, 'stories/budget/status', { to: 'retracted' }))
      .toEqual({ status: 403, json: { error: '"retracted" is not a status.' } });
    expect(await api(tokens.editor, 'stories/nothing-here/status', { to: 'ready' }))
      .toEqual({ status: 404, json: { error: 'No such story on this desk.' } });
    expect(await api(tokens.editor, 'stories/budget/status', {}))
      .toEqual({ status: 400, json: { error: 'Give the status to move the story to.' } });
    const forged = await issueToken(new TextEncoder().encode('f'.repeat(40)), { userId: 'someone', name: 'Mallory' }, 3600);
    expect((await api(forged.token, 'stories/budget/published', { target: 'News site' })).status).toBe(401);
    // fetch resolves the path to /api/desks/sport/me: a desk the editor is not on.
    expect((await api(tokens.editor, '../sport/me')).status).toBe(403);
  });
});
