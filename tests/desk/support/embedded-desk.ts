import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { messageOf } from '../../../shared/model/errors';
import { freePort, runDeskCommand, startDeskProcess, type DeskProcess } from './desk-process';
import { PASSWORD, PEOPLE } from './desk-fixture';

/**
 * `npm run desk-server` with its embedded database (PGlite in a temp folder) as its own process,
 * the accounts of `PEOPLE` created through its own `add-user` command. It can be stopped by PID and
 * started again on the same port and data, as a desk that goes away and comes back.
 */
export interface EmbeddedDesk {
  url: string;
  /** The running server's process id (throws while it is stopped). */
  pid(): number;
  stop(hard?: boolean): Promise<void>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export const EMBEDDED_TOKEN_SECRET = 'embedded-desk-test-secret-0123456789abcdef';

export async function startEmbeddedDesk(who: (keyof typeof PEOPLE)[]): Promise<EmbeddedDesk> {
  const dataDir = await mkdtemp(join(tmpdir(), 'desk-embedded-'));
  const env = { DESK_DATA_DIR: dataDir, DESK_TOKEN_SECRET: EMBEDDED_TOKEN_SECRET };
  try {
    for (const key of who) {
      const person = PEOPLE[key];
      const desks = person.desks.flatMap((desk) => ['--desk', desk]);
      const added = await runDeskCommand(['add-user', '--name', person.name, '--email', person.email, '--role', person.role, ...desks], env, `${PASSWORD}\n`);
      if (added.code !== 0) throw new Error(`add-user ${person.email} failed (${added.code}):\n${added.output}`);
    }
    const port = await freePort();
    let running: DeskProcess | null = await startDeskProcess(env, port);
    return {
      url: running.url,
      pid() {
        if (!running) throw new Error('The desk server is stopped.');
        return running.pid;
      },
      async stop(hard = false) {
        await (hard ? running?.kill9() : running?.stop());
        running = null;
      },
      async restart() {
        running = await startDeskProcess(env, port);
      },
      async close() {
        await running?.stop();
        running = null;
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw new Error(`The embedded desk server could not start: ${messageOf(error)}`);
  }
}
