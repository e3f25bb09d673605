import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { ARTICLE_SCHEMA_VERSION, type Article, type LexicalDocument } from '../../shared/model/article';

/**
 * Generates a realistic-ish newsroom library for the draft store benchmark: real English news words
 * drawn with a Zipf distribution (so common words are common and rare words are rare, like real
 * copy) plus invented proper names, so search queries behave like they would on real drafts.
 */

/** Small deterministic PRNG (mulberry32): the same seed gives the same library on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON = `the of and to a in that is for on was with he it as at by from his said be have
has are an this not but had they who were been will their more its after would about one new also
up out two year people than first there over when last into government could some years can what
other she her three time all which city state million percent police week president minister
country court told officials council election party health public school report security news
water energy climate budget market workers company companies prices housing tax vote voters
hospital doctors patients children families students teachers university research study data
federal local national international mayor governor senator campaign policy law bill plan
program funding spending economy inflation interest rates bank banks investors trade jobs union
strike wages rent homes building construction transit traffic airport railway road bridge
river flood storm drought wildfire heat weather season farmers crops food supply chain
factory industry technology software internet phone privacy cyber attack military troops war
peace talks agreement treaty border migrants refugees asylum judge jury trial verdict prison
sentence charges investigation evidence witness lawyer prosecutors defense appeal ruling
justice rights protest protesters crowd rally march demonstration festival music film theatre
museum gallery artist book author novel award prize team game match season coach players
league championship final goal score victory defeat injury stadium fans ticket club transfer
contract record history century community neighborhood village region province district
coast island mountain forest park wildlife species ocean emissions carbon solar wind nuclear
oil gas pipeline electricity grid batteries vehicles electric cars drivers safety accident
crash fire emergency rescue ambulance vaccine virus outbreak disease cancer treatment drug
medicine insurance pension retirement benefits welfare poverty income debt deficit surplus
growth recession unemployment survey poll analysis editor reporter interview statement
spokesperson director chief executive board chairman shareholders profit revenue losses
merger deal shares stock exchange currency dollar euro pound oversight audit scandal
corruption resignation inquiry hearing committee parliament congress senate assembly
opposition coalition leader candidate debate ballot turnout results reform regulation
ban license permit zoning development infrastructure maintenance repairs delays cancelled
announced warned promised rejected approved proposed expected reported confirmed denied
increased decreased doubled dropped rose fell surged slumped recovered expanded launched
opened closed moved returned arrived left joined signed released published revealed
morning evening night weekend monday tuesday wednesday thursday friday saturday sunday
january february march april june july august september october november december
early late recent former current future major minor small large significant critical
difficult important possible likely uncertain controversial popular historic annual
quarterly monthly daily weekly northern southern eastern western central rural urban
coastal regional global digital social cultural economic political financial environmental`
  .split(/\s+/)
  .filter(Boolean);

const SYLLABLES = ['ka', 'lo', 'ren', 'mar', 'vi', 'tos', 'bel', 'an', 'dri', 'ko', 'sen', 'ha', 'mil', 'or', 'pa', 'ste', 'lin', 'gar', 'nu', 'ther', 'wes', 'ford', 'ton', 'ley', 'bro', 'quin', 'ga', 'zel', 'ri', 'mo'];

export interface Vocabulary {
  words: string[];
  /** Cumulative Zipf weights, for sampling by binary search. */
  cumulative: Float64Array;
  names: string[];
  sections: string[];
}

export function buildVocabulary(random: () => number, inventedWords = 6000): Vocabulary {
  const invented = new Set<string>();
  while (invented.size < inventedWords) {
    const n = 2 + Math.floor(random() * 3);
    let word = '';
    for (let i = 0; i < n; i += 1) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    invented.add(word);
  }
  const words = [...new Set(COMMON), ...invented];
  const cumulative = new Float64Array(words.length);
  let sum = 0;
  for (let i = 0; i < words.length; i += 1) {
    sum += 1 / (i + 1) ** 1.05;
    cumulative[i] = sum;
  }
  const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
  const names: string[] = [];
  const inventedList = [...invented];
  for (let i = 0; i < 400; i += 1) {
    names.push(`${cap(inventedList[(i * 7) % inventedList.length]!)} ${cap(inventedList[(i * 13 + 5) % inventedList.length]!)}`);
  }
  const sections = ['Politics', 'Business', 'Climate', 'Sport', 'Culture', 'World', 'Science', 'Local'];
  return { words, cumulative, names, sections };
}

