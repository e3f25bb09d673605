import { mkdir, readdir, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainTextOf } from '../../../shared/rules/text';
import { bodyOf, makeArticle, openStore, tempDir } from './helpers';

async function writeDraft(dir: string, name: string, content: unknown): Promise<void> {
  await mkdir(join(dir, 'drafts'), { recursive: true });
  await writeFile(join(dir, 'drafts', name), typeof content === 'string' ? content : JSON.stringify(content));
}

describe('draft store: schema migration', () => {
  it('reads a v1 file (single author string, no slugEdited) as the current schema', async () => {
    const dir = await tempDir();
    const v1 = {
      schemaVersion: 1,
      id: 'legacy-draft-0001',
      slug: 'old-story',
      headline: 'Old story',
      dek: '',
      body: bodyOf('Written long ago.'),
      author: '  Sam Lee ',
      section: 'Archive',
      tags: ['history'],
      status: 'draft',
      createdAt: '2020-01-01T00:00:00.000Z',
      updatedAt: '2020-01-02T00:00:00.000Z',
    };
    await writeDraft(dir, 'legacy-draft-0001.json', v1);
    const store = await openStore(dir);
    const article = await store.get('legacy-draft-0001');
    expect(article.schemaVersion).toBe(3);
    expect(article.byline).toEqual([{ name: 'Sam Lee', role: '', avatar: null }]);
    expect(article.slugEdited).toBe(true);
    expect((await store.list({})).items[0]).toMatchObject({ id: 'legacy-draft-0001', authors: ['Sam Lee'] });
    expect((await store.list({ text: 'sam' })).total).toBe(1);
    expect(store.quarantined()).toEqual([]);
    // Saving writes the current schema.
    await store.save(article, 'manual');
    expect(JSON.parse(await readFile(join(dir, 'drafts', 'legacy-draft-0001.json'), 'utf8')).schemaVersion).toBe(3);
  });

  it('reads a v2 file (before lead photos) with no lead photo and keeps its text', async () => {
    const dir = await tempDir();
    const { leadPhoto: _dropped, ...current } = makeArticle({ id: 'version-two-01', headline: 'Before photos', body: bodyOf('Text from v2.') });
    await writeDraft(dir, 'version-two-01.json', { ...current, schemaVersion: 2 });
    const store = await openStore(dir);
    const article = await store.get('version-two-01');
    expect(article).toMatchObject({ schemaVersion: 3, leadPhoto: null, headline: 'Before photos' });
    expect(plainTextOf(article.body)).toBe('Text from v2.');
    expect(store.quarantined()).toEqual([]);
  });
});

describe('draft store: quarantine', () => {
  it('moves corrupt files aside at open, names them with a reason, and keeps everything else working', async () => {
    const dir = await tempDir();
    const good = makeArticle({ headline: 'Survivor', body: bodyOf('Still here.') });
    await writeDraft(dir, `${good.id}.json`, good);
    await writeDraft(dir, 'broken-json-01.json', '{"schemaVersion": 3, "id": "broken-js');
    await writeDraft(dir, 'bad-schema-0001.json', { ...makeArticle({ id: 'bad-schema-0001' }), status: 'lost' });
    await writeDraft(dir, 'from-future-01.json', { ...makeArticle({ id: 'from-future-01' }), schemaVersion: 99 });
    await writeDraft(dir, 'wrong-name-0001.json', makeArticle({ id: 'other-name-0001' }));

    const store = await openStore(dir);
    const report = store.quarantined();
    expect(report.map((q) => q.file).sort()).toEqual(
      ['bad-schema-0001.json', 'broken-json-01.json', 'from-future-01.json', 'wrong-name-0001.json'].map((name) => join('drafts', name)),
    );
    const byFile = new Map(report.map((q) => [q.file.split(/[\\/]/).pop(), q]));
    expect(byFile.get('broken-json-01.json')!.reason).toMatch(/not valid JSON/);
    expect(byFile.get('bad-schema-0001.json')!.reason).toMatch(/status/);
    expect(byFile.get('from-future-01.json')!.reason).toMatch(/newer Newsdesk/);
    expect(byFile.get('wrong-name-0001.json')!.reason).toMatch(/other-name-0001/);
    for (const entry of report) {
      expect(entry.movedTo.startsWith(join(dir, 'quarantine'))).toBe(true);
      await expect(readFile(entry.movedTo, 'utf8')).resolves.toBeTypeOf('string');
    }
    expect(await readdir(join(dir, 'drafts'))).toEqual([`${good.id}.json`]);
    expect((await store.list({})).items.map((s) => s.headline)).toEqual(['Survivor']);
    expect(plainTextOf((await store.get(good.id)).body)).toBe('Still here.');
    expect((await store.list({ text: 'still' })).total).toBe(1);
    await store.save({ ...good, headline: 'Still saving' }, 'manual');
  });

  it('quarantines a file found corrupt later, on get, and reports it with the headline', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const article = makeArticle({ headline: 'Fragile' });
    await store.save(article, 'manual');
    await writeFile(join(dir, 'drafts', `${article.id}.json`), 'garbage');
    await expect(store.get(article.id)).rejects.toMatchObject({ code: 'io', message: expect.stringMatching(/“Fragile” could not be read and was moved to .*quarantine/) });
    expect(store.quarantined()).toHaveLength(1);
    expect(store.quarantined()[0]!.file).toMatch(new RegExp(`${article.id}\\.json$`));
    expect((await store.list({})).total).toBe(0);
    // The editor still has the text and can save it again.
    await store.save(article, 'manual');
    expect((await store.get(article.id)).headline).toBe('Fragile');
  });
});

