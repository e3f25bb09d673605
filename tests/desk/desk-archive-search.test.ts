import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARCHIVE_SEARCH_LIMITS, searchArchive } from '../../server/archive-search';
import { openDeskDatabase, type DeskDatabase } from '../../server/db/database';
import { deskServicesSkipReason, startPostgres, type RealService } from './services/real-services';

// Which archive stories a search returns, in which order, and what it says it ranked, on both
// databases the desk runs on: a real PostgreSQL and the embedded PGlite.
const skipReason = deskServicesSkipReason();
if (skipReason) console.warn(`[desk-archive-search] skipped on PostgreSQL: ${skipReason}`);

const STORIES = 2500;
const { recentStories, rankedMatches, results } = ARCHIVE_SEARCH_LIMITS;

/**
 * Story s-i was updated i minutes ago. Every story has "council" once; s-1500 (among the newest
 * 2000) and s-2400 (older) have it four times. "harbour": s-5, s-9 once, s-2450 (old) three times.
 * "bridge": s-1000 to s-2199 (none of the newest 200), s-1100 and s-2100 three times.
 */
async function seed(db: DeskDatabase): Promise<void> {
  await db.query(
    `INSERT INTO stories (desk_id, story_id, headline, body, updated_at)
     SELECT 'news', 's-' || i, 'Story ' || i,
            'council report'
            || CASE WHEN i IN (1500, 2400) THEN ' council council council' ELSE '' END
            || CASE WHEN i IN (5, 9) THEN ' harbour' WHEN i = 2450 THEN ' harbour harbour harbour' ELSE '' END
            || CASE WHEN i IN (1100, 2100) THEN ' bridge bridge bridge' WHEN i BETWEEN 1000 AND 2199 THEN ' bridge' ELSE '' END,
            now() - i * interval '1 minute'
     FROM generate_series(0, $1::int - 1) AS i`, [STORIES]);
  await db.query(
    `INSERT INTO stories (desk_id, story_id, headline, body, updated_at)
     SELECT 'small', 'small-' || i, 'Small ' || i, 'council minutes', now() - i * interval '1 minute'
     FROM generate_series(0, 9) AS i`);
  await db.query('ANALYZE stories');
}

const backends: { name: string; skip: string | null; open(): Promise<{ db: DeskDatabase; stop(): Promise<void> }> }[] = [
  {
    name: 'PostgreSQL',
    skip: skipReason,
    async open() {
      const postgres: RealService = await startPostgres();
      const db = await openDeskDatabase({ url: postgres.url, dataDir: '' });
      return { db, stop: async () => { await db.close(); await postgres.stop(); } };
    },
  },
  {
    name: 'PGlite',
    skip: null,
    async open() {
      const db = await openDeskDatabase({ dataDir: 'memory://' });
      return { db, stop: () => db.close() };
    },
  },
];

for (const backend of backends) {
  describe.skipIf(backend.skip !== null)(`archive search on ${backend.name}`, () => {
    let opened: { db: DeskDatabase; stop(): Promise<void> } | undefined;
    const db = (): DeskDatabase => {
      if (!opened) throw new Error('The database has not started (see beforeAll).');
      return opened.db;
    };
    beforeAll(async () => {
      opened = await backend.open();
      await seed(opened.db);
    }, 120_000);
    afterAll(async () => opened?.stop(), 60_000);

    it('a word in most stories: the most relevant of the newest stories first, then the newest, and says so', async () => {
      const found = await searchArchive(db(), 'news', 'council');
      const ids = found.stories.map((story) => story.storyId);
      expect(ids).toHaveLength(results);
      // s-2400 matches as well as s-1500 but is older than the newest 2000 stories: not ranked.
      expect(ids).toEqual(['s-1500', ...Array.from({ length: results - 1 }, (_, i) => `s-${i}`)]);
      expect(found.scope).toEqual({ ranked: recentStories, newestStories: recentStories });
      expect(found.stories[0]?.snippet).toContain('<b>council</b>');
    });

    it('a rare word: every match ranked, an old story with the word most first', async () => {
      const found = await searchArchive(db(), 'news', 'harbour');
      expect(found.stories.map((story) => story.storyId)).toEqual(['s-2450', 's-5', 's-9']);
      expect(found.scope).toEqual({ ranked: 3 });
      expect(found.stories[0]).toMatchObject({ headline: 'Story 2450', snippet: expect.stringContaining('<b>harbour</b>') });
    });

    it('a word in many older stories but not lately: the newest matches ranked, and says so', async () => {
      const found = await searchArchive(db(), 'news', 'bridge');
      const ids = found.stories.map((story) => story.storyId);
      // s-2100 is past the newest 1000 matches (s-1000 to s-1999): not ranked.
      expect(ids.slice(0, 3)).toEqual(['s-1100', 's-1000', 's-1001']);
      expect(ids).not.toContain('s-2100');
      expect(found.scope).toEqual({ ranked: rankedMatches, newestMatches: rankedMatches });
    });

    it('a desk with few stories ranks them all; nothing found says nothing was ranked', async () => {
      const small = await searchArchive(db(), 'small', 'council');
      expect(small.stories.map((story) => story.storyId)).toEqual(Array.from({ length: 10 }, (_, i) => `small-${i}`));
      expect(small.scope).toEqual({ ranked: 10 });
      expect(await searchArchive(db(), 'news', 'football')).toEqual({ stories: [], scope: { ranked: 0 } });
      // Words that make no search (punctuation only) find nothing rather than failing.
      expect(await searchArchive(db(), 'news', '!!!')).toEqual({ stories: [], scope: { ranked: 0 } });
    });
  });
}
