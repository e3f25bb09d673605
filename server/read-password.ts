import { spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * The new account's password: one line from stdin. On a terminal it prompts with echo turned off
 * (`stty -echo`); from a pipe (scripts, tests) it reads the first line.
 */
export async function readPasswordFromStdin(): Promise<string> {
  const onTerminal = process.stdin.isTTY === true;
  if (onTerminal) {
    process.stdout.write('Password for the new account (at least 10 characters): ');
    spawnSync('stty', ['-echo'], { stdio: 'inherit' });
  }
  const lines = createInterface({ input: process.stdin, terminal: false });
  try {
    for await (const line of lines) return line;
    throw new Error('No password was given on stdin.');
  } finally {
    lines.close();
    if (onTerminal) {
      spawnSync('stty', ['echo'], { stdio: 'inherit' });
      process.stdout.write('\n');
    }
  }
}
