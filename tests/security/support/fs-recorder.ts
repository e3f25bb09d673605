import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Wraps node:fs and node:fs/promises (through vi.mock) so a test can see every path the main
 * process's own code hands to the file system while recording is on. The wrapped functions behave
 * exactly as before; packages outside the app's code (sharp, conf) are not affected.
 */
export const fsTouches = { recording: false, paths: [] as { call: string; path: string }[] };

/** Functions whose second argument is a path too (the rest take data, options or modes there). */
const TWO_PATHS = new Set(['rename', 'copyFile', 'cp', 'link', 'symlink', 'renameSync', 'copyFileSync', 'cpSync', 'linkSync', 'symlinkSync']);

function asPath(value: unknown): string | null {
  if (typeof value === 'string') return resolve(value);
  if (value instanceof URL) return value.protocol === 'file:' ? fileURLToPath(value) : null;
  if (Buffer.isBuffer(value)) return resolve(value.toString('utf8'));
  return null;
}

function record(call: string, args: unknown[]): void {
  if (!fsTouches.recording) return;
  const paths = TWO_PATHS.has(call) ? [args[0], args[1]] : [args[0]];
  for (const value of paths) {
    const path = asPath(value);
    if (path !== null) fsTouches.paths.push({ call, path });
  }
}

/** A copy of an fs module whose functions (and `promises`) record their path arguments. */
export function recordingFs<T extends object>(original: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(original)) {
    // Classes (Stats, Dirent, ReadStream…) start with a capital letter and must stay constructible.
    if (typeof value === 'function' && /^[a-z]/.test(name)) {
      const fn = value as (...args: unknown[]) => unknown;
      wrapped[name] = (...args: unknown[]) => {
        record(name, args);
        return fn(...args);
      };
    } else if (name === 'promises' && value && typeof value === 'object') {
      wrapped[name] = recordingFs(value);
    } else {
      wrapped[name] = value;
    }
  }
  if ('default' in original && original.default && typeof original.default === 'object') wrapped.default = recordingFs(original.default);
  return wrapped as T;
}
