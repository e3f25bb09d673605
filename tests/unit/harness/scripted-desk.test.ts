import { describe, expect, it } from 'vitest';
import { NO_KEYCHAIN_MESSAGE } from '../../../electron/main/services/publishing/targets/targets-store';
import { UserFacingError } from '../../../shared/model/errors';
import { createTestSecretBox } from '../../fakes/secret-box';
import { createScriptedDesk } from '../../e2e/harness/scripted-desk';

// The browser specs' stand-in for main's desk session must refuse what the real one refuses, or
// the UI's failure paths would never be exercised.

const caller = { url: 'http://newsdesk.localhost/index.html', isMainFrame: true };
const signIn = { serverUrl: 'http://desk.test:1234', email: 'ana@desk.test', password: 'correct horse' };

function scripted(keychain = true) {
  const events: [string, unknown][] = [];
  const desk = createScriptedDesk({}, createTestSecretBox({ available: keychain }), async (event, payload) => {
    events.push([event, payload]);
  });
  return { desk, events, h: desk.handlers };
}

async function refusal(run: () => unknown): Promise<UserFacingError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof UserFacingError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the scripted desk', () => {
  it('refuses a wrong password and an unreachable address, staying signed out', async () => {
    const { h } = scripted();
    expect((await refusal(() => h['desk:signIn']({ ...signIn, password: 'nope' }, caller))).code).toBe('forbidden');
    expect((await refusal(() => h['desk:signIn']({ ...signIn, serverUrl: 'http://elsewhere.test' }, caller))).message).toMatch(/could not be reached/);
    expect((await h['desk:status']({}, caller)).state).toBe('signed-out');
  });

  it('without a keychain refuses with the same sentence as a publish password', async () => {
    const { h, events } = scripted(false);
    expect((await refusal(() => h['desk:signIn'](signIn, caller))).message).toBe(NO_KEYCHAIN_MESSAGE);
    expect(events).toEqual([]);
  });

  it('signs in, tells the windows, and refuses desk work while offline or signed out', async () => {
    const { desk, h, events } = scripted();
    expect((await refusal(() => h['desk:share']({ id: 'abcdefgh1' }, caller))).code).toBe('forbidden');
    const status = await h['desk:signIn'](signIn, caller);
    expect(status).toMatchObject({ state: 'connected', desk: { name: 'Metro desk' }, user: { email: 'ana@desk.test' } });
    expect(events.at(-1)).toEqual(['desk:statusChanged', status]);
    expect(await h['desk:share']({ id: 'abcdefgh1' }, caller)).toEqual({ deskId: 'metro', storyId: 'abcdefgh1' });

    await desk.goOffline(2);
    expect(events.at(-1)?.[1]).toMatchObject({ state: 'offline', unsyncedStories: 2 });
    for (const run of [() => h['desk:share']({ id: 'abcdefgh2' }, caller), () => h['desk:stories']({}, caller), () => h['desk:search']({ query: 'x' }, caller)]) {
      expect((await refusal(run)).code).toBe('io');
    }
    expect(desk.shared()).toEqual(['abcdefgh1']);
  });

  it('answers only what the contract allows', async () => {
    const desk = createScriptedDesk({ stories: [{ storyId: 'bad id!', headline: 'x', status: 'draft', section: '', updated: '2026-01-01T00:00:00Z', editedBy: [], text: 'x' }] }, createTestSecretBox(), async () => undefined);
    await desk.handlers['desk:signIn'](signIn, caller);
    await expect(Promise.resolve().then(() => desk.handlers['desk:stories']({}, caller))).rejects.toThrow(/story id/);
  });
});
