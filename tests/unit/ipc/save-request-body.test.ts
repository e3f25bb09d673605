import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, type Handlers } from '../../../electron/main/ipc/dispatcher';
import { openDraftStore } from '../../../electron/main/services/drafts/draft-store';
import { CHANNELS } from '../../../shared/ipc/contract';
import { MAX_BODY_DEPTH, bodyProblem } from '../../../shared/model/article-body';
import { SaveRequest } from '../../../shared/ipc/drafts-contract';
import { EMPTY_BODY, type Article, type LexicalDocument } from '../../../shared/model/article';

/**
 * Regression found by the IPC fuzz: drafts:save checks an article body's root and top-level nodes
 * only, so a body carrying a BigInt, or nested thousands deep, passed validation and then failed
 * inside the draft store (JSON.stringify threw: an internal error, not a validation error). A Map,
 * Set or Date passed too and was silently stored as something else.
 */

const APP = { url: 'app://newsdesk/index.html', isMainFrame: true };
const AT = '2026-03-01T08:30:00.000Z';

function article(body: unknown): Article {
  return {
    schemaVersion: 3,
    id: 'harbour-0001',
    slug: '',
    slugEdited: false,
    headline: 'The harbour reopens',
    dek: '',
    body: body as LexicalDocument,
    byline: [],
    leadPhoto: null,
    section: 'News',
    tags: [],
    status: 'draft',
    createdAt: AT,
    updatedAt: AT,
  };
}

/** A body whose first paragraph holds `extra` next to its text. */
function bodyWith(extra: unknown): unknown {
  return { root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'Ships', extra }] }] } };
}

/** Lists nested in lists, `levels` deep, as the editor writes them. */
function nestedLists(levels: number): LexicalDocument {
  let node: { type: string; [key: string]: unknown } = { type: 'text', text: 'deepest', format: 0 };
  for (let level = 0; level < levels; level += 1) node = { type: 'list', listType: 'bullet', children: [{ type: 'listitem', children: [node] }] };
  return { root: { type: 'root', children: [node] } };
}

describe('drafts:save refuses a body that cannot be stored as JSON', () => {
  const save = vi.fn(() => ({ updatedAt: AT, revisionId: null }));
  const unused = () => {
    throw new Error('not used in this test');
  };
  const handlers = Object.fromEntries(CHANNELS.map((c) => [c, c === 'drafts:save' ? save : unused])) as unknown as Handlers;
  const dispatch = createDispatcher(handlers, { trustedOrigins: ['app://newsdesk'] });

  it.each([
    ['a BigInt', 10n, /JSON cannot hold \(bigint\)/],
    ['a Map', new Map([['a', 1]]), /not plain data/],
    ['a Set', new Set([1]), /not plain data/],
    ['a Date', new Date(0), /not plain data/],
    ['bytes', new Uint8Array(4), /not plain data/],
    ['NaN', Number.NaN, /not finite/],
    ['an array with a hole', [1, , 3], /hole/],
  ])('with %s in a node', async (_label, extra, reason) => {
    const result = await dispatch('drafts:save', { article: article(bodyWith(extra)), reason: 'auto' }, APP);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    if (!result.ok) expect(result.error.message).toMatch(reason);
    expect(save).not.toHaveBeenCalled();
  });

  it('nested deeper than the limit, without overflowing the stack itself', async () => {
    const result = await dispatch('drafts:save', { article: article(nestedLists(10_000)), reason: 'manual' }, APP);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    if (!result.ok) expect(result.error.message).toContain(`more than ${MAX_BODY_DEPTH} levels`);
    expect(save).not.toHaveBeenCalled();
  });

  it('accepts what the editor writes: plain JSON, undefined properties left out, deep but sane nesting', () => {
    expect(bodyProblem(EMPTY_BODY)).toBeNull();
    expect(bodyProblem(bodyWith(undefined))).toBeNull();
    expect(bodyProblem(Object.assign(Object.create(null) as object, { root: { type: 'root', children: [] } }))).toBeNull();
    expect(SaveRequest.safeParse({ article: article(nestedLists(60)), reason: 'auto' }).success).toBe(true);
  });

  it('lets the draft store save and read back the deepest body it accepts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsdesk-save-body-'));
    const drafts = await openDraftStore(dir, { onBackgroundError: () => undefined });
    try {
      // Each list level is four JSON levels (list, children, listitem, children).
      const deepest = nestedLists(Math.floor((MAX_BODY_DEPTH - 4) / 4));
      const request = SaveRequest.parse({ article: article(deepest), reason: 'manual' });
      await drafts.save(request.article, request.reason);
      expect((await drafts.get('harbour-0001')).body).toEqual(deepest);
    } finally {
      await drafts.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
