import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createDispatcher } from '../../../electron/main/ipc/dispatcher';
import type { Services } from '../../../electron/main/services/compose';
import type { ServiceOptions } from '../../../electron/main/services/compose';
import { openTestServices } from '../../support/test-services';

/** A call through main's dispatcher as one window (its webContents id) makes it. */
export type Call = (channel: string, request: unknown) => Promise<unknown>;

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Main's services on a fresh library, closed after the test, and calls from windows by their id. */
export async function openWindowServices(options: Partial<ServiceOptions> = {}): Promise<{ services: Services; windowCall: (senderId: number) => Call }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'newsdesk-windows-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const services = await openTestServices(dataDir, options);
  cleanups.push(() => services.close());
  const dispatch = createDispatcher(services.handlers, { trustedOrigins: ['app://newsdesk'] });
  const windowCall = (senderId: number): Call => async (channel, request) => {
    const result = (await dispatch(channel as never, request as never, { url: 'app://newsdesk/index.html', isMainFrame: true, senderId })) as { ok: boolean; value?: unknown; error?: { message: string } };
    if (!result.ok) throw new Error(result.error?.message);
    return result.value;
  };
  return { services, windowCall };
}

/** A person's presence as an editor's awareness sends it (base64, as on the story:awareness channel). */
export function presenceUpdate(name: string): string {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState({ name });
  return Buffer.from(encodeAwarenessUpdate(awareness, [awareness.clientID])).toString('base64');
}
