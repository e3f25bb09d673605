import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seedStoryBody } from '../../../electron/main/services/collab/story-seed';
import { createDispatcher } from '../../../electron/main/ipc/dispatcher';
import type { Services } from '../../../electron/main/services/compose';
import { readLexicalBody } from '../../../shared/desk/lexical-yjs';
import type { LexicalDocument } from '../../../shared/model/article';
import { openTestServices } from '../../support/test-services';

// An article replaced from outside its story document (a restored revision) must reach the
// document every window is bound to, as one change; otherwise the windows keep the old text and
// their next autosave writes it back over the restored one.

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const textBody = (value: string): LexicalDocument => ({
  root: {
    type: 'root', version: 1, format: '', indent: 0, direction: 'ltr',
    children: [{ type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '', children: [
      { type: 'text', version: 1, text: value, format: 0, detail: 0, mode: 'normal', style: '' },
    ] }],
  },
}) as unknown as LexicalDocument;

const plainTextOf = (doc: Y.Doc): string => JSON.stringify(readLexicalBody(doc, () => undefined)).match(/"text":"([^"]*)"/)?.[1] ?? '';

async function servicesWithStory(): Promise<{ services: Services; id: string; call: (channel: string, request: unknown) => Promise<unknown> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'newsdesk-story-replace-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const services = await openTestServices(dataDir);
  cleanups.push(() => services.close());
  const dispatch = createDispatcher(services.handlers, { trustedOrigins: ['app://newsdesk'] });
  const call = async (channel: string, request: unknown): Promise<unknown> => {
    const result = (await dispatch(channel as never, request as never, { url: 'app://newsdesk/index.html', isMainFrame: true, senderId: 7 })) as { ok: boolean; value?: unknown; error?: { message: string } };
    if (!result.ok) throw new Error(result.error?.message);
    return result.value;
  };
  const created = await services.drafts.create({ section: 'News' });
  const first = { ...created, headline: 'Harbour reopens', body: textBody('Boats are back.') };
  await services.drafts.save(first, 'manual');
  const second = { ...first, headline: 'Harbour closes', body: textBody('Storm ahead.') };
  await services.drafts.save(second, 'manual');
  // The shared document holds the text the windows show: the second version.
  await seedStoryBody(services.storyDocs, second);
  return { services, id: created.id, call };
}

describe('an article replaced from outside its story document', () => {
  it('restoring a revision replaces the body and metadata of the document the windows share, in one change', async () => {
    const { services, id, call } = await servicesWithStory();
    const key = { id, part: 'body' };
    await call('story:open', { id, part: 'body', session: 'window-a-0001' });
    await call('story:open', { id, part: 'body', session: 'window-b-0001' });
    const doc = services.storyDocs.get(key);
    if (!doc) throw new Error('the document should be held while windows are attached');
    expect(plainTextOf(doc)).toBe('Storm ahead.');
    const changes: unknown[] = [];
    doc.on('afterTransaction', (transaction: Y.Transaction) => changes.push(transaction.origin));

    const revisions = await services.drafts.revisions(id);
    const older = revisions.find((revision) => revision.headline === 'Harbour reopens');
    if (!older) throw new Error(`no revision of the first version among ${JSON.stringify(revisions)}`);
    await call('drafts:restoreRevision', { id, revisionId: older.revisionId });

    expect(plainTextOf(doc)).toBe('Boats are back.');
    expect(doc.getMap('meta').get('headline')).toBe('Harbour reopens');
    expect(changes).toEqual(['main']);
  });

  it('a document no window holds is replaced on disk, so the next window opens the restored text', async () => {
    const { services, id, call } = await servicesWithStory();
    const older = (await services.drafts.revisions(id)).find((revision) => revision.headline === 'Harbour reopens');
    if (!older) throw new Error('no revision of the first version');
    await call('drafts:restoreRevision', { id, revisionId: older.revisionId });
    const copy = await services.storyDocs.load({ id, part: 'body' });
    expect(plainTextOf(copy)).toBe('Boats are back.');
  });

  it('a story no window ever shared keeps an empty document (the first window seeds it from the file)', async () => {
    const { services, id, call } = await servicesWithStory();
    await services.storyDocs.hold({ id, part: 'body' }, 'test');
    const doc = services.storyDocs.get({ id, part: 'body' });
    if (!doc) throw new Error('held');
    doc.transact(() => doc.get('root', Y.XmlText).delete(0, doc.get('root', Y.XmlText).length), 'main');
    const older = (await services.drafts.revisions(id)).find((revision) => revision.headline === 'Harbour reopens');
    if (!older) throw new Error('no revision of the first version');
    await call('drafts:restoreRevision', { id, revisionId: older.revisionId });
    expect(doc.get('root', Y.XmlText).length).toBe(0);
    await services.storyDocs.release({ id, part: 'body' }, 'test');
  });
});
