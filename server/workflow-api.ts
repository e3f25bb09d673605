import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Hocuspocus } from '@hocuspocus/server';
import type * as Y from 'yjs';
import { deskAuditQuerySchema, publishedRequestSchema, statusChangeRequestSchema, type DeskAuditQuery } from '../shared/desk/audit';
import { hasRole, type DeskRole } from '../shared/desk/roles';
import { deskIdSchema, storyDocumentName, storyIdSchema, type StoryDocumentName } from '../shared/desk/desk-protocol';
import { messageOf } from '../shared/model/errors';
import { movesFrom, type StoryWorkflowResponse } from '../shared/desk/workflow';
import { isMember, rolesOfUser } from './accounts';
import { readAudit, readDeskAuditPage, recordAudit, type AuditRecord } from './audit-log';
import type { DeskDatabase } from './db/database';
import { HttpError, readJson, send } from './http-api';
import { LeadCreditWatch } from './lead-credit-audit';
import { StoryWorkflow, type WorkflowActor } from './story-workflow';
import type { SessionClaims } from './tokens';

/** The workflow guard of every story document loaded on this instance. */
export class WorkflowRegistry {
  private readonly guards = new Map<string, StoryWorkflow>();
  private readonly leadCredits = new Map<string, LeadCreditWatch>();

  constructor(private readonly db: DeskDatabase) {}

  attach(name: string, story: StoryDocumentName, doc: Y.Doc): void {
    this.detach(name);
    this.guards.set(name, new StoryWorkflow(doc, story, (record) => this.audit(record)));
    this.leadCredits.set(name, new LeadCreditWatch(doc, story, (record) => this.audit(record)));
  }

  detach(name: string): void {
    this.guards.get(name)?.detach();
    this.guards.delete(name);
    this.leadCredits.get(name)?.detach();
    this.leadCredits.delete(name);
  }

  /** A story document was stored: what is logged between stored versions (the lead photo's credit) is logged now. */
  stored(name: string): void {
    this.leadCredits.get(name)?.onStored();
  }

  get(name: string): StoryWorkflow | undefined {
    return this.guards.get(name);
  }

  /** The log is a record of what happened: failing to write it must not undo the change itself. */
  audit(record: AuditRecord): void {
    recordAudit(this.db, record).catch((error: unknown) => {
      console.error(`desk-server: the audit log of ${record.deskId} missed "${record.summary}": ${messageOf(error)}`);
    });
  }
}

export interface WorkflowApiOptions {
  db: DeskDatabase;
  registry: WorkflowRegistry;
  hocuspocus: () => Hocuspocus | undefined;
}

const ROUTE = /^\/api\/desks\/([^/]+)\/(?:(me|audit)|stories\/([^/]+)\/(workflow|status|published))$/;

async function storyExists(options: WorkflowApiOptions, name: string): Promise<boolean> {
  if (options.hocuspocus()?.documents.has(name)) return true;
  const rows = await options.db.query(
    'SELECT 1 FROM story_documents WHERE name = $1 UNION ALL SELECT 1 FROM story_updates WHERE name = $1 LIMIT 1', [name]);
  return rows.length > 0;
}

/** Runs `work` on the story's loaded document and its guard, through Hocuspocus (so changes reach everyone and are stored). */
async function withStory<T>(options: WorkflowApiOptions, name: string, work: (guard: StoryWorkflow) => T): Promise<T> {
  const hocuspocus = options.hocuspocus();
  if (!hocuspocus) throw new HttpError(503, 'The desk server is starting; try again.');
  const connection = await hocuspocus.openDirectConnection(name, { system: true });
  try {
    const guard = options.registry.get(name);
    if (!guard) throw new HttpError(500, 'The story is not loaded on the desk server.');
    return work(guard);
  } finally {
    await connection.disconnect();
  }
}

/** Who reads the desk's whole log: those who run the desk, not every member (a story's own log is open to all). */
const DESK_LOG_READERS: readonly DeskRole[] = ['editor', 'publisher', 'admin'];
export const DESK_LOG_REFUSED = 'Only an editor, a publisher or an admin may read the whole desk’s audit log; a story’s own log is open from the story.';

