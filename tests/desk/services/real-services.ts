import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * A real PostgreSQL and a real Redis (Debian's `postgresql` and `redis-server`) for the desk
 * tests, each in its own temp folder on a Unix socket, stopped by PID. Where they are missing the
 * tests skip and say why; NEWSDESK_REQUIRE_DESK=1 (set by CI) makes that an error.
 */
const run = promisify(execFile);
const HERE = fileURLToPath(new URL('.', import.meta.url));

export interface RealService {
  url: string;
  dir: string;
  stop(): Promise<void>;
}

function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(a) - Number(b));
  const newest = versions.at(-1);
  return newest ? join(root, newest, 'bin') : null;
}

function onPath(program: string): boolean {
  return (process.env.PATH ?? '').split(':').concat('/usr/sbin', '/sbin').some((dir) => existsSync(join(dir, program)));
}

/** Why the desk's real servers cannot run here, or null when they can. */
export function deskServicesSkipReason(): string | null {
  const missing: string[] = [];
  if (!postgresBin()) missing.push("PostgreSQL (Debian's postgresql package)");
  if (!onPath('redis-server')) missing.push('redis-server');
  if (process.getuid?.() === 0 && !onPath('runuser')) missing.push('runuser (to run PostgreSQL as the postgres user)');
  const reason = missing.length === 0 ? null
    : `The desk tests need real servers: missing ${missing.join(', ')} (apt-get install postgresql redis-server).`;
  if (reason && process.env.NEWSDESK_REQUIRE_DESK === '1') throw new Error(`${reason} NEWSDESK_REQUIRE_DESK=1 makes this an error.`);
  return reason;
}

function parseLines(stdout: string): Record<string, string> {
  return Object.fromEntries(stdout.split('\n').filter((line) => line.includes('=')).map((line) => {
    const at = line.indexOf('=');
    return [line.slice(0, at), line.slice(at + 1)];
  }));
}

export async function startPostgres(): Promise<RealService> {
  const { stdout } = await run(join(HERE, 'pg-up.sh'), { timeout: 60_000 });
  const values = parseLines(stdout);
  const dir = values.PG_DIR;
  const url = values.DATABASE_URL;
  if (!dir || !url) throw new Error(`pg-up.sh printed no database: ${stdout}`);
  return { url, dir, stop: async () => void (await run(join(HERE, 'pg-down.sh'), [dir], { timeout: 60_000 })) };
}

export async function startRedis(): Promise<RealService> {
  const { stdout } = await run(join(HERE, 'redis-up.sh'), { timeout: 30_000 });
  const values = parseLines(stdout);
  const dir = values.REDIS_DIR;
  const url = values.REDIS_URL;
  if (!dir || !url) throw new Error(`redis-up.sh printed no socket: ${stdout}`);
  return { url, dir, stop: async () => void (await run(join(HERE, 'redis-down.sh'), [dir], { timeout: 30_000 })) };
}
