import type SearchableMap from 'minisearch/SearchableMap';

/**
 * A full-text index kept in flat arrays, for the search thread (search-worker.ts).
 *
 * Why not MiniSearch's own index, which this replaced: it keeps every (word, field, draft) posting
 * as an entry of nested Maps, ~50 bytes each, and 10,000 drafts of ~800 words hold ~4 million of
 * them: ~250 MB of heap, and its cache has to be rebuilt into those Maps at every load (seconds).
 * Here a posting is one number in the word's array (8 bytes), the cache is those arrays' bytes,
 * which load as views without rebuilding, and the word dictionary is MiniSearch's SearchableMap
 * (a radix tree with prefix and fuzzy lookup), so typing and typos match as they did.
 *
 * A changed draft gets a new number and its old postings become dead; they are dropped when dead
 * ones outnumber live ones, and whenever the index is written.
 *
 * Defined inside a function so the search thread can run it from its source text (no outer names).
 */
export interface IndexedDocument {
  id: string;
  /** Text per field, in the order of `fields` given to the index. */
  [field: string]: string;
}

export interface CompactIndexOptions {
  fields: string[];
  boosts: number[];
  processTerm: (term: string) => string | null;
}

export interface CompactIndex {
  readonly documentCount: number;
  has(id: string): boolean;
  add(doc: IndexedDocument): void;
  remove(id: string): void;
  /** Ids of the drafts holding every query word (4+ letters: as a prefix or with one typo), best first. */
  search(text: string): string[];
  /** The index as bytes, with `head` (any JSON) stored alongside. Drops dead postings first. */
  toBytes(head: unknown): Uint8Array;
}

export interface CompactIndexClass {
  new (options: CompactIndexOptions): CompactIndex;
  /** Reads what toBytes wrote; throws on anything else. */
  fromBytes(bytes: Uint8Array, options: CompactIndexOptions): { index: CompactIndex; head: unknown };
}

