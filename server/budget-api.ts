import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Hocuspocus } from '@hocuspocus/server';
import type { z } from 'zod';
import { mayPlan, PlanChange, PlanInput, type BudgetEntry } from '../shared/desk/budget';
import { deskIdSchema, storyDocumentName, storyIdSchema } from '../shared/desk/desk-protocol';
import { messageOf } from '../shared/model/errors';
import { isMember, rolesOfUser } from './accounts';
import { createPlannedStory, publishBudgetEntry, writeStoryPhotoRequest } from './budget-index';
import { insertPlan, loadEntry, membersOf, recordProgress, updatePlan, type StoryProgress } from './budget-store';
import type { DeskDatabase } from './db/database';
import { HttpError, readJson, send, session } from './http-api';
import type { SessionClaims } from './tokens';

/**
 * The budget's HTTP API, on the desk server's port:
 *   GET  /api/desks/<desk>/members          who can be assigned
 *   POST /api/desks/<desk>/budget           plan a story → its budget entry
 *   POST /api/desks/<desk>/budget/<story>   change a plan (slot, due, target, assignee, photo request, note)
 * The server checks everything (a client that skips the app's form gets the same refusals), and a
 * refused request stores nothing.
 */
export interface BudgetApiOptions {
  db: DeskDatabase;
  tokenKey: Uint8Array;
  /** Set once the server runs: the budget document and new story documents are written through it. */
  hocuspocus: () => Hocuspocus | undefined;
}

/** Whether a user may plan, by the roles the database holds now (never the token's). */
async function userMayPlan(db: DeskDatabase, userId: string): Promise<boolean> {
  return mayPlan(await rolesOfUser(db, userId));
}

const ROUTE = /^\/api\/desks\/([^/]+)\/(members|budget)(?:\/([^/]+))?$/;

/** Answers the budget's paths; false for any other (the rest of the API answers those). */
export async function handleBudgetRequest(options: BudgetApiOptions, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const url = new URL(request.url ?? '/', 'http://desk');
  const match = ROUTE.exec(url.pathname);
  if (!match) return false;
  try {
    await route(options, request, response, match);
  } catch (error) {
    if (error instanceof HttpError) send(response, error.status, { error: error.message });
    else send(response, 500, { error: `The desk server failed: ${messageOf(error)}` });
  }
  return true;
}

function parsed<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const message = issue?.message ?? 'it is not readable.';
  const field = issue?.code === 'unrecognized_keys' ? '' : (issue?.path.join('.') ?? '');
  throw new HttpError(400, field === '' ? `The plan was refused: ${message}` : `The plan was refused (${field}): ${message}`);
}

async function route(options: BudgetApiOptions, request: IncomingMessage, response: ServerResponse, match: RegExpExecArray): Promise<void> {
  const { db } = options;
  const claims = await session(request, options.tokenKey);
  const desk = deskIdSchema.safeParse(match[1]);
  if (!desk.success || !(await isMember(db, claims.userId, desk.data))) throw new HttpError(403, 'You are not on that desk.');
  const deskId = desk.data;
  if (match[2] === 'members') {
    if (request.method !== 'GET' || match[3] !== undefined) throw new HttpError(405, 'Read the members with GET.');
    send(response, 200, { members: await membersOf(db.query, deskId) });
    return;
  }
  if (request.method !== 'POST') throw new HttpError(405, 'Plan stories with POST.');
  if (!(await userMayPlan(db, claims.userId))) throw new HttpError(403, 'Only an editor plans and assigns stories.');
  const body = await readJson(request);
  const entry = match[3] === undefined ? await plan(options, deskId, claims, body) : await change(options, deskId, match[3], claims, body);
  await publish(options, deskId, entry);
  send(response, match[3] === undefined ? 201 : 200, { entry });
}

async function checkAssignee(db: DeskDatabase, deskId: string, assigneeId: string | undefined): Promise<void> {
  if (assigneeId === undefined || assigneeId === '') return;
  if (!(await isMember(db, assigneeId, deskId))) throw new HttpError(400, `The plan was refused: the assignee is not on the desk ${deskId}.`);
}

async function plan(options: BudgetApiOptions, deskId: string, claims: SessionClaims, body: unknown): Promise<BudgetEntry> {
  const input = parsed(PlanInput, body);
  await checkAssignee(options.db, deskId, input.assigneeId);
  const hocuspocus = options.hocuspocus();
  if (!hocuspocus) throw new HttpError(503, 'The desk server is starting; try again in a moment.');
  const storyId = randomUUID();
  const entry = await insertPlan(options.db, deskId, storyId, input, claims);
  try {
    await createPlannedStory(hocuspocus, storyDocumentName(deskId, storyId), input);
  } catch (error) {
    // No plan without its story: take the plan back, so the budget never lists a story nobody can open.
    await options.db.transaction(async (query) => {
      await query('DELETE FROM budget_plans WHERE desk_id = $1 AND story_id = $2', [deskId, storyId]);
      await query('DELETE FROM budget_progress WHERE desk_id = $1 AND story_id = $2', [deskId, storyId]);
      // The story id is new: its only log entry is this plan's assignment, which did not happen.
      await query('DELETE FROM desk_audit WHERE desk_id = $1 AND story_id = $2', [deskId, storyId]);
    });
    throw new HttpError(500, `The story could not be created on the desk (${messageOf(error)}); nothing was planned.`);
  }
  return entry;
}

async function change(options: BudgetApiOptions, deskId: string, story: string, claims: SessionClaims, body: unknown): Promise<BudgetEntry> {
  const storyId = storyIdSchema.safeParse(story);
  if (!storyId.success) throw new HttpError(404, 'There is no such planned story on this desk.');
  const { photoRequest, ...input } = parsed(PlanChange, body);
  await checkAssignee(options.db, deskId, input.assigneeId);
  if (photoRequest !== undefined) {
    // Checked before the story is written, so a change refused for its plan writes nothing.
    if (!(await loadEntry(options.db.query, deskId, storyId.data))?.plan) throw new HttpError(404, 'There is no such planned story on this desk.');
    await askForPhoto(options, deskId, storyId.data, photoRequest);
  }
  const entry = await updatePlan(options.db, deskId, storyId.data, input, claims);
  if (!entry) throw new HttpError(404, 'There is no such planned story on this desk.');
  return entry;
}

/** The photo request lives in the story's document: written there, then shown in the budget at once. */
async function askForPhoto(options: BudgetApiOptions, deskId: string, storyId: string, wanted: string): Promise<void> {
  const hocuspocus = options.hocuspocus();
  if (!hocuspocus) throw new HttpError(503, 'The desk server is starting; try again in a moment.');
  let progress: StoryProgress;
  try {
    progress = await writeStoryPhotoRequest(hocuspocus, storyDocumentName(deskId, storyId), wanted);
  } catch (error) {
    throw new HttpError(500, `The photo request could not be written into the story (${messageOf(error)}); nothing was changed.`);
  }
  await recordProgress(options.db, deskId, storyId, progress);
}

async function publish(options: BudgetApiOptions, deskId: string, entry: BudgetEntry): Promise<void> {
  const hocuspocus = options.hocuspocus();
  // The plan is stored: the budget document catches up when it is next loaded if this fails.
  if (hocuspocus) await publishBudgetEntry(hocuspocus, deskId, entry).catch((error: unknown) => {
    console.error(`desk-server: the budget of ${deskId} was not updated: ${messageOf(error)}`);
  });
}