function deskAuditQueryOf(url: URL, roles: readonly DeskRole[]): DeskAuditQuery {
  if (!DESK_LOG_READERS.some((role) => hasRole({ roles }, role))) throw new HttpError(403, DESK_LOG_REFUSED);
  const parsed = deskAuditQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) throw new HttpError(400, `That is not a page of the audit log: give before (an entry id), limit (1 to 200) and kind (status, assignment, publish or credit). ${parsed.error.issues[0]?.message ?? ''}`.trim());
  return parsed.data;
}

/**
 * The workflow's HTTP API (on the desk API's port, after sign-in):
 *   GET  /api/desks/<desk>/me                             the user's roles, read from the database
 *   GET  /api/desks/<desk>/audit?story=<id>               one story's audit log, newest first (any member)
 *   GET  /api/desks/<desk>/audit[?before=&limit=&kind=]   the desk's whole log, paged (editors, publishers, admins)
 *   GET  /api/desks/<desk>/stories/<story>/workflow       status, the user's moves, the last move
 *   POST /api/desks/<desk>/stories/<story>/status         {to}: a move, checked like one in the document
 *   POST /api/desks/<desk>/stories/<story>/published      {target}: a publisher's publish, recorded
 * Returns false for other paths. Roles always come from the database, never from the request.
 */
export async function handleWorkflowRequest(options: WorkflowApiOptions, request: IncomingMessage, response: ServerResponse, url: URL, claims: SessionClaims): Promise<boolean> {
  const match = ROUTE.exec(url.pathname);
  if (!match) return false;
  const [, deskPart, deskRoute, storyPart, storyRoute] = match;
  const desk = deskIdSchema.safeParse(deskPart);
  if (!desk.success || !(await isMember(options.db, claims.userId, desk.data))) throw new HttpError(403, 'You are not on that desk.');
  const deskId = desk.data;
  const roles = await rolesOfUser(options.db, claims.userId);
  const post = storyRoute === 'status' || storyRoute === 'published';
  if (request.method !== (post ? 'POST' : 'GET')) throw new HttpError(405, `Use ${post ? 'POST' : 'GET'} here.`);

  if (deskRoute === 'me') {
    send(response, 200, { roles });
    return true;
  }
  if (deskRoute === 'audit' && !url.searchParams.has('story')) {
    send(response, 200, await readDeskAuditPage(options.db, deskId, deskAuditQueryOf(url, roles)));
    return true;
  }
  if (deskRoute === 'audit') {
    const storyParam = url.searchParams.get('story');
    const story = storyParam === null ? null : storyIdSchema.safeParse(storyParam);
    if (story && !story.success) throw new HttpError(400, 'That is not a story id.');
    send(response, 200, { entries: await readAudit(options.db, deskId, story ? story.data : null) });
    return true;
  }
  const story = storyIdSchema.safeParse(storyPart);
  if (!story.success) throw new HttpError(400, 'That is not a story id.');
  const name = storyDocumentName(deskId, story.data);
  if (!(await storyExists(options, name))) throw new HttpError(404, 'No such story on this desk.');
  const actor: WorkflowActor = { userId: claims.userId, name: claims.name, roles };

  if (!post) {
    const body = await withStory(options, name, (guard): StoryWorkflowResponse => ({
      status: guard.status, roles, moves: movesFrom(actor, guard.status), last: guard.lastNote,
    }));
    send(response, 200, body);
    return true;
  }
  const input = await readJson(request);
  if (storyRoute === 'status') {
    const parsed = statusChangeRequestSchema.safeParse(input);
    if (!parsed.success) throw new HttpError(400, 'Give the status to move the story to.');
    const check = await withStory(options, name, (guard) => guard.move(actor, parsed.data.to));
    if (!check.allowed) throw new HttpError(403, check.reason);
  } else {
    const parsed = publishedRequestSchema.safeParse(input);
    if (!parsed.success) throw new HttpError(400, 'Say where the story was published.');
    const check = await withStory(options, name, (guard) => guard.published(actor, parsed.data.target, parsed.data.url));
    if (!check.allowed) throw new HttpError(403, check.reason);
  }
  const after = await withStory(options, name, (guard) => ({ status: guard.status, moves: movesFrom(actor, guard.status), roles, last: guard.lastNote }));
  send(response, 200, after);
  return true;
}
