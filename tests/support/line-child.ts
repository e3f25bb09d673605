import { spawn, type ChildProcess } from 'node:child_process';

/**
 * A child process the crash tests kill -9 over and over: its stdout read line by line (each line an
 * acknowledgement or a state), its stderr printed only when it ended other than by our SIGKILL.
 */
export interface LineChild {
  process: ChildProcess;
  onLine: ((line: string) => void) | null;
  closed: Promise<void>;
}

export function startLineChild(args: string[], label: string, cwd?: string): LineChild {
  const proc = spawn(process.execPath, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  const child: LineChild = { process: proc, onLine: null, closed: new Promise((done) => proc.once('close', () => done())) };
  let buffer = '';
  proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    let newline;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      child.onLine?.(line);
    }
  });
  let errors = '';
  proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  proc.once('close', (code, signal) => {
    if (signal !== 'SIGKILL' && errors) console.error(`${label} exited (${code}): ${errors}`);
  });
  return child;
}

export function killChild(child: LineChild): void {
  try {
    child.process.kill('SIGKILL');
  } catch {
    // already gone
  }
}
