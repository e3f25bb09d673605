import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { correctionsDir, openCorrectionsStore } from '../../../electron/main/services/corrections/corrections-log';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const ARTICLE = '00000000-0000-4000-8000-000000000001';

async function library(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-corrections-'));
  dirs.push(dir);
  return dir;
}

describe('the corrections log of a story', () => {
  it('keeps each note with its date and line, oldest first, across a reopen', async () => {
    const dir = await library();
    const store = openCorrectionsStore(dir, { clock: { timeZone: 'UTC' } });
    const first = await store.add(ARTICLE, { kind: 'correction', text: 'The vote is on Thursday.', at: new Date('2026-12-07T10:00:00Z') });
    await store.add(ARTICLE, { kind: 'update', text: 'The council set the date.', at: new Date('2026-12-08T10:00:00Z') });
    expect(first).toMatchObject({ kind: 'correction', at: '2026-12-07T10:00:00.000Z', line: 'Correction, 7 Dec 2026: The vote is on Thursday.' });
    const reopened = openCorrectionsStore(dir, { clock: { timeZone: 'UTC' } });
    expect((await reopened.list(ARTICLE)).map((entry) => entry.line)).toEqual([
      'Correction, 7 Dec 2026: The vote is on Thursday.',
      'Update, 8 Dec 2026: The council set the date.',
    ]);
    expect(await reopened.list('00000000-0000-4000-8000-000000000002')).toEqual([]);
  });

  it('keeps both of two notes added at the same moment', async () => {
    const store = openCorrectionsStore(await library());
    const at = new Date('2026-12-07T10:00:00Z');
    await Promise.all([store.add(ARTICLE, { kind: 'correction', text: 'One.', at }), store.add(ARTICLE, { kind: 'update', text: 'Two.', at })]);
    expect((await store.list(ARTICLE)).map((entry) => entry.text).sort()).toEqual(['One.', 'Two.']);
  });

  it('writes atomically: no temp file is left, and one left by a crash is swept', async () => {
    const dir = await library();
    await mkdir(correctionsDir(dir), { recursive: true });
    await writeFile(join(correctionsDir(dir), `.${ARTICLE}.json.0123456789ab.tmp`), '{"half');
    const store = openCorrectionsStore(dir);
    await store.add(ARTICLE, { kind: 'correction', text: 'Fixed.', at: new Date() });
    expect(await readdir(correctionsDir(dir))).toEqual([`${ARTICLE}.json`]);
    expect(JSON.parse(await readFile(join(correctionsDir(dir), `${ARTICLE}.json`), 'utf8'))).toMatchObject({ format: 1, articleId: ARTICLE });
  });

  it('sets a damaged log aside in the quarantine instead of overwriting it', async () => {
    const dir = await library();
    await mkdir(correctionsDir(dir), { recursive: true });
    await writeFile(join(correctionsDir(dir), `${ARTICLE}.json`), '{ not json');
    const store = openCorrectionsStore(dir);
    expect(await store.list(ARTICLE)).toEqual([]);
    expect((await readdir(join(dir, 'quarantine'))).length).toBeGreaterThan(0);
  });

  it('refuses an id that could leave the folder, and a read-only library, with a sentence', async () => {
    const dir = await library();
    await expect(openCorrectionsStore(dir).list('../../etc/passwd')).rejects.toThrow('Not a valid article id.');
    await expect(openCorrectionsStore(dir, { readOnly: true }).add(ARTICLE, { kind: 'update', text: 'x', at: new Date() })).rejects.toThrow(/read-only/);
  });

  it('takes a note out again', async () => {
    const store = openCorrectionsStore(await library());
    const entry = await store.add(ARTICLE, { kind: 'update', text: 'Gone soon.', at: new Date() });
    await store.remove(ARTICLE, entry.id);
    expect(await store.list(ARTICLE)).toEqual([]);
  });
});
