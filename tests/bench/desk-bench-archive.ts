import { loadavg } from 'node:os';
import { ARCHIVE_SEARCH_SQL } from '../../server/archive-search';
import type { DeskDatabase } from '../../server/db/database';
import { ms, percentile, row } from './report';

/** A vocabulary of made-up words, used with a skewed frequency the way real words are. */
function vocabulary(size: number): string[] {
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'te', 'vo', 'zi', 'pa', 'do', 'ge'];
  const words: string[] = [];
  for (let i = 0; words.length < size; i += 1) {
    let n = i;
    let word = '';
    do {
      word += syllables[n % syllables.length];
      n = Math.floor(n / syllables.length);
    } while (n > 0);
    if (word.length >= 4) words.push(word);
  }
  return words;
}

/**
 * Fills the archive with `count` stories of `wordsEach` words, in batches of one INSERT each, the
 * later ones updated later (a minute apart), as an archive grows.
 */
export async function seedArchive(db: DeskDatabase, count: number, wordsEach: number): Promise<string[]> {
  const words = vocabulary(20_000);
  const pick = (): string => words[Math.floor(words.length * Math.random() ** 3)] as string;
  const batch = 2000;
  const now = Date.now();
  for (let start = 0; start < count; start += batch) {
    const ids: string[] = [];
    const headlines: string[] = [];
    const bodies: string[] = [];
    const updated: string[] = [];
    for (let i = start; i < Math.min(count, start + batch); i += 1) {
      ids.push(`archive-${i}`);
      headlines.push(Array.from({ length: 6 }, pick).join(' '));
      bodies.push(Array.from({ length: wordsEach }, pick).join(' '));
      updated.push(new Date(now - (count - i) * 60_000).toISOString());
    }
    await db.query(
      `INSERT INTO stories (desk_id, story_id, headline, status, section, body, updated_at)
       SELECT 'news', id, headline, 'published', 'Archive', body, updated
       FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[]) AS t(id, headline, body, updated)`,
      [ids, headlines, bodies, updated]);
  }
  await db.query('ANALYZE stories');
  return words;
}

/** The search as it was: every match ranked. The baseline the bounded search is measured against. */
const RANK_EVERY_MATCH_SQL = `
  SELECT story_id, ts_headline('simple', body, q, 'MaxWords=20, MinWords=8') FROM stories, plainto_tsquery('simple', $2) q
  WHERE desk_id = $1 AND search @@ q ORDER BY ts_rank(search, q) DESC, updated_at DESC LIMIT 50`;

export interface ArchiveSearchFigures {
  /** p95 over HTTP, of the desk's SQL straight to the database, and of the old SQL, per kind of words. */
  rare: { p95: number; sqlP95: number; oldSqlP95: number };
  common: { p95: number; sqlP95: number; oldSqlP95: number };
  hits: number;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * Searches for a name or a rare word (the archive's usual question), and for words found in many
 * or most stories (5 % to 99 % of them: the case that ranked every match). Each query is sent over
 * HTTP, then its SQL straight to the database, then the old SQL, alternated so that the machine's
 * load weighs on all three alike.
 */
export async function measureArchiveSearch(db: DeskDatabase, deskUrl: string, token: string, words: readonly string[], stories: number): Promise<ArchiveSearchFigures> {
  const rare = Array.from({ length: 150 }, (_, i) => words[5000 + ((i * 97) % 15_000)] as string);
  const common = Array.from({ length: 50 }, (_, i) => words[i * 3] as string);
  let hits = 0;
  const figures: Partial<Pick<ArchiveSearchFigures, 'rare' | 'common'>> = {};
  for (const [kind, label, queries] of [['rare', 'rare words', rare], ['common', 'words in many stories', common]] as const) {
    const http: number[] = [];
    const sql: number[] = [];
    const oldSql: number[] = [];
    for (const q of queries) {
      http.push(await timed(async () => {
        const response = await fetch(`${deskUrl}/api/desks/news/search?q=${encodeURIComponent(q)}`, { headers: { Authorization: `Bearer ${token}` } });
        const body = (await response.json()) as { stories?: unknown[] };
        hits += body.stories?.length ?? 0;
      }));
      sql.push(await timed(() => db.query(ARCHIVE_SEARCH_SQL, ['news', q])));
      oldSql.push(await timed(() => db.query(RANK_EVERY_MATCH_SQL, ['news', q])));
    }
    const [p95, sqlP95, oldSqlP95] = [http, sql, oldSql].map((times) => percentile(times, 95)) as [number, number, number];
    figures[kind] = { p95, sqlP95, oldSqlP95 };
    row(`archive search (${label}): p50`, ms(percentile(http, 50)), '',
      `its SQL straight to PostgreSQL ${ms(percentile(sql, 50))}; every match ranked (before) ${ms(percentile(oldSql, 50))}`);
    row(`archive search (${label}): p95`, ms(p95), '≤ 50 ms',
      `its SQL straight to PostgreSQL ${ms(sqlP95)}; every match ranked (before) ${ms(oldSqlP95)} (${(oldSqlP95 / sqlP95).toFixed(1)}× its SQL)`);
  }
  console.log(`  (${stories} stories; ${hits} hits over ${rare.length + common.length} queries; load average now ${loadavg().map((n) => n.toFixed(1)).join(' ')})`);
  return { rare: figures.rare as ArchiveSearchFigures['rare'], common: figures.common as ArchiveSearchFigures['common'], hits };
}
