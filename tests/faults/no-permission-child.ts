import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { openDraftStore } from '../../electron/main/services/drafts/draft-store';

/**
 * Run as an unprivileged user by no-permission.test.ts (root ignores file modes): opens a draft
 * store in the folder given, takes away its own write permission on drafts/, and prints what a
 * save and a create answer.
 */
const dir = process.argv[2]!;
const store = await openDraftStore(dir, { onBackgroundError: () => undefined });
const draft = await store.create({ section: 'News' });
await chmod(join(dir, 'drafts'), 0o555);
const answers: Record<string, unknown> = {};
const outcome = async (name: string, work: () => Promise<unknown>) => {
  try {
    await work();
    answers[name] = 'ok';
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    answers[name] = { name: (error as Error).name, code, message };
  }
};
await outcome('save', () => store.save({ ...draft, headline: 'Changed' }, 'auto'));
await outcome('create', () => store.create({ section: 'News' }));
await chmod(join(dir, 'drafts'), 0o755);
await store.close();
process.stdout.write(JSON.stringify(answers));
