import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';

/**
 * Creates `path` holding `text`, failing with EEXIST when it already exists — and never leaves it
 * empty or half written. Opening with O_EXCL and then writing (the obvious way) leaves an empty
 * file when the process is killed between the two, and an empty lock or takeover guard names no
 * owner, so it could only be judged by its age: every Newsdesk started after such a kill opened
 * the library read-only for minutes. Here the content is written and flushed to a file of its own
 * first, then hard-linked to `path` (link(2) fails if the name exists, as O_EXCL does). Where hard
 * links are not supported (some network shares, FAT), the O_EXCL way is used.
 */
export async function createWhole(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFlushed(temp, text, 'wx');
  try {
    await fsp.link(temp, path);
  } catch (error) {
    if (!NO_HARD_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    await writeFlushed(path, text, 'wx');
  } finally {
    await fsp.rm(temp, { force: true });
  }
}

const NO_HARD_LINKS = new Set(['ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

async function writeFlushed(path: string, text: string, flag: 'wx'): Promise<void> {
  const handle = await fsp.open(path, flag, 0o644);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fsp.rm(path, { force: true });
    throw error;
  }
  await handle.close();
}

/** Files a process killed inside createWhole left next to `path` (its own name plus ".<pid>.<hex>.tmp"). */
export async function removeLeftovers(path: string, isAlive: (pid: number) => boolean): Promise<void> {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const dir = path.slice(0, slash);
  const base = path.slice(slash + 1);
  const names = await fsp.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const match = name.startsWith(`${base}.`) ? /^\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name.slice(base.length)) : null;
    if (match && Number(match[1]) !== process.pid && !isAlive(Number(match[1]))) await fsp.rm(`${dir}/${name}`, { force: true }).catch(() => undefined);
  }
}
