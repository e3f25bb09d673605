import { describe, expect, it } from 'vitest';
import { captionAndCredit, readImportedHtml } from '../../../electron/main/services/publishing/import/imported-html';
import { articleFromRemote } from '../../../electron/main/services/publishing/remote/remote-to-article';
import { newArticle } from '../../../electron/main/services/drafts/factory';
import { DEFAULT_CREDIT_STYLE, type CreditStyle } from '../../../shared/model/settings';
import type { ImageNodeJson } from '../../../shared/model/photo-use';
import { followsHousePattern, splitCaptionCredit } from '../../../shared/rules/caption-credit';

const STYLE: CreditStyle = DEFAULT_CREDIT_STYLE;
const PHOTO = 'cd'.repeat(32);

describe('splitCaptionCredit: the credit at the end of a caption, in the house pattern only', () => {
  it('splits "caption (Creator/Agency)", with or without a final period', () => {
    expect(splitCaptionCredit('Boats at dawn (Jane Doe/Reuters)', STYLE)).toEqual({ caption: 'Boats at dawn', credit: 'Jane Doe/Reuters' });
    expect(splitCaptionCredit('Boats at dawn (Jane Doe/Reuters).', STYLE)).toEqual({ caption: 'Boats at dawn', credit: 'Jane Doe/Reuters' });
    expect(splitCaptionCredit('  (Handout/AFP) ', STYLE)).toEqual({ caption: '', credit: 'Handout/AFP' });
    expect(splitCaptionCredit('The mayor speaks (AP Photo/Evan Vucci)', STYLE)?.credit).toBe('AP Photo/Evan Vucci');
  });

  it('leaves words in parentheses that are no credit in the caption', () => {
    expect(splitCaptionCredit('The mayor (left) at the quay', STYLE)).toBeNull();
    expect(splitCaptionCredit('The mayor at the quay (left)', STYLE)).toBeNull();
    expect(splitCaptionCredit('The old harbour (1998)', STYLE)).toBeNull();
    expect(splitCaptionCredit('A ship (/)', STYLE)).toBeNull();
    expect(splitCaptionCredit('', STYLE)).toBeNull();
  });

  it('follows the desk’s own patterns', () => {
    const style: CreditStyle = { ...STYLE, pattern: 'Photo: {creator} for {agency}', agencyRules: [] };
    expect(followsHousePattern('Photo: Jane Doe for Reuters', style)).toBe(true);
    expect(followsHousePattern('Jane Doe/Reuters', style)).toBe(false);
  });
});

describe('readImportedHtml: pictures listed, house credits marked for the converter', () => {
  const html = [
    '<p>The harbour reopened on <strong>Monday</strong>.</p>',
    '<figure class="wp-block-image"><img src="/wp-content/uploads/cranes-1024x683.jpg" alt="Cranes at the quay" class="wp-image-12"/>',
    '<figcaption class="wp-element-caption">Cranes unload the <em>first</em> ship (John Smith/AFP)</figcaption></figure>',
    '<figure class="kg-card kg-image-card"><img src="https://ghost.example/content/images/boat.jpg" alt=""><figcaption><span style="white-space: pre-wrap;">A boat (left)</span></figcaption></figure>',
    '<p><img src="https://ghost.example/content/images/boat.jpg"></p>',
  ].join('\n');

  it('lists each picture once with its caption, credit and WordPress media id', () => {
    const read = readImportedHtml(html, STYLE);
    expect(read.pictures).toEqual([
      { src: '/wp-content/uploads/cranes-1024x683.jpg', alt: 'Cranes at the quay', caption: 'Cranes unload the first ship', credit: 'John Smith/AFP', wpMediaId: 12 },
      { src: 'https://ghost.example/content/images/boat.jpg', alt: '', caption: 'A boat (left)', credit: '', wpMediaId: 0 },
    ]);
  });

  it('the converter then reads the credit apart from the caption, as for posts Newsdesk wrote', () => {
    const read = readImportedHtml(html, STYLE);
    const media = [{ photoId: PHOTO, mediaId: 12, sourceUrl: '/wp-content/uploads/cranes-1024x683.jpg', fieldsHash: '' }];
    const { article } = articleFromRemote({ title: 'Harbour', excerpt: '', html: read.html }, newArticle('', '2026-12-07T11:00:00.000Z'), media);
    const photos = (article.body.root.children as { type: string }[]).filter((node) => node.type === 'newsdesk-photo') as unknown as ImageNodeJson[];
    expect(photos).toHaveLength(1);
    expect(photos[0]).toMatchObject({ photoId: PHOTO, credit: 'John Smith/AFP', captionText: 'Cranes unload the first ship', altText: 'Cranes at the quay' });
    expect(JSON.stringify(photos[0]!.caption)).toContain('"format":2');
    expect(JSON.stringify(article.body)).toContain('Monday');
  });

  it('a credit broken up by markup is not guessed: it stays in the caption', () => {
    const read = readImportedHtml('<figure><img src="a.jpg"><figcaption>Ship (<em>John Smith</em>/AFP)</figcaption></figure>', STYLE);
    expect(read.pictures[0]).toMatchObject({ caption: 'Ship (John Smith/AFP)', credit: '' });
  });

  it('captionAndCredit reads a featured image caption given as text or HTML', () => {
    expect(captionAndCredit('Harbour at dawn (Jane Doe/Reuters)', STYLE)).toEqual({ caption: 'Harbour at dawn', credit: 'Jane Doe/Reuters' });
    expect(captionAndCredit('<span style="white-space: pre-wrap;">Harbour &amp; quay (Jane Doe/Reuters)</span>', STYLE)).toEqual({ caption: 'Harbour & quay', credit: 'Jane Doe/Reuters' });
    expect(captionAndCredit('Just words', STYLE)).toEqual({ caption: 'Just words', credit: '' });
  });
});
