import { execFile, execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A real WordPress (Debian's package, MariaDB on a socket, `php -S`) for the publishing tests and
 * benchmarks. Each call starts its own instance on a free port with its own state folder, so any
 * number can run at once; stop() stops it by PID and deletes its state.
 */
export interface WordPressSite {
  /** http://127.0.0.1:<port>, no trailing slash. */
  url: string;
  user: string;
  appPassword: string;
  stateDir: string;
  stop(): Promise<void>;
}

const HERE = fileURLToPath(new URL('.', import.meta.url));
const UP_SCRIPT = join(HERE, 'wp-up.sh');
const DOWN_SCRIPT = join(HERE, 'wp-down.sh');
const WORDPRESS_CONFIG = '/usr/share/wordpress/wp-config.php';
const STUB_DIR = '/etc/wordpress';
const PROGRAMS = ['mariadbd', 'mariadb-install-db', 'mariadb', 'mariadb-admin', 'php', 'curl', 'setsid'];
const START_TIMEOUT_MS = 60_000;

/** mariadbd lives in /usr/sbin, which is not on every user's PATH. */
function searchPath(): string {
  const extra = ['/usr/sbin', '/sbin', '/usr/local/sbin'];
  return [...(process.env.PATH ?? '').split(delimiter), ...extra].filter(Boolean).join(delimiter);
}

function onPath(program: string): boolean {
  return searchPath()
    .split(delimiter)
    .some((dir) => {
      try {
        accessSync(join(dir, program), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}

function canWriteStubs(): boolean {
  try {
    accessSync(STUB_DIR, constants.W_OK);
    return true;
  } catch {
    // Stubs written earlier (by root, or by CI's setup) are enough: every instance uses the same ones.
    return ['127.0.0.1', 'localhost'].every((host) => existsSync(join(STUB_DIR, `config-${host}.php`)));
  }
}

/**
 * Why a real WordPress cannot run here, or null when it can. When NEWSDESK_REQUIRE_WORDPRESS=1 (CI),
 * a missing piece is an error rather than a reason to skip.
 */
export function wordPressSkipReason(): string | null {
  const missing: string[] = [];
  if (!existsSync(WORDPRESS_CONFIG)) missing.push("Debian's wordpress package");
  for (const program of PROGRAMS) if (!onPath(program)) missing.push(program);
  let reason: string | null = null;
  if (missing.length > 0) {
    reason = `A real WordPress cannot run here: missing ${missing.join(', ')} (apt-get install wordpress mariadb-server php-cli php-mysql curl).`;
  } else if (!canWriteStubs()) {
    reason = `A real WordPress cannot run here: ${STUB_DIR} is not writable, so its per-host config stubs cannot be written.`;
  }
  if (reason && process.env.NEWSDESK_REQUIRE_WORDPRESS === '1') {
    throw new Error(`${reason} NEWSDESK_REQUIRE_WORDPRESS=1 makes this an error.`);
  }
  return reason;
}

/** Asks the system for a free port on loopback, then lets it go for php -S to take. */
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
    execFile('bash', [script, ...args], { env: { ...process.env, PATH: searchPath(), ...env }, timeout: timeoutMs }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`;
      if (error) reject(new Error(`${script} failed: ${error.message}\n${output}`));
      else resolve(output);
    });
  });
}

function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match) values[match[1]!] = match[2]!.replace(/^'(.*)'$/, '$1');
  }
  return values;
}

// Sites still running when the process exits (a test run that crashed before stop()) are stopped
// synchronously, so no MariaDB or php -S is left behind.
const running = new Set<string>();
process.on('exit', () => {
  for (const stateDir of running) {
    try {
      execFileSync('bash', [DOWN_SCRIPT, '--purge'], { env: { ...process.env, PATH: searchPath(), WP_STATE: stateDir }, stdio: 'ignore', timeout: 20_000 });
    } catch {
      // Best effort while exiting.
    }
  }
});

async function startOnce(): Promise<WordPressSite> {
  const port = await freePort();
  const stateDir = await mkdtemp(join(tmpdir(), 'newsdesk-wp-'));
  const env = { WP_PORT: String(port), WP_STATE: stateDir };
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
    const values = parseEnvFile(await readFile(join(stateDir, 'env'), 'utf8'));
    const { WP_URL: url, WP_USER: user, WP_APP_PASSWORD: appPassword } = values;
    if (!url || !user || !appPassword) throw new Error(`WordPress started but ${stateDir}/env is incomplete`);
    return { url, user, appPassword, stateDir, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

/** Starts a fresh WordPress (≈2 s). One retry covers the rare port taken between probing and binding. */
export async function startWordPress(): Promise<WordPressSite> {
  try {
    return await startOnce();
  } catch (error) {
    if (error instanceof Error && /already taken/.test(error.message)) return startOnce();
    throw error;
  }
}