describe('draft store: links', () => {
  it.skipIf(process.platform === 'win32')('never follows a draft file replaced by a link: it is moved aside, and the file it pointed at is neither read nor touched', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const victim = makeArticle({ headline: 'Elsewhere' });
    const outside = join(dir, 'outside.json');
    // A valid article with the same id: only the link stands between it and the app.
    await writeFile(outside, JSON.stringify({ ...victim, headline: 'Read through a link' }));
    await store.save(victim, 'manual');
    await unlink(join(dir, 'drafts', `${victim.id}.json`));
    await symlink(outside, join(dir, 'drafts', `${victim.id}.json`));
    await expect(store.get(victim.id)).rejects.toMatchObject({ code: 'io', message: expect.stringMatching(/could not be read and was moved/) });
    expect(store.quarantined()[0]!.reason).toMatch(/link to another file/);
    expect(JSON.parse(await readFile(outside, 'utf8')).headline).toBe('Read through a link');
    await store.close();
  });
});

describe('draft store: index cache', () => {
  it('rebuilds a missing index, picks up edits, additions and deletions made behind its back', async () => {
    const dir = await tempDir();
    const first = await openStore(dir);
    const a = makeArticle({ headline: 'Alpha' });
    const b = makeArticle({ headline: 'Bravo' });
    const c = makeArticle({ headline: 'Charlie' });
    for (const article of [a, b, c]) await first.save(article, 'manual');
    await first.close();
    const index = { entries: (await readFile(join(dir, 'index', 'summaries.json'), 'utf8')).split('\n').slice(1).flatMap((l) => JSON.parse(l) as unknown[][]) };
    expect(index.entries).toHaveLength(3);

    // Deleted index: rebuilt from the files.
    await rm(join(dir, 'index', 'summaries.json'));
    const second = await openStore(dir);
    expect((await second.list({})).items.map((s) => s.headline).sort()).toEqual(['Alpha', 'Bravo', 'Charlie']);
    await second.close();

    // Stale index: one file edited, one added, one removed, a temp file left by a crash.
    const fileA = join(dir, 'drafts', `${a.id}.json`);
    await writeFile(fileA, JSON.stringify({ ...JSON.parse(await readFile(fileA, 'utf8')), headline: 'Alpha edited elsewhere' }));
    const d = makeArticle({ headline: 'Delta' });
    await writeFile(join(dir, 'drafts', `${d.id}.json`), JSON.stringify(d));
    await rm(join(dir, 'drafts', `${c.id}.json`));
    await writeFile(join(dir, 'drafts', `.${b.id}.json.0123456789ab.tmp`), '{"half": ');

    const third = await openStore(dir);
    expect((await third.list({})).items.map((s) => s.headline).sort()).toEqual(['Alpha edited elsewhere', 'Bravo', 'Delta']);
    expect((await third.list({ text: 'delta' })).total).toBe(1);
    expect((await third.list({ text: 'charlie' })).total).toBe(0);
    expect((await readdir(join(dir, 'drafts'))).some((n) => n.endsWith('.tmp'))).toBe(false);
    await third.close();
    const rewritten = (await readFile(join(dir, 'index', 'summaries.json'), 'utf8')).split('\n').slice(1).flatMap((line) => JSON.parse(line) as unknown[][]);
    expect(rewritten.map((e) => e[0]).sort()).toEqual([a.id, b.id, d.id].sort());
  });

  it('treats a damaged index file as missing', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const article = makeArticle({ headline: 'Resilient' });
    await store.save(article, 'manual');
    await store.close();
    await writeFile(join(dir, 'index', 'summaries.json'), '{"format": 1, "entries": [[');
    await writeFile(join(dir, 'index', 'search.bin'), 'nonsense');
    const reopened = await openStore(dir);
    expect((await reopened.list({})).items.map((s) => s.headline)).toEqual(['Resilient']);
    expect((await reopened.list({ text: 'resilient' })).total).toBe(1);
    expect(reopened.quarantined()).toEqual([]);
  });
});
