import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startScriptSite } from '../support/script-site';

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

/** Starts a fresh WordPress (≈2 s) on a free port with its own state folder. */
export async function startWordPress(): Promise<WordPressSite> {
  const site = await startScriptSite({
    upScript: UP_SCRIPT,
    downScript: DOWN_SCRIPT,
    statePrefix: 'newsdesk-wp-',
    startTimeoutMs: START_TIMEOUT_MS,
    stateVariable: 'WP_STATE',
    baseEnv: () => ({ PATH: searchPath() }),
    env: (port, stateDir) => ({ WP_PORT: String(port), WP_STATE: stateDir }),
  });
  const { WP_URL: url, WP_USER: user, WP_APP_PASSWORD: appPassword } = site.values;
  if (!url || !user || !appPassword) {
    await site.stop().catch(() => undefined);
    throw new Error(`WordPress started but ${site.stateDir}/env is incomplete`);
  }
  return { url, user, appPassword, stateDir: site.stateDir, stop: site.stop };
}
