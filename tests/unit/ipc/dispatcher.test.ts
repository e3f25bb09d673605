import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, type Handlers } from '../../../electron/main/ipc/dispatcher';
import { CHANNELS } from '../../../shared/ipc/contract';
import { UserFacingError } from '../../../shared/model/errors';

const APP = { url: 'app://newsdesk/index.html', isMainFrame: true };

function handlersWith(overrides: Partial<Handlers>): Handlers {
  const unused = () => {
    throw new Error('not used in this test');
  };
  return Object.fromEntries(CHANNELS.map((c) => [c, overrides[c] ?? unused])) as unknown as Handlers;
}

describe('IPC dispatcher', () => {
  const getDraft = vi.fn(async ({ id }: { id: string }) => ({ id }) as never);
  const dispatch = createDispatcher(
    handlersWith({
      'drafts:get': getDraft,
      'drafts:trash': async () => {
        throw new UserFacingError('not-found', 'The article “x” no longer exists.');
      },
      'drafts:listTrash': async () => {
        throw new Error('disk on fire');
      },
    }),
    { trustedOrigins: ['app://newsdesk'] },
  );

  it('passes a valid request from the app page to the service and wraps the answer', async () => {
    const result = await dispatch('drafts:get', { id: 'abcdef12-3456' }, APP);
    expect(result).toEqual({ ok: true, value: { id: 'abcdef12-3456' } });
    expect(getDraft).toHaveBeenCalledWith({ id: 'abcdef12-3456' }, APP);
  });

  it('refuses calls from a subframe or another origin before validating anything', async () => {
    getDraft.mockClear();
    const fromFrame = await dispatch('drafts:get', { id: 'abcdef12-3456' }, { ...APP, isMainFrame: false });
    const fromWeb = await dispatch('drafts:get', { id: 'abcdef12-3456' }, { url: 'https://evil.example/', isMainFrame: true });
    const fromFile = await dispatch('drafts:get', { id: 'abcdef12-3456' }, { url: 'file:///tmp/x.html', isMainFrame: true });
    for (const result of [fromFrame, fromWeb, fromFile]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(getDraft).not.toHaveBeenCalled();
  });

  it('answers malformed payloads and unknown channels with a readable validation error', async () => {
    for (const payload of [null, 42, 'x', [], { id: '../../etc/passwd' }, { id: 'abcdef12-3456', extra: 1 }]) {
      const result = await dispatch('drafts:get', payload, APP);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      if (!result.ok) expect(result.error.message).toMatch(/drafts:get/);
    }
    expect(await dispatch('fs:readAnything', {}, APP)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await dispatch({ toString: null }, {}, APP)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('keeps the message of user-facing errors and wraps unexpected ones', async () => {
    expect(await dispatch('drafts:trash', { id: 'abcdef12-3456' }, APP)).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'The article “x” no longer exists.' },
    });
    const internal = await dispatch('drafts:listTrash', {}, APP);
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!internal.ok) expect(internal.error.message).toContain('disk on fire');
  });

  it('words a disk failure a service let through as an io error naming the folder, never the temp file', async () => {
    const folder = join(tmpdir(), `newsdesk-missing-${process.pid}`, 'drafts');
    // A real failed open, as a write into a folder deleted behind the app's back gives.
    const failure = await open(join(folder, '.abc.json.0123456789ab.tmp'), 'wx').then(
      () => null,
      (error: unknown) => error,
    );
    const io = createDispatcher(
      handlersWith({
        'drafts:listTrash': () => {
          throw failure;
        },
      }),
      { trustedOrigins: ['app://newsdesk'] },
    );
    expect(await io('drafts:listTrash', {}, APP)).toEqual({
      ok: false,
      error: {
        code: 'io',
        message: `Newsdesk could not complete "drafts:listTrash". A folder of the library is missing (${folder}): it may have been moved or deleted outside Newsdesk.`,
      },
    });
  });
});
