import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PhotoMetadata } from '../../../shared/model/photo';
import { DEFAULT_CREDIT_STYLE } from '../../../shared/model/settings';
import { importAndWait, makeImage, openTestLibrary, removeDir, tempDir, type TestLibrary } from '../../support/media-library';

let work: string;
let test: TestLibrary;
/** Photo ids by a short name, imported in this order (so 'plain' is the newest). */
const ids: Record<string, string> = {};

const PHOTOS: [key: string, fileName: string, metadata: Partial<PhotoMetadata>][] = [
  ['pool', 'AFP_34XY7Q.jpg', {
    description: 'French President speaks during a press conference at the Elysee Palace.',
    creator: 'Gonzalo Fuentes',
    creditLine: 'POOL/AFP via Getty Images',
    instructions: 'POOL PHOTO. MANDATORY CREDIT',
    keywords: ['politics', 'France'],
  }],
  ['ap', 'capitol.jpg', {
    description: 'Senators leave the chamber after the vote.',
    headline: 'Budget vote',
    creator: 'Evan Vucci',
    source: 'Associated Press',
  }],
  ['montreal', 'manif.jpg', {
    description: 'Des manifestants défilent à Montréal malgré la pluie.',
    title: 'CANADA-PROTEST',
    creator: 'Graham Hughes',
    creditLine: 'The Canadian Press',
    usageTerms: 'NO SALES. NO ARCHIVE.',
  }],
  ['plain', 'IMG_0042.jpg', { description: 'Harbour at dawn, fishing boats leaving.', keywords: ['harbour'] }],
];

beforeAll(async () => {
  work = await tempDir();
  test = await openTestLibrary(join(work, 'media'));
  for (const [index, [key, fileName, metadata]] of PHOTOS.entries()) {
    const source = await makeImage(work, fileName, 40 + index);
    const job = await importAndWait(test.library, [source]);
    ids[key] = job.items[0]!.photoId!;
    await test.library.update(ids[key], metadata);
    // Distinct import times, so "newest first" has one answer.
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
});
afterAll(async () => {
  await test.library.close();
  await removeDir(work);
});

async function search(text: string, filter: 'all' | 'missing-credit' | 'restricted' = 'all'): Promise<string[]> {
  const page = await test.library.list({ text, filter });
  return page.items.map((photo) => Object.keys(ids).find((key) => ids[key] === photo.id)!);
}

describe('listing', () => {
  it('shows the newest import first when there is no search', async () => {
    expect(await search('')).toEqual(['plain', 'montreal', 'ap', 'pool']);
  });

  it('pages through the list and gives the total', async () => {
    const page = await test.library.list({ offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.items.map((photo) => photo.id)).toEqual([ids.montreal, ids.ap]);
  });

  it('refuses an invalid query with a message', async () => {
    await expect(test.library.list({ limit: 0 })).rejects.toMatchObject({ code: 'invalid-request' });
  });
});

describe('search', () => {
  it('finds words in the caption, credit, creator, keywords, headline, title and file name', async () => {
    expect(await search('press conference')).toEqual(['pool']);
    expect(await search('getty')).toEqual(['pool']);
    expect(await search('vucci')).toEqual(['ap']);
    expect(await search('harbour')).toEqual(['plain']);
    expect(await search('budget')).toEqual(['ap']);
    expect(await search('canada-protest')).toEqual(['montreal']);
    expect(await search('34XY7Q')).toEqual(['pool']);
    expect(await search('img_0042')).toEqual(['plain']);
  });

  it('finds the credit as written in house style', async () => {
    // "Associated Press" becomes "AP Photo/Evan Vucci" by the desk's AP rule.
    expect(await search('AP Photo')).toEqual(['ap']);
  });

  it('matches prefixes, ignores accents and needs every word', async () => {
    expect(await search('montreal')).toEqual(['montreal']);
    expect(await search('Montréal')).toEqual(['montreal']);
    expect(await search('fish')).toEqual(['plain']);
    expect(await search('harbour politics')).toEqual([]);
  });

  it('follows a change of house style', async () => {
    test.style.current = { ...DEFAULT_CREDIT_STYLE, aliases: [{ from: 'The Canadian Press', to: 'CP' }] };
    try {
      expect(await search('CP')).toEqual(['montreal']);
    } finally {
      test.style.current = DEFAULT_CREDIT_STYLE;
    }
    expect(await search('CP')).toEqual([]);
  });
});

describe('filters', () => {
  it('"missing credit" lists photos with neither creator nor agency', async () => {
    expect(await search('', 'missing-credit')).toEqual(['plain']);
  });

  it('"has usage restrictions" lists photos whose terms or instructions restrict use', async () => {
    expect(await search('', 'restricted')).toEqual(['montreal', 'pool']);
  });

  it('combine with a search', async () => {
    expect(await search('france', 'restricted')).toEqual(['pool']);
    expect(await search('harbour', 'restricted')).toEqual([]);
  });
});
