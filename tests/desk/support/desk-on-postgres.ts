import { afterAll, beforeAll } from 'vitest';
import type { DeskServerOptions } from '../../../server/desk-server';
import { startPostgres, type RealService } from '../services/real-services';
import type { DeskClient } from './desk-clients';
import { startDeskFixture, type DeskFixture } from './desk-fixture';

/** A desk server on a real PostgreSQL for one test file, and the clients its tests open. */
export interface DeskOnPostgres {
  readonly desk: DeskFixture;
  readonly clients: DeskClient[];
}

/**
 * Starts a real PostgreSQL and a desk server on it before the file's tests (then `afterStart`), and
 * closes every client, the server and PostgreSQL after them. Nothing starts when `skipReason` is set.
 */
export function deskOnPostgres(
  skipReason: string | null,
  options: Partial<DeskServerOptions> = {},
  afterStart?: (setup: DeskOnPostgres) => Promise<void>,
): DeskOnPostgres {
  let postgres: RealService | undefined;
  let desk: DeskFixture | undefined;
  const setup: DeskOnPostgres = {
    get desk() {
      if (!desk) throw new Error('The desk server has not started (see beforeAll).');
      return desk;
    },
    clients: [],
  };
  beforeAll(async () => {
    if (skipReason) return;
    postgres = await startPostgres();
    desk = await startDeskFixture({ databaseUrl: postgres.url, ...options });
    await afterStart?.(setup);
  }, 120_000);
  afterAll(async () => {
    for (const client of setup.clients) client.destroy();
    await desk?.stop();
    await postgres?.stop();
  }, 60_000);
  return setup;
}
