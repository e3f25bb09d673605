import type { DeskDatabase } from '../../server/db/database';

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

/** Fills the archive with `count` stories of `wordsEach` words, in batches of one INSERT each. */
export async function seedArchive(db: DeskDatabase, count: number, wordsEach: number): Promise<string[]> {
  const words = vocabulary(20_000);
  const pick = (): string => words[Math.floor(words.length * Math.random() ** 3)] as string;
  const batch = 2000;
  for (let start = 0; start < count; start += batch) {
    const ids: string[] = [];
    const headlines: string[] = [];
    const bodies: string[] = [];
    for (let i = start; i < Math.min(count, start + batch); i += 1) {
      ids.push(`archive-${i}`);
      headlines.push(Array.from({ length: 6 }, pick).join(' '));
      bodies.push(Array.from({ length: wordsEach }, pick).join(' '));
    }
    await db.query(
      `INSERT INTO stories (desk_id, story_id, headline, status, section, body)
       SELECT 'news', id, headline, 'published', 'Archive', body
       FROM unnest($1::text[], $2::text[], $3::text[]) AS t(id, headline, body)`,
      [ids, headlines, bodies]);
  }
  await db.query('ANALYZE stories');
  return words;
}
