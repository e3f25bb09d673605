import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real CMS started by a pair of bash scripts (tests/wordpress/wp-up.sh, tests/ghost/ghost-up.sh):
 * on a free loopback port, with its own state folder, the up script writing `KEY=value` lines to
 * <state>/env, the down script stopping it by PID and deleting the state with --purge. What the
 * WordPress and the Ghost servers have in common; each says its scripts, variables and timeout.
 */
export interface ScriptSiteOptions {
  upScript: string;
  downScript: string;
  /** Names the state folder in the temp folder. */
  statePrefix: string;
  startTimeoutMs: number;
  /** The scripts' variables for this port and state folder. */
  env(port: number, stateDir: string): Record<string, string>;
  /** Added to every script's environment (e.g. a PATH that reaches /usr/sbin). */
  baseEnv?(): Record<string, string>;
  /** The variable that names the state folder, for stopping leftovers at exit. */
  stateVariable: string;
}

export interface ScriptSite {
  /** What the up script wrote to <state>/env, quotes removed. */
  values: Record<string, string>;
  stateDir: string;
  stop(): Promise<void>;
}

/** Asks the system for a free port on loopback, then lets it go for the site to take. */
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

export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match) values[match[1]!] = match[2]!.replace(/^'(.*)'$/, '$1');
  }
  return values;
}

// Sites still running when the process exits (a run that crashed before stop()) are stopped
// synchronously, so no server is left behind.
const running = new Map<string, { options: ScriptSiteOptions }>();
process.on('exit', () => {
  for (const [stateDir, { options }] of running) {
    try {
      const env = { ...process.env, ...options.baseEnv?.(), [options.stateVariable]: stateDir };
      execFileSync('bash', [options.downScript, '--purge'], { env, stdio: 'ignore', timeout: 20_000 });
    } catch {
      // Best effort while exiting.
    }
  }
});

async function startOnce(options: ScriptSiteOptions): Promise<ScriptSite> {
  const port = await freePort();
  const stateDir = await mkdtemp(join(tmpdir(), options.statePrefix));
  const env = { ...options.baseEnv?.(), ...options.env(port, stateDir) };
  running.set(stateDir, { options });
  const stop = async (): Promise<void> => {
    if (!running.delete(stateDir)) return;
    await runScript(options.downScript, ['--purge'], env, 30_000).catch(async (error: unknown) => {
      await rm(stateDir, { recursive: true, force: true });
      throw error;
    });
  };
  try {
    await runScript(options.upScript, [], env, options.startTimeoutMs);
    return { values: parseEnvFile(await readFile(join(stateDir, 'env'), 'utf8')), stateDir, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

/** Starts a fresh site. One retry covers the rare port taken between probing and binding. */
export async function startScriptSite(options: ScriptSiteOptions): Promise<ScriptSite> {
  try {
    return await startOnce(options);
  } catch (error) {
    if (error instanceof Error && /already taken/.test(error.message)) return startOnce(options);
    throw error;
  }
}
