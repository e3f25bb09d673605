import { spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * A library folder Newsdesk may not write to: saving and creating must say which folder and what
 * to do, not "internal: EACCES … open '/…/.id.json.3f9a.tmp'". Root ignores file modes, so the
 * store runs in a child process as the unprivileged user `nobody`.
 */

const NOBODY = 65534;
const CHILD = resolve(__dirname, 'no-permission-child.ts');

function skipReason(): string | null {
  if (process.platform === 'win32') return 'file modes are a POSIX thing';
  if (process.getuid?.() !== 0) return 'switching to an unprivileged user needs root (run as root, as CI does)';
  const probe = spawnSync('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', 'true']);
  return probe.status === 0 ? null : `setpriv could not switch to uid ${NOBODY} (${probe.error?.message ?? probe.stderr.toString().trim()})`;
}

const reason = skipReason();
if (reason) console.warn(`Skipped the permission tests: ${reason}`);

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(reason !== null)('a drafts folder Newsdesk may not write to', () => {
  it('answers save and create with the folder and what to do, as an io error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-no-permission-'));
    dirs.push(dir);
    chownSync(dir, NOBODY, NOBODY);
    const child = spawnSync(
      'setpriv',
      [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--', process.execPath, '--import', 'tsx', CHILD, dir],
      { cwd: resolve(__dirname, '../..'), encoding: 'utf8', env: { ...process.env, HOME: dir } },
    );
    expect(child.stderr).toBe('');
    const folder = join(dir, 'drafts');
    const expected = { name: 'UserFacingError', code: 'io', message: `Newsdesk may not write to ${folder}: check the folder's permissions.` };
    expect(JSON.parse(child.stdout)).toEqual({
      save: { ...expected, message: `An untitled draft could not be saved. ${expected.message}` },
      create: { ...expected, message: `The draft could not be created. ${expected.message}` },
    });
  });
});
