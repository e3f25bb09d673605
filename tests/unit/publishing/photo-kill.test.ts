import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Photo } from '../../../shared/model/photo';
import { killedPhotoIds, killedPlacesIn, replaceKilledPhoto } from '../../../shared/rules/photo-kill';
import { checkForPublishing } from '../../../shared/rules/publish-check';
import { bodyPhotosOf, checkArticle } from '../../../shared/rules/prepublish';
import { body, imageNode, leadUse, makeArticle, makePhoto, paragraph, photoMap, text } from '../shared/photo-fixtures';
import { importAndWait, makeImage, openTestLibrary, removeDir, tempDir } from '../../support/media-library';

const KILL = { at: '2026-12-07T09:00:00.000Z', reason: 'Wrong caption: not the mayor.', transmissionReference: 'AFP-123' };
const killed = (photo: Photo): Photo => ({ ...photo, kill: KILL });

const a = makePhoto('a', { transmissionReference: 'AFP-123' });
const copyOfA = makePhoto('c', { transmissionReference: ' afp-123 ' });
const b = makePhoto('b', { transmissionReference: 'REUTERS-9', description: 'The harbour at noon', altText: 'Boats moored', creator: 'Ann Lee', creditLine: 'Reuters' });
const other = makePhoto('d');

describe('which photos a kill reaches', () => {
  it('the photo and every copy with the same transmission reference, ignoring case and spaces', () => {
    expect(killedPhotoIds(a, [a, copyOfA, b, other])).toEqual([a.id, copyOfA.id]);
  });

  it('only the photo itself when it has no transmission reference', () => {
    expect(killedPhotoIds(other, [a, copyOfA, b, other, makePhoto('e')])).toEqual([other.id]);
  });
});

describe('where an article uses a killed photo', () => {
  const article = {
    ...makeArticle({ leadPhoto: leadUse(a.id), body: body(paragraph(text('Before.')), { type: 'quote', children: [imageNode(copyOfA.id)] }, imageNode(other.id)) }),
    socialImage: copyOfA.id,
  };
  const ids = new Set([a.id, copyOfA.id]);

  it('names the lead, the text (nested too) and the social image', () => {
    expect(killedPlacesIn(article, ids)).toEqual({ photoId: a.id, places: ['lead', 'body', 'social'] });
    expect(killedPlacesIn(makeArticle({ body: body(imageNode(other.id)) }), ids)).toBeNull();
  });

  it('replaces every use by the new photo, with its caption, credit and alt text, leaving other photos alone', () => {
    const use = { photoId: b.id, caption: 'The harbour at noon', credit: 'Ann Lee/Reuters', creditEdited: false, altText: 'Boats moored' };
    const next = replaceKilledPhoto(article, ids, use);
    expect(next.leadPhoto).toEqual(use);
    expect(next.socialImage).toBe(b.id);
    const photos = bodyPhotosOf(next.body);
    expect(photos.map((found) => found.photoId)).toEqual([b.id, other.id]);
    expect(photos[0]).toMatchObject({ caption: 'The harbour at noon', credit: 'Ann Lee/Reuters', altText: 'Boats moored' });
    expect(killedPlacesIn(next, ids)).toBeNull();
    // The article given is not changed.
    expect(bodyPhotosOf(article.body)[0]?.photoId).toBe(copyOfA.id);
  });
});

describe('the pre-publish check', () => {
  it('refuses a killed photo, saying why', () => {
    const report = checkArticle(makeArticle({ leadPhoto: leadUse(a.id) }), photoMap(killed(a)), new Date('2026-12-08T00:00:00Z'));
    expect(report.ok).toBe(false);
    expect(report.blocking.map((issue) => issue.code)).toEqual(['photo-killed']);
    expect(report.blocking[0]!.message).toContain('was killed on 2026-12-07 (“Wrong caption: not the mayor.”) and may not be placed or published');
  });

  it('refuses a killed social image', () => {
    const article = { ...makeArticle({ leadPhoto: leadUse(b.id) }), byline: [{ name: 'Sam', role: '', avatar: null }], socialImage: a.id };
    const check = checkForPublishing({ article, photos: photoMap(b, killed(a)), placement: null, now: new Date('2026-12-08T00:00:00Z'), mode: 'publish' });
    expect(check.blocking.map((issue) => issue.code)).toContain('social-image-killed');
    const clean = checkForPublishing({ article: { ...article, socialImage: null }, photos: photoMap(b), placement: null, now: new Date('2026-12-08T00:00:00Z'), mode: 'publish' });
    expect(clean.blocking.map((issue) => issue.code)).not.toContain('social-image-killed');
  });
});

describe('marking photos killed in the library', () => {
  it('kills the photo and its copies in one write that survives a reopen, and refuses an empty reason', async () => {
    const root = await tempDir();
    try {
      const opened = await openTestLibrary(join(root, 'media'));
      const job = await importAndWait(opened.library, await Promise.all([1, 2, 3].map((seed) => makeImage(root, `p${seed}.jpg`, seed))));
      const [first, second, third] = job.items.map((item) => item.photoId!);
      await opened.library.update(first!, { transmissionReference: 'AFP-777' });
      await opened.library.update(third!, { transmissionReference: 'afp-777' });
      await expect(opened.library.markKilled(first!, { at: KILL.at, reason: '  ' })).rejects.toThrow('Say why the photo is withdrawn');
      expect((await opened.library.get(first!)).kill).toBeUndefined();
      const marked = await opened.library.markKilled(first!, { at: KILL.at, reason: 'Agency kill' });
      expect(marked.map((photo) => photo.id).sort()).toEqual([first!, third!].sort());
      await opened.library.close();

      const reopened = await openTestLibrary(join(root, 'media'));
      expect((await reopened.library.get(first!)).kill).toEqual({ at: KILL.at, reason: 'Agency kill', transmissionReference: 'AFP-777' });
      expect((await reopened.library.get(third!)).kill?.reason).toBe('Agency kill');
      expect((await reopened.library.get(second!)).kill).toBeUndefined();
      // Editing a killed photo's details keeps it killed.
      expect((await reopened.library.update(first!, { description: 'Edited later' })).kill?.reason).toBe('Agency kill');
      await reopened.library.close();
    } finally {
      await removeDir(root);
    }
  });
});
