import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { LibraryReadOnly } from '../../../shared/model/library';
import type { Result } from '../../../shared/ipc/result';

/**
 * A real second (or third) Newsdesk process on a data folder, driven over stdin/stdout by
 * tests/support/library-child.ts: the library lock is about processes, so tests use processes.
 */
const TSX = resolve('node_modules/.bin/tsx');
const CHILD = resolve('tests/support/library-child.ts');

export interface LibraryProcess {
  pid: number;
  readOnly: LibraryReadOnly | null;
  call(channel: string, request: unknown): Promise<Result<unknown>>;
  close(): Promise<void>;
  /** SIGKILL to the process group (tsx and the node it runs), as a crash or power cut would end it. */
  kill(): Promise<void>;
}

export interface StartOptions {
  /** Runs the process as this user (root ignores file modes): the command is prefixed with setpriv. */
  asUser?: { uid: number; gid: number; home: string };
  memorySettings?: boolean;
}

/** Starts a process on `dataDir`; rejects with what it printed when it could not open the library. */
export function startLibraryProcess(dataDir: string, options: StartOptions = {}): Promise<LibraryProcess> {
  const args = [CHILD, dataDir, ...(options.memorySettings ? ['memory-settings'] : [])];
  const user = options.asUser;
  const proc: ChildProcess = user
    ? spawn('setpriv', [`--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups', TSX, ...args], {
        detached: true,
        env: { ...process.env, HOME: user.home, TMPDIR: user.home },
      })
    : spawn(TSX, args, { detached: true });
  const waiting = new Map<number, (result: Result<unknown>) => void>();
  let nextId = 1;
  let stderr = '';
  const closed = new Promise<void>((done) => proc.once('close', () => done()));
  proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolveStart, rejectStart) => {
    let buffer = '';
    proc.once('close', (code) => rejectStart(new Error(`library process exited (${code}) before it was ready: ${buffer}${stderr}`)));
    proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        const message = JSON.parse(line) as { ready?: { pid: number; info: Result<{ readOnly: LibraryReadOnly | null }> }; failed?: string; id?: number; result?: Result<unknown> };
        if (message.failed !== undefined) rejectStart(new Error(`the library did not open: ${message.failed}`));
        if (message.id !== undefined) waiting.get(message.id)?.(message.result!);
        if (message.ready) {
          const info = message.ready.info;
          if (!info.ok) return rejectStart(new Error(`app:info failed: ${info.error.message}`));
          resolveStart({
            pid: message.ready.pid,
            // A build without the library lock has no such field: read as "writable".
            readOnly: info.value.readOnly ?? null,
            call: (channel, request) =>
              new Promise((answer) => {
                const id = nextId++;
                waiting.set(id, answer);
                proc.stdin!.write(`${JSON.stringify({ id, channel, request })}\n`);
              }),
            close: async () => {
              proc.stdin!.write(`${JSON.stringify({ close: true })}\n`);
              await closed;
            },
            kill: async () => {
              try {
                process.kill(-proc.pid!, 'SIGKILL');
              } catch {
                // already gone
              }
              await closed;
            },
          });
        }
      }
    });
  });
}

/** The value of a call that must succeed. */
export async function must<T>(result: Promise<Result<unknown>>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(`${settled.error.code}: ${settled.error.message}`);
  return settled.value as T;
}