export function sampleWord(vocab: Vocabulary, random: () => number): string {
  const total = vocab.cumulative[vocab.cumulative.length - 1]!;
  const target = random() * total;
  let lo = 0;
  let hi = vocab.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (vocab.cumulative[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return vocab.words[lo]!;
}

function sentence(vocab: Vocabulary, random: () => number): string {
  const n = 8 + Math.floor(random() * 18);
  const parts: string[] = [];
  for (let i = 0; i < n; i += 1) parts.push(random() < 0.04 ? vocab.names[Math.floor(random() * vocab.names.length)]! : sampleWord(vocab, random));
  const text = parts.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + (random() < 0.1 ? '?' : '.');
}

/** A Lexical body of about `words` words, in paragraphs like the editor writes them. */
export function makeBody(vocab: Vocabulary, random: () => number, words: number): LexicalDocument {
  const children: { type: string; [key: string]: unknown }[] = [];
  let written = 0;
  while (written < words) {
    const sentences: string[] = [];
    const target = 40 + Math.floor(random() * 80);
    let count = 0;
    while (count < target) {
      const s = sentence(vocab, random);
      count += s.split(' ').length;
      sentences.push(s);
    }
    written += count;
    const text = { type: 'text', version: 1, text: sentences.join(' '), format: 0, detail: 0, mode: 'normal', style: '' };
    children.push({ type: 'paragraph', version: 1, format: '', indent: 0, direction: 'ltr', children: [text], textFormat: 0, textStyle: '' });
  }
  return { root: { type: 'root', version: 1, format: '', indent: 0, direction: 'ltr', children } };
}

export function makeArticle(vocab: Vocabulary, random: () => number, index: number, words: number): Article {
  const headlineWords = Array.from({ length: 6 + Math.floor(random() * 6) }, () => sampleWord(vocab, random)).join(' ');
  const headline = headlineWords.charAt(0).toUpperCase() + headlineWords.slice(1);
  const created = Date.UTC(2024, 0, 1) + index * 3_600_000 + Math.floor(random() * 3_000_000);
  const statuses = ['draft', 'ready', 'approved'] as const;
  return {
    schemaVersion: ARTICLE_SCHEMA_VERSION,
    id: `bench-${index.toString().padStart(6, '0')}-${Math.floor(random() * 1e9).toString(36)}`,
    slug: headline.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 80),
    slugEdited: false,
    headline,
    dek: sentence(vocab, random),
    body: makeBody(vocab, random, words),
    byline: [{ name: vocab.names[Math.floor(random() * vocab.names.length)]!, role: 'Reporter', avatar: null }],
    leadPhoto: null,
    section: vocab.sections[Math.floor(random() * vocab.sections.length)]!,
    tags: Array.from({ length: 1 + Math.floor(random() * 4) }, () => sampleWord(vocab, random)),
    status: statuses[Math.floor(random() * 3)]!,
    createdAt: new Date(created).toISOString(),
    updatedAt: new Date(created + Math.floor(random() * 86_400_000)).toISOString(),
  };
}

/** Length of the n-th draft: mostly 300–1,300 words, 1 in 100 a 10,000-word long read (≈800 on average). */
export function wordsFor(index: number, random: () => number): number {
  return index % 100 === 99 ? 10_000 : 300 + Math.floor(random() * 1000);
}

/**
 * Writes `count` drafts straight into `<dir>/drafts/` in the store's file format (no index, no
 * revisions), the way a library copied from another machine would look. Returns the ids.
 */
export async function generateLibrary(dir: string, count: number, seed = 42): Promise<string[]> {
  const random = rng(seed);
  const vocab = buildVocabulary(random);
  const draftsDir = join(dir, 'drafts');
  await fsp.mkdir(draftsDir, { recursive: true });
  const ids: string[] = [];
  const batch: Promise<void>[] = [];
  for (let i = 0; i < count; i += 1) {
    const article = makeArticle(vocab, random, i, wordsFor(i, random));
    ids.push(article.id);
    batch.push(fsp.writeFile(join(draftsDir, `${article.id}.json`), JSON.stringify(article)));
    if (batch.length >= 64) await Promise.all(batch.splice(0));
  }
  await Promise.all(batch);
  return ids;
}
