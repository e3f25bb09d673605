import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A real Ghost (the npm package, SQLite in a temp folder) for the publishing tests and benchmarks.
 * Each call starts its own instance on a free port with its own state folder; stop() stops it by
 * PID and deletes its state. Installed once per machine by ghost-install.sh (CI runs it).
 */
export interface GhostSite {
  /** http://127.0.0.1:<port>, no trailing slash. */
  url: string;
  /** The custom integration's Admin API key, "id:secret". */
  adminApiKey: string;
  stateDir: string;
  stop(): Promise<void>;
}

export const GHOST_VERSION = '5.130.4';
const HERE = fileURLToPath(new URL('.', import.meta.url));
const UP_SCRIPT = join(HERE, 'ghost-up.sh');
const DOWN_SCRIPT = join(HERE, 'ghost-down.sh');
// Ghost starts in ~5 s alone; a loaded two-core machine has been seen to need a minute.
const START_TIMEOUT_MS = 200_000;

export function ghostInstallDir(): string {
  const cache = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return process.env.GHOST_INSTALL_DIR || join(cache, 'newsdesk', `ghost-${GHOST_VERSION}`);
}

/** Why a real Ghost cannot run here, or null when it can. NEWSDESK_REQUIRE_GHOST=1 (CI) makes it an error. */
export function ghostSkipReason(): string | null {
  const dir = ghostInstallDir();
  const reason = existsSync(join(dir, '.newsdesk-installed'))
    ? null
    : `A real Ghost cannot run here: Ghost ${GHOST_VERSION} is not installed in ${dir} (run tests/ghost/ghost-install.sh; needs build-essential python3).`;
  if (reason && process.env.NEWSDESK_REQUIRE_GHOST === '1') throw new Error(`${reason} NEWSDESK_REQUIRE_GHOST=1 makes this an error.`);
  return reason;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('No free port on 127.0.0.1'))));
    });
  });
}

function runScript(script: string, args: string[], env: Record<string, string>, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('bash', [script, ...args], { env: { ...process.env, ...env }, timeout: timeoutMs }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`;
      if (error) reject(new Error(`${script} failed: ${error.message}\n${output}`));
      else resolve(output);
    });
  });
}

// Instances still running when the process exits (a run that crashed before stop()) are stopped
// synchronously, so no Ghost is left behind.
const running = new Set<string>();
process.on('exit', () => {
  for (const stateDir of running) {
    try {
      execFileSync('bash', [DOWN_SCRIPT, '--purge'], { env: { ...process.env, GHOST_STATE: stateDir }, stdio: 'ignore', timeout: 20_000 });
    } catch {
      // Best effort while exiting.
    }
  }
});

async function startOnce(): Promise<GhostSite> {
  const port = await freePort();
  const stateDir = await mkdtemp(join(tmpdir(), 'newsdesk-ghost-'));
  const env = { GHOST_PORT: String(port), GHOST_STATE: stateDir, GHOST_INSTALL_DIR: ghostInstallDir(), GHOST_START_TIMEOUT: String(START_TIMEOUT_MS / 1000 - 10) };
  running.add(stateDir);
  const stop = async (): Promise<void> => {
    if (!running.delete(stateDir)) return;
    await runScript(DOWN_SCRIPT, ['--purge'], env, 30_000).catch(async (error: unknown) => {
      await rm(stateDir, { recursive: true, force: true });
      throw error;
    });
  };
  try {
    await runScript(UP_SCRIPT, [], env, START_TIMEOUT_MS);
    const values = Object.fromEntries(
      (await readFile(join(stateDir, 'env'), 'utf8'))
        .split('\n')
        .map((line) => /^([A-Z_]+)=(.*)$/.exec(line.trim()))
        .filter((match): match is RegExpExecArray => match !== null)
        .map((match) => [match[1]!, match[2]!]),
    );
    const { GHOST_URL: url, GHOST_ADMIN_API_KEY: adminApiKey } = values;
    if (!url || !adminApiKey) throw new Error(`Ghost started but ${stateDir}/env is incomplete`);
    return { url, adminApiKey, stateDir, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

/** Starts a fresh Ghost. One retry covers the rare port taken between probing and binding. */
export async function startGhost(): Promise<GhostSite> {
  try {
    return await startOnce();
  } catch (error) {
    if (error instanceof Error && /already taken/.test(error.message)) return startOnce();
    throw error;
  }
}
