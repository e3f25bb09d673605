import SearchableMap from 'minisearch/SearchableMap';
import { describe, expect, it } from 'vitest';
import { defineCompactIndex, type CompactIndexOptions, type IndexedDocument } from '../../../electron/main/services/drafts/compact-index';

const CompactIndex = defineCompactIndex(SearchableMap);
const options: CompactIndexOptions = {
  fields: ['headline', 'body'],
  boosts: [3, 1],
  processTerm: (term) => (term === 'the' ? null : term.toLowerCase()),
};
const doc = (id: string, headline: string, body: string): IndexedDocument => ({ id, headline, body });

function seeded() {
  const index = new CompactIndex(options);
  index.add(doc('council', 'Council budget vote', 'The council approved the housing budget.'));
  index.add(doc('storm', 'Storm hits coast', 'Fishermen stayed in port as the storm reached the harbour.'));
  index.add(doc('final', 'Cup final', 'A penalty decided the final; the council watched.'));
  return index;
}

describe('compact search index', () => {
  it('needs every word, matches words of four letters or more as prefixes and with one typo, shorter ones exactly', () => {
    const index = seeded();
    expect(index.search('council')).toHaveLength(2);
    expect(index.search('council housing')).toEqual(['council']);
    expect(index.search('penalty budget')).toEqual([]);
    expect(index.search('fisherm')).toEqual(['storm']);
    expect(index.search('harbor')).toEqual(['storm']);
    expect(index.search('cu')).toEqual([]);
    expect(index.search('cup')).toEqual(['final']);
    expect(index.search('the')).toEqual([]); // a word the index leaves out matches nothing
    expect(index.search('')).toEqual([]);
  });

  it('ranks a word in the headline above the same word in a body', () => {
    expect(seeded().search('council')).toEqual(['council', 'final']);
  });

  it('forgets a replaced text and a removed draft', () => {
    const index = seeded();
    index.add(doc('storm', 'Storm passes', 'Calm returned to the harbour.'));
    expect(index.search('fishermen')).toEqual([]);
    expect(index.search('calm')).toEqual(['storm']);
    index.remove('storm');
    expect(index.search('harbour')).toEqual([]);
    expect(index.has('storm')).toBe(false);
    expect(index.documentCount).toBe(2);
  });

  it('loads from its bytes with the same answers, and keeps its head alongside', () => {
    const index = seeded();
    index.remove('final');
    const { index: loaded, head } = CompactIndex.fromBytes(index.toBytes({ format: 7 }), options);
    expect(head).toEqual({ format: 7 });
    for (const query of ['council', 'fisherm', 'harbor', 'penalty', 'storm coast']) expect(loaded.search(query)).toEqual(index.search(query));
    // A loaded index takes new drafts and changes like a fresh one.
    loaded.add(doc('final', 'Cup final', 'Extra time.'));
    loaded.add(doc('council', 'Council budget vote', 'Postponed.'));
    expect(loaded.search('extra')).toEqual(['final']);
    expect(loaded.search('housing')).toEqual([]);
  });

  it('loads from bytes that do not start on an 8-byte boundary, as a slice of a larger buffer may', () => {
    const bytes = seeded().toBytes(null);
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    expect(CompactIndex.fromBytes(shifted.subarray(3), options).index.search('harbour')).toEqual(['storm']);
  });

  it('loads from a Node Buffer read from a file, whose slices are views on all of it', () => {
    const bytes = seeded().toBytes(null);
    for (const shift of [0, 3]) {
      const file = Buffer.alloc(bytes.length + shift);
      file.set(bytes, shift);
      expect(CompactIndex.fromBytes(file.subarray(shift), options).index.search('harbour')).toEqual(['storm']);
    }
  });

  it('refuses damaged or foreign bytes, so the caller rebuilds', () => {
    const bytes = seeded().toBytes(null);
    expect(() => CompactIndex.fromBytes(bytes.subarray(0, bytes.length - 8), options)).toThrow();
    expect(() => CompactIndex.fromBytes(new TextEncoder().encode('{"format": 3}'), options)).toThrow();
    expect(() => CompactIndex.fromBytes(bytes, { ...options, fields: ['headline', 'dek'] })).toThrow();
  });

  it('counts repeated words of a loaded index with thousands of words as a fresh index does', () => {
    const many = Array.from({ length: 3_000 }, (_, i) => `word${i}`).join(' ');
    const fresh = new CompactIndex(options);
    fresh.add(doc('archive', 'Archive', many));
    const { index: loaded } = CompactIndex.fromBytes(fresh.toBytes(null), options);
    for (const index of [fresh, loaded]) {
      // Only words the index knows, word1500 numbered far past the first ones: three times in a body outranks once.
      index.add(doc('once', 'word1', 'word1500 archive archive'));
      index.add(doc('thrice', 'word1', 'Word1500 word1500 WORD1500'));
      expect(index.search('word1 word1500').filter((id) => id !== 'archive')).toEqual(['thrice', 'once']);
    }
  });

  it('drops the postings of replaced texts, so many saves of one draft do not grow it without end', () => {
    const index = seeded();
    const long = Array.from({ length: 5_000 }, (_, i) => `word${i}`).join(' ');
    const before = index.toBytes(null).length;
    // Words of three characters match only exactly: x98 is not a typo of x99 here.
    for (let save = 0; save < 100; save += 1) index.add(doc('storm', 'Storm hits coast', `${long} x${save}`));
    expect(index.search('x99')).toEqual(['storm']);
    expect(index.search('x98')).toEqual([]);
    expect(index.search('word4999')).toEqual(['storm']);
    // One live copy of the long text is left in the written form, not a hundred.
    expect(index.toBytes(null).length).toBeLessThan(before + 5_001 * 40);
  });
});
