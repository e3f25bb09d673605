import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DESK_INDEX_MAP, deskIndexDocumentName, searchResponseSchema, STORY_META_MAP, storyListResponseSchema, type StorySummary } from '../../shared/desk/desk-protocol';
import { deskServicesSkipReason } from './services/real-services';
import { bodyText, connectClient, connectDocument, until, type DeskClient } from './support/desk-clients';
import { deskOnPostgres } from './support/desk-on-postgres';

// The desk archive: a story table kept from each stored document, searched with PostgreSQL's full text.
const skipReason = deskServicesSkipReason();
if (skipReason) console.warn(`[desk-archive] skipped: ${skipReason}`);

const setup = deskOnPostgres(skipReason);

/** Writes a story the way Lexical's binding lays it out: metadata in `meta`, paragraphs in `root`. */
function writeStory(doc: Y.Doc, headline: string, paragraphs: string[]): void {
  doc.transact(() => {
    const meta = doc.getMap(STORY_META_MAP);
    meta.set('headline', headline);
    meta.set('status', 'draft');
    meta.set('section', 'Politics');
    const root = bodyText(doc);
    for (const text of paragraphs) {
      const paragraph = new Y.XmlText();
      root.insertEmbed(root.length, paragraph);
      paragraph.insert(0, text);
    }
  });
}

async function api(path: string, token: string): Promise<Response> {
  return fetch(`${setup.desk.server.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
}

describe.skipIf(skipReason !== null)('the desk archive', () => {
  it('lists a stored story with its fields and who edited it, and finds it by a word of its body', async () => {
    const ana = connectClient(setup.desk.server.webSocketUrl, 'news', 'budget-vote', setup.desk.tokens.ana);
    setup.clients.push(ana);
    await until(() => ana.provider.isSynced, 'synced');
    writeStory(ana.doc, 'Budget passes after night session', ['The chamber voted at dawn.', 'Opposition walked out over pensions.']);

    await until(async () => {
      const list = storyListResponseSchema.parse(await (await api('/api/desks/news/stories', setup.desk.tokens.bo)).json());
      return list.stories.some((story) => story.storyId === 'budget-vote');
    }, 'the story in the list');
    const list = storyListResponseSchema.parse(await (await api('/api/desks/news/stories', setup.desk.tokens.bo)).json());
    expect(list.stories.find((story) => story.storyId === 'budget-vote')).toMatchObject({
      headline: 'Budget passes after night session', status: 'draft', section: 'Politics', editedBy: ['Ana Editor'],
    });

    const found = searchResponseSchema.parse(await (await api('/api/desks/news/search?q=pensions', setup.desk.tokens.bo)).json());
    expect(found.stories.map((story) => story.storyId)).toEqual(['budget-vote']);
    expect(found.stories[0]?.snippet).toContain('pensions');
    // Every match was ranked: the desktop shows a plain count.
    expect(found.scope).toEqual({ ranked: 1 });
    const none = searchResponseSchema.parse(await (await api('/api/desks/news/search?q=football', setup.desk.tokens.bo)).json());
    expect(none.stories).toEqual([]);
    // Words stuck together across paragraphs would not be found: paragraphs are kept apart.
    const joined = searchResponseSchema.parse(await (await api('/api/desks/news/search?q=dawn', setup.desk.tokens.bo)).json());
    expect(joined.stories).toHaveLength(1);
  });

  it('shows another desk nothing', async () => {
    const response = await api('/api/desks/news/search?q=pensions', setup.desk.tokens.cy);
    expect(response.status).toBe(403);
    const sport = storyListResponseSchema.parse(await (await api('/api/desks/sport/stories', setup.desk.tokens.cy)).json());
    expect(sport.stories).toEqual([]);
  });
});

describe.skipIf(skipReason !== null)("the desk's live story list", () => {
  function subscribe(token: string): DeskClient {
    const made = connectDocument(setup.desk.server.webSocketUrl, deskIndexDocumentName('news'), token);
    setup.clients.push(made);
    return made;
  }
  const listed = (client: DeskClient, storyId: string): StorySummary | undefined =>
    client.doc.getMap<StorySummary>(DESK_INDEX_MAP).get(storyId);

  it('shows a story created elsewhere at once, then its stored fields; only the server writes it', async () => {
    const bo = subscribe(setup.desk.tokens.bo);
    await until(() => bo.provider.isSynced, 'the list synced');
    const ana = connectClient(setup.desk.server.webSocketUrl, 'news', 'fresh-story', setup.desk.tokens.ana);
    setup.clients.push(ana);
    await until(() => ana.provider.isSynced, 'synced');
    writeStory(ana.doc, 'Fresh headline', ['Breaking copy.']);
    await until(() => listed(bo, 'fresh-story') !== undefined, 'the new story in the list');
    await until(() => listed(bo, 'fresh-story')?.headline === 'Fresh headline', 'its headline');
    await until(() => listed(bo, 'fresh-story')?.editedBy.join() === 'Ana Editor', 'who edited it');

    // A desktop writing into the list changes nothing for anyone else.
    bo.doc.getMap<StorySummary>(DESK_INDEX_MAP).set('forged', { storyId: 'forged', headline: 'x', status: '', section: '', updated: '', editedBy: [] });
    const other = subscribe(setup.desk.tokens.ana);
    await until(() => other.provider.isSynced && listed(other, 'fresh-story') !== undefined, 'a second subscriber synced');
    expect(listed(other, 'forged')).toBeUndefined();
  });

  it("refuses another desk's list", async () => {
    const cy = subscribe(setup.desk.tokens.cy);
    await until(() => cy.refusals.length > 0, 'the refusal');
    expect(cy.doc.getMap(DESK_INDEX_MAP).size).toBe(0);
  });
});
