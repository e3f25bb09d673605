import { afterAll, beforeAll } from 'vitest';
import { startDeskServer, type RunningDeskServer } from '../../../server/desk-server';
import { deskServicesSkipReason, startPostgres, startRedis, type RealService } from '../services/real-services';
import type { DeskClient } from './desk-clients';
import { addPeople } from './desk-fixture';

export interface TwoInstanceDesk {
  /** Why the real PostgreSQL and Redis cannot run here (then nothing starts), or null. */
  skipReason: string | null;
  /** The two server instances, once beforeAll ran. */
  instances: RunningDeskServer[];
  /** Clients the tests connect, destroyed after them. */
  clients: DeskClient[];
}

/**
 * One desk on two server instances behind (say) a load balancer: one real PostgreSQL, one real
 * Redis, started before the file's tests and stopped after them.
 */
export function twoInstanceDesk(file: string): TwoInstanceDesk {
  const desk: TwoInstanceDesk = { skipReason: deskServicesSkipReason(), instances: [], clients: [] };
  if (desk.skipReason) console.warn(`[${file}] skipped: ${desk.skipReason}`);
  let postgres: RealService | undefined;
  let redis: RealService | undefined;
  beforeAll(async () => {
    if (desk.skipReason) return;
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    for (let i = 0; i < 2; i += 1) {
      desk.instances.push(await startDeskServer({ port: 0, host: '127.0.0.1', dataDir: '', databaseUrl: postgres.url, redisUrl: redis.url, storeDebounceMs: 200 }));
    }
    await addPeople(desk.instances[0]!);
  }, 120_000);
  afterAll(async () => {
    for (const client of desk.clients) client.destroy();
    for (const instance of desk.instances) await instance.stop();
    await redis?.stop();
    await postgres?.stop();
  }, 60_000);
  return desk;
}