export function defineCompactIndex(SearchableMapClass: typeof SearchableMap): CompactIndexClass {
  const MAGIC = 0x4e445331; // "NDS1"
  // A posting packs the draft's number, the field and the word's count in it (capped at 255).
  const FIELD_UNIT = 256;
  const DOC_UNIT = 2048;
  // BM25+ as MiniSearch scores it: term-frequency saturation, length normalisation, lower bound.
  const K1 = 1.2;
  const B = 0.7;
  const D = 0.5;
  const PREFIX_WEIGHT = 0.375;
  const FUZZY_WEIGHT = 0.45;
  const TOKEN = /[\n\r\s\p{Z}\p{P}]+/u;
  const TOKEN_CACHE_LIMIT = 200_000;

  class FlatIndex implements CompactIndex {
    /** Word to its number: the radix tree for prefix and typo lookups, a hash map for the exact ones (indexing makes millions). */
    private dictionary = new SearchableMapClass<number>();
    private termNumbers = new Map<string, number>();
    /** Per word number: its postings. Loaded ones are views on the cache's bytes until they grow. */
    private postings: (number[] | Float64Array)[] = [];
    private terms: string[] = [];
    /** Per draft number: its id, or null once removed or replaced. */
    private docIds: (string | null)[] = [];
    /** Per draft number and field: the field's length in words. */
    private lengths: number[] = [];
    private readonly numbers = new Map<string, number>();
    private readonly totals: number[];
    private dead = 0;
    private live = 0;
    /**
     * Each token as the text spells it to its word's number (-1: not indexed, a stop word), so
     * indexing looks a token up once instead of folding it, then counting and numbering the word
     * in two more maps: indexing 8 million words spent most of its time in those lookups. Capped,
     * and cleared whenever words are renumbered.
     */
    private tokenTerms = new Map<string, number>();
    /** Per word number: its count in the field being indexed (scratch for add, zero between calls). */
    private counts = new Int32Array(1024);

    constructor(private readonly options: CompactIndexOptions) {
      this.totals = options.fields.map(() => 0);
    }

    static fromBytes(bytes: Uint8Array, options: CompactIndexOptions): { index: CompactIndex; head: unknown } {
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      if (bytes.byteLength < 8 || view.getUint32(0) !== MAGIC) throw new Error('not a search cache');
      const headLength = view.getUint32(4);
      const stored = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headLength))) as {
        head: unknown;
        docIds: string[];
        lengths: number[];
        terms: string[];
        fields: string[];
      };
      if (stored.fields.join('\n') !== options.fields.join('\n')) throw new Error('the fields changed');
      if (stored.lengths.length !== stored.docIds.length * options.fields.length) throw new Error('the search cache is damaged');
      const index = new FlatIndex(options);
      const offsetsAt = align(8 + headLength);
      const count = stored.terms.length;
      // new Uint8Array(…) copies; a Node Buffer's slice would not (it is a view on the whole file).
      const offsets = new Uint32Array(new Uint8Array(bytes.subarray(offsetsAt, offsetsAt + 4 * (count + 1))).buffer);
      const postingsAt = align(offsetsAt + 4 * (count + 1));
      // Views on the file's bytes where they are 8-byte aligned, as a Float64Array must be (a file
      // read whole is); otherwise one copy.
      const all = (bytes.byteOffset + postingsAt) % 8 === 0
        ? new Float64Array(bytes.buffer, bytes.byteOffset + postingsAt, (bytes.byteLength - postingsAt) / 8)
        : new Float64Array(new Uint8Array(bytes.subarray(postingsAt)).buffer);
      if (offsets[count] !== all.length) throw new Error('the search cache is truncated');
      for (let term = 0; term < count; term += 1) {
        index.dictionary.set(stored.terms[term]!, term);
        index.termNumbers.set(stored.terms[term]!, term);
        index.postings.push(all.subarray(offsets[term]!, offsets[term + 1]!));
      }
      index.terms = stored.terms;
      index.docIds = stored.docIds;
      index.lengths = stored.lengths;
      for (const [doc, id] of stored.docIds.entries()) {
        if (id === null) continue;
        index.numbers.set(id, doc);
        index.live += 1;
        for (let field = 0; field < options.fields.length; field += 1) index.totals[field]! += stored.lengths[doc * options.fields.length + field]!;
      }
      return { index, head: stored.head };
    }

    get documentCount(): number {
      return this.live;
    }

    has(id: string): boolean {
      return this.numbers.has(id);
    }

    add(doc: IndexedDocument): void {
      this.remove(doc.id);
      const number = this.docIds.length;
      this.docIds.push(doc.id);
      this.numbers.set(doc.id, number);
      this.live += 1;
      for (const [field, name] of this.options.fields.entries()) {
        const touched: number[] = [];
        let length = 0;
        for (const token of (doc[name] ?? '').split(TOKEN)) {
          if (token === '') continue;
          const term = this.tokenTerms.get(token) ?? this.learnToken(token);
          if (term < 0) continue;
          length += 1;
          const counts = this.counts; // learnToken may have grown it
          if (counts[term] === 0) touched.push(term);
          counts[term] = counts[term]! + 1;
        }
        this.lengths.push(length);
        this.totals[field]! += length;
        const base = number * DOC_UNIT + field * FIELD_UNIT;
        for (const term of touched) {
          this.postingsOf(term).push(base + Math.min(this.counts[term]!, 255));
          this.counts[term] = 0;
        }
      }
    }

    remove(id: string): void {
      const number = this.numbers.get(id);
      if (number === undefined) return;
      this.numbers.delete(id);
      this.docIds[number] = null;
      this.live -= 1;
      const fields = this.options.fields.length;
      for (let field = 0; field < fields; field += 1) {
        const length = this.lengths[number * fields + field]!;
        this.totals[field]! -= length;
        this.dead += length; // an upper bound on its postings, which is all the compaction needs
      }
      if (this.dead > 200_000 && this.dead > this.totals.reduce((sum, words) => sum + words, 0)) this.compact();
    }

    search(text: string): string[] {
      const words = new Set<string>();
      for (const token of text.split(TOKEN)) {
        const term = token === '' ? null : this.options.processTerm(token);
        if (term !== null) words.add(term);
      }
      if (words.size === 0 || this.live === 0) return [];
      let found: Map<number, number> | null = null;
      for (const word of words) {
        found = this.scoreWord(word, found);
        if (found.size === 0) return [];
      }
      return [...found!].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([doc]) => this.docIds[doc]!);
    }

    toBytes(head: unknown): Uint8Array {
      if (this.dead > 0) this.compact();
      const offsets = new Uint32Array(this.terms.length + 1);
      let total = 0;
      for (const [term, list] of this.postings.entries()) {
        offsets[term] = total;
        total += list.length;
      }
      offsets[this.terms.length] = total;
      const stored = { head, docIds: this.docIds, lengths: this.lengths, terms: this.terms, fields: this.options.fields };
      const headBytes = new TextEncoder().encode(JSON.stringify(stored));
      const offsetsAt = align(8 + headBytes.length);
      const postingsAt = align(offsetsAt + offsets.byteLength);
      const bytes = new Uint8Array(postingsAt + total * 8);
      const view = new DataView(bytes.buffer);
      view.setUint32(0, MAGIC);
      view.setUint32(4, headBytes.length);
      bytes.set(headBytes, 8);
      bytes.set(new Uint8Array(offsets.buffer), offsetsAt);
      const all = new Float64Array(bytes.buffer, postingsAt, total);
      for (const [term, list] of this.postings.entries()) all.set(list, offsets[term]!);
      return bytes;
    }

    /** The number of the word `token` folds to (a new word gets one), or -1 when it is not indexed. */
    private learnToken(token: string): number {
      const term = this.options.processTerm(token);
      let number = -1;
      if (term !== null) {
        number = this.termNumbers.get(term) ?? -1;
        if (number < 0) {
          number = this.terms.length;
          this.terms.push(term);
          this.postings.push([]);
          this.dictionary.set(term, number);
          this.termNumbers.set(term, number);
        }
        // A loaded index's words are numbered too, so the scratch counts grow for either.
        if (number >= this.counts.length) {
          const counts = new Int32Array(Math.max(this.counts.length * 2, number + 1));
          counts.set(this.counts);
          this.counts = counts;
        }
      }
      // A library of odd words (numbers, codes) must not grow this without end.
      if (this.tokenTerms.size >= TOKEN_CACHE_LIMIT) this.tokenTerms.clear();
      this.tokenTerms.set(token, number);
      return number;
    }

    private postingsOf(number: number): number[] {
      let list = this.postings[number]!;
      if (!Array.isArray(list)) this.postings[number] = list = Array.from(list); // a loaded view grows into an array
      return list;
    }

    /** The drafts matching one query word (and already in `within`, when given), with summed scores. */
    private scoreWord(word: string, within: Map<number, number> | null): Map<number, number> {
      const weights = new Map<number, number>();
      const exact = this.termNumbers.get(word);
      if (exact !== undefined) weights.set(exact, 1);
      // Not for shorter words: a 3-letter prefix such as "mar" expands to hundreds of words, and
      // measured up to 190 ms a query at 10,000 drafts.
      if (word.length >= 4) {
        for (const [term, number] of this.dictionary.atPrefix(word)) {
          if (term !== word) weights.set(number, Math.max(weights.get(number) ?? 0, (PREFIX_WEIGHT * word.length) / term.length));
        }
        for (const [term, [number, distance]] of this.dictionary.fuzzyGet(word, 1)) {
          if (term !== word) weights.set(number, Math.max(weights.get(number) ?? 0, (FUZZY_WEIGHT * word.length) / (word.length + distance)));
        }
      }
      const fields = this.options.fields.length;
      const scores = new Map<number, number>();
      for (const [term, weight] of weights) {
        const list = this.postings[term]!;
        const idf = Math.log(1 + (this.live - list.length + 0.5) / (list.length + 0.5));
        for (let i = 0; i < list.length; i += 1) {
          const posting = list[i]!;
          const doc = Math.floor(posting / DOC_UNIT);
          if (typeof this.docIds[doc] !== 'string' || (within !== null && !within.has(doc))) continue;
          const field = Math.floor(posting / FIELD_UNIT) % (DOC_UNIT / FIELD_UNIT);
          const frequency = posting % FIELD_UNIT;
          const average = this.totals[field]! / this.live || 1;
          const length = this.lengths[doc * fields + field]!;
          const saturation = D + (frequency * (K1 + 1)) / (frequency + K1 * (1 - B + (B * length) / average));
          const score = weight * this.options.boosts[field]! * idf * saturation;
          scores.set(doc, (scores.get(doc) ?? within?.get(doc) ?? 0) + score);
        }
      }
      return scores;
    }

    /** Renumbers the live drafts and drops the postings of removed ones. */
    private compact(): void {
      const fields = this.options.fields.length;
      const renumbered = new Int32Array(this.docIds.length).fill(-1);
      const docIds: string[] = [];
      const lengths: number[] = [];
      for (const [doc, id] of this.docIds.entries()) {
        if (id === null) continue;
        renumbered[doc] = docIds.length;
        this.numbers.set(id, docIds.length);
        docIds.push(id);
        for (let field = 0; field < fields; field += 1) lengths.push(this.lengths[doc * fields + field]!);
      }
      // Words left only in removed drafts leave the dictionary, so prefix and typo lookups stay lean.
      const terms: string[] = [];
      const postings: number[][] = [];
      this.dictionary = new SearchableMapClass<number>();
      this.termNumbers = new Map();
      this.tokenTerms = new Map();
      for (const [term, list] of this.postings.entries()) {
        const kept: number[] = [];
        for (let i = 0; i < list.length; i += 1) {
          const posting = list[i]!;
          const next = renumbered[Math.floor(posting / DOC_UNIT)]!;
          if (next >= 0) kept.push(next * DOC_UNIT + (posting % DOC_UNIT));
        }
        if (kept.length === 0) continue;
        this.dictionary.set(this.terms[term]!, terms.length);
        this.termNumbers.set(this.terms[term]!, terms.length);
        terms.push(this.terms[term]!);
        postings.push(kept);
      }
      this.terms = terms;
      this.postings = postings;
      this.docIds = docIds;
      this.lengths = lengths;
      this.dead = 0;
    }
  }

  function align(offset: number): number {
    return Math.ceil(offset / 8) * 8;
  }

  return FlatIndex;
}
