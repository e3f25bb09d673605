import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { messageOf } from '../../../../shared/model/errors';
import type { Quarantine } from '../drafts/quarantine';
import { writeFileAtomic } from '../fs/atomic-write';

/**
 * The desk's two small files in <library>/desk/ (the session, the shared-story records): read with
 * their schema, an unreadable one set aside in the library's quarantine with its reason (never
 * deleted, never a crash), written atomically and readable by the owner only.
 */
export async function readDeskFile<T>(path: string, schema: z.ZodType<T>, quarantine: Quarantine, what: string): Promise<T | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    await quarantine.move(path, `${what} could not be read (${code ?? messageOf(error)}).`);
    return null;
  }
  let reason: string;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    reason = `${what} are not readable (${parsed.error.issues[0]?.message ?? 'invalid'}).`;
  } catch (error) {
    reason = `${what} are not valid JSON (${messageOf(error)}).`;
  }
  await quarantine.move(path, `${reason} The old file is kept here.`);
  return null;
}

export async function writeDeskFile(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
}
