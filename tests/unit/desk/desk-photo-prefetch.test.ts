import { describe, expect, it } from 'vitest';
import type { DeskPhoto } from '../../../shared/desk/photos';
import type { Photo } from '../../../shared/model/photo';
import { createDeskPhotoPrefetch } from '../../../electron/main/services/desk/desk-photo-prefetch';
import { body, imageNode, leadUse, makeArticle, makePhoto, paragraph, photoId, text } from '../shared/photo-fixtures';

// The fetch of a desk story's desk photos before its publish check, with the desk and the library
// as fakes that can fail the way the real ones do (a desk that refuses, a fetch that breaks).

interface Setup {
  shared?: boolean;
  inLibrary?: string[];
  onDesk?: string[];
  failing?: string[];
}

function setup({ shared = true, inLibrary = [], onDesk = [], failing = [] }: Setup) {
  const article = makeArticle({ leadPhoto: leadUse(photoId('1')), body: body(paragraph(text('Words.')), imageNode(photoId('2')), imageNode(photoId('1'))) });
  const library = new Set(inLibrary);
  const fetched: string[] = [];
  const warnings: string[] = [];
  const prefetch = createDeskPhotoPrefetch({
    desk: { sharedOf: (id) => (shared && id === article.id ? { deskId: 'news', storyId: id } : null) },
    deskPhotos: {
      list: () => onDesk.map((mediaId) => ({ mediaId }) as DeskPhoto),
      fetchOriginal: async (mediaId) => {
        fetched.push(mediaId);
        if (failing.includes(mediaId)) throw new Error('The desk server failed: HTTP 503');
        library.add(mediaId);
        return makePhoto(mediaId[0] ?? '0');
      },
    },
    drafts: { get: async () => article },
    media: { getMany: async (ids: readonly string[]): Promise<Photo[]> => ids.filter((id) => library.has(id)).map((id) => makePhoto(id[0] ?? '0')) },
    warn: (message) => warnings.push(message),
  });
  return { article, prefetch, fetched, warnings };
}

describe('fetching a desk story’s desk photos before the publish check', () => {
  it('fetches each desk photo the story uses that this library lacks, once', async () => {
    const { article, prefetch, fetched } = setup({ inLibrary: [], onDesk: [photoId('1'), photoId('2'), photoId('3')] });
    await prefetch(article.id);
    expect(fetched).toEqual([photoId('1'), photoId('2')]);
  });

  it('leaves alone photos already here, photos not on the desk, and stories that are not desk stories', async () => {
    const here = setup({ inLibrary: [photoId('1')], onDesk: [photoId('1')] });
    await here.prefetch(here.article.id);
    expect(here.fetched).toEqual([]);
    const local = setup({ shared: false, onDesk: [photoId('1'), photoId('2')] });
    await local.prefetch(local.article.id);
    expect(local.fetched).toEqual([]);
  });

  it('goes on past a fetch that fails, saying which photo and why, so the check can name what is missing', async () => {
    const { article, prefetch, fetched, warnings } = setup({ onDesk: [photoId('1'), photoId('2')], failing: [photoId('1')] });
    await expect(prefetch(article.id)).resolves.toBeUndefined();
    expect(fetched).toEqual([photoId('1'), photoId('2')]);
    expect(warnings).toEqual([`The desk photo 111111111111… of story ${article.id} could not be fetched before the publish check: The desk server failed: HTTP 503`]);
  });
});
