import type { SearchResponse, SearchScope } from '../shared/desk/desk-protocol';
import type { DeskDatabase } from './db/database';
import { storySummary, type StoryRow } from './story-row';

/**
 * Full-text search of the desk archive: the 50 best matches, recent ones first among equals, each
 * with its snippet.
 *
 * Ranking every match is what made a word found in most stories slow (ts_rank reads each match's
 * tsvector, stored out of line: ~100,000 reads for such a word over 100,000 stories). So the
 * matches ranked are bounded, by how common the words are on the desk lately (the figures are
 * ARCHIVE_SEARCH_LIMITS):
 * - the desk's newest `probeStories` stories are looked at first (a walk of the (desk_id,
 *   updated_at) index, reading that many tsvectors: little added to a rare word's search);
 * - words found in at least `commonShare` of them are common: the matches among the desk's newest
 *   `recentStories` stories are ranked (a walk of bounded length, however common the words);
 * - otherwise the GIN index finds every match (few, as the words are rare lately), and the newest
 *   `rankedMatches` of them are ranked: an old story is still found when it is among few matches.
 * A planner-chosen "newest N matches" (one index walk stopped at the Nth match, the GIN index for
 * rare words) was tried first: for words in a few percent of stories the planner still walked,
 * through tens of thousands of stories to find N, slower than ranking every match. Each bound
 * that left matches out is said in the answer's scope, and the desktop shows it.
 * ts_headline (costly too) runs only for the 50 stories returned, after the ranking's LIMIT.
 * Plain SQL that PostgreSQL and PGlite both run.
 */
export const ARCHIVE_SEARCH_LIMITS = {
  results: 50,
  probeStories: 100,
  commonShare: 0.05,
  recentStories: 2000,
  rankedMatches: 1000,
} as const;

const L = ARCHIVE_SEARCH_LIMITS;
const COMMON_IN_PROBE = Math.ceil(L.probeStories * L.commonShare);

/** The search, with $1 the desk and $2 the words; exported for the benchmark, which also times it directly. */
export const ARCHIVE_SEARCH_SQL = `
WITH common AS MATERIALIZED (
  SELECT count(*) >= ${COMMON_IN_PROBE} AS yes FROM (
    SELECT search FROM stories WHERE desk_id = $1 ORDER BY updated_at DESC LIMIT ${L.probeStories}) probe
  WHERE search @@ plainto_tsquery('simple', $2)
), recent AS MATERIALIZED (
  SELECT story_id, updated_at, search FROM stories WHERE (SELECT yes FROM common) AND desk_id = $1
  ORDER BY updated_at DESC LIMIT ${L.recentStories}
), recent_matches AS MATERIALIZED (
  SELECT story_id, updated_at, search FROM recent WHERE search @@ plainto_tsquery('simple', $2)
), all_matches AS MATERIALIZED (
  SELECT story_id, updated_at, search FROM stories
  WHERE NOT (SELECT yes FROM common) AND desk_id = $1 AND search @@ plainto_tsquery('simple', $2)
), candidates AS (
  SELECT story_id, updated_at, search FROM recent_matches
  UNION ALL
  (SELECT story_id, updated_at, search FROM all_matches ORDER BY updated_at DESC LIMIT ${L.rankedMatches})
), best AS MATERIALIZED (
  SELECT story_id, updated_at, ts_rank(search, plainto_tsquery('simple', $2)) AS rank FROM candidates
  ORDER BY rank DESC, updated_at DESC LIMIT ${L.results}
)
SELECT s.story_id, s.headline, s.status, s.section, s.updated_at, s.edited_by,
       ts_headline('simple', s.body, plainto_tsquery('simple', $2), 'MaxWords=20, MinWords=8') AS snippet,
       (SELECT yes FROM common) AS common,
       (SELECT count(*) FROM recent)::int AS recent_stories,
       (SELECT count(*) FROM recent_matches)::int AS recent_matches,
       (SELECT count(*) FROM all_matches)::int AS all_matches
FROM best JOIN stories s ON s.desk_id = $1 AND s.story_id = best.story_id
ORDER BY best.rank DESC, best.updated_at DESC`;

interface FoundRow extends StoryRow {
  snippet: string | null;
  common: boolean;
  recent_stories: number;
  recent_matches: number;
  all_matches: number;
}

/** Which matches were ranked, from the counts every row carries (nothing matched: no row, nothing ranked). */
function scopeOf(row: FoundRow | undefined): SearchScope {
  if (!row) return { ranked: 0 };
  if (row.common) {
    const scope: SearchScope = { ranked: row.recent_matches };
    return row.recent_stories >= L.recentStories ? { ...scope, newestStories: L.recentStories } : scope;
  }
  if (row.all_matches > L.rankedMatches) return { ranked: L.rankedMatches, newestMatches: L.rankedMatches };
  return { ranked: row.all_matches };
}

export async function searchArchive(db: DeskDatabase, deskId: string, words: string): Promise<SearchResponse> {
  const rows = await db.query<FoundRow>(ARCHIVE_SEARCH_SQL, [deskId, words]);
  return {
    stories: rows.map((row) => ({ ...storySummary(row), snippet: row.snippet ?? '' })),
    scope: scopeOf(rows[0]),
  };
}
