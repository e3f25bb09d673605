import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/**
 * The desk server as its own process (`server/main.ts` through tsx), so a test can `kill -9` it
 * and start it again on the same port and database.
 */
export interface DeskProcess {
  url: string;
  webSocketUrl: string;
  pid: number;
  /** What it printed so far. */
  output(): string;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** `script` is the desk server by default; the benchmark also starts a bare Hocuspocus this way. */
export async function startDeskProcess(env: Record<string, string>, port: number, script = 'server/main.ts'): Promise<DeskProcess> {
  // DESK_CPU_PROF_DIR=<folder> profiles the server (a .cpuprofile written when it stops), for
  // finding where a bench's time goes.
  const profile = process.env.DESK_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.DESK_CPU_PROF_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...process.env, ...env, DESK_PORT: String(port), DESK_HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      // DESK_ECHO=1 shows the server's own output, for looking into a failing test or bench.
      if (process.env.DESK_ECHO === '1') process.stdout.write(chunk);
      if (output.includes('Give the desktops this address')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code, signal) => reject(new Error(`The desk server exited (${code ?? signal}) before it was ready:\n${output}`)));
  });
  await ready;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    webSocketUrl: `ws://127.0.0.1:${port}`,
    pid: child.pid ?? -1,
    output: () => output,
    async kill9() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}

/** Runs `npm run desk-server -- <args>` to the end, with `input` on stdin. */
export async function runDeskCommand(args: string[], env: Record<string, string>, input: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stdin?.end(input);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
  return { code, output };
}
