import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startScriptSite } from '../support/script-site';

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

/** Starts a fresh Ghost on a free port with its own state folder. */
export async function startGhost(): Promise<GhostSite> {
  const site = await startScriptSite({
    upScript: UP_SCRIPT,
    downScript: DOWN_SCRIPT,
    statePrefix: 'newsdesk-ghost-',
    startTimeoutMs: START_TIMEOUT_MS,
    stateVariable: 'GHOST_STATE',
    env: (port, stateDir) => ({ GHOST_PORT: String(port), GHOST_STATE: stateDir, GHOST_INSTALL_DIR: ghostInstallDir(), GHOST_START_TIMEOUT: String(START_TIMEOUT_MS / 1000 - 10) }),
  });
  const { GHOST_URL: url, GHOST_ADMIN_API_KEY: adminApiKey } = site.values;
  if (!url || !adminApiKey) {
    await site.stop().catch(() => undefined);
    throw new Error(`Ghost started but ${site.stateDir}/env is incomplete`);
  }
  return { url, adminApiKey, stateDir: site.stateDir, stop: site.stop };
}
