import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { metaMapOf, missingMeta, readMeta, writeMeta, type SharedMeta } from '../../../renderer/src/editor/collab/story-meta';
import { peopleOf, windowIndex, windowName } from '../../../renderer/src/editor/collab/presence';

const article: SharedMeta = {
  headline: 'Harbour reopens',
  dek: '',
  slug: 'harbour-reopens',
  slugEdited: false,
  byline: [{ name: 'Ana Ruiz', role: 'Reporter', avatar: null }],
  section: 'News',
  tags: ['ports'],
  status: 'draft',
  leadPhoto: null,
};

describe('story meta map', () => {
  it('keeps concurrent edits of different fields, and the last writer of one field', () => {
    const first = new Y.Doc();
    const second = new Y.Doc();
    writeMeta(metaMapOf(first), article, 'seed');
    Y.applyUpdate(second, Y.encodeStateAsUpdate(first));
    writeMeta(metaMapOf(first), { headline: 'Harbour reopens after storm' }, 'local');
    writeMeta(metaMapOf(second), { tags: ['ports', 'weather'] }, 'local');
    Y.applyUpdate(second, Y.encodeStateAsUpdate(first));
    Y.applyUpdate(first, Y.encodeStateAsUpdate(second));
    for (const doc of [first, second]) {
      expect(readMeta(metaMapOf(doc), ['headline', 'tags'])).toEqual({ headline: 'Harbour reopens after storm', tags: ['ports', 'weather'] });
    }
  });

  it('reads JSON text as main seeds it, and leaves out fields that are damaged or unknown', () => {
    const map = metaMapOf(new Y.Doc());
    map.set('byline', JSON.stringify(article.byline));
    map.set('status', 'published-yesterday');
    map.set('headline', 42);
    map.set('colour', 'red');
    map.set('slugEdited', 'true');
    expect(readMeta(map, ['byline', 'status', 'headline', 'colour', 'slugEdited'])).toEqual({ byline: article.byline, slugEdited: true });
  });

  it('seeds only the fields the map does not hold yet', () => {
    const map = metaMapOf(new Y.Doc());
    map.set('headline', 'From another window');
    const seed = missingMeta(map, article);
    expect(seed).not.toHaveProperty('headline');
    expect(seed.section).toBe('News');
  });
});

describe('presence', () => {
  it('numbers windows in the order they joined the story', () => {
    const first = { joinedAt: 100, clientId: 900, name: windowName('This Mac', 1) };
    expect(windowIndex('This Mac', { joinedAt: 200, clientId: 5 }, [first])).toBe(2);
    expect(windowIndex('This Mac', { joinedAt: 100, clientId: 900 }, [{ joinedAt: 200, clientId: 5, name: windowName('This Mac', 1) }])).toBe(1);
  });

  it('lists people with their field, this editor first, skipping states without a name', () => {
    const states = new Map<number, Record<string, unknown>>([
      [2, { name: 'Window 2', color: '#123456', field: 'Headline' }],
      [1, { name: 'Window 1', color: '#654321', focusing: true }],
      [3, {}],
    ]);
    expect(peopleOf(states, 1).map(({ name, field, self }) => ({ name, field, self }))).toEqual([
      { name: 'Window 1', field: 'body', self: true },
      { name: 'Window 2', field: 'Headline', self: false },
    ]);
  });
});
