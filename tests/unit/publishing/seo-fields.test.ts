import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { articleWithMeta, metaOfArticle, writeMeta } from '../../../shared/desk/story-meta';
import { articleHtmlDocument } from '../../../shared/rules/article-html';
import { planPublish } from '../../../shared/rules/publish-plan';
import { lengthAdvice, sentSeo } from '../../../shared/rules/seo';
import { makeArticle as makeDraft, openStore, tempDir } from '../drafts/helpers';
import { makePhoto, photoMap } from '../shared/photo-fixtures';
import { writeHtmlExport } from '../../../electron/main/services/publishing/export/html-export';
import { fullArticle, inlineOne, inlineTwo, leadPhoto, NOW } from './publishing-fixtures';

const social = makePhoto('5');

const withSeo = fullArticle({
  seoTitle: 'Floods: what to do if your street is under water',
  seoDescription: 'Where to go, whom to call and which roads are shut as the river bursts its banks.',
  socialTitle: 'The river burst its banks overnight',
  socialDescription: 'Hundreds have left their homes. "Stay away from the river", police say.',
  socialImage: social.id,
});

function metaTags(html: string): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const meta of DomUtils.findAll((element) => element.name === 'meta', parseDocument(html).children)) {
    const key = meta.attribs.name ?? meta.attribs.property;
    if (key && meta.attribs.content !== undefined) tags[key] = meta.attribs.content;
  }
  return tags;
}

describe('length guidance', () => {
  it('counts what readers see, and says when search engines would cut it or the site would', () => {
    expect(lengthAdvice('seoTitle', '', 'headline')).toMatchObject({ tone: 'empty', text: 'Empty: the headline is used.' });
    expect(lengthAdvice('seoTitle', 'Floods in the north 🌊', 'headline')).toMatchObject({ count: 21, tone: 'good', text: '21/60' });
    expect(lengthAdvice('seoTitle', 'x'.repeat(61), 'headline')).toMatchObject({ tone: 'long', text: '61/60: search and social sites cut it after about 60 characters.' });
    expect(lengthAdvice('seoDescription', 'y'.repeat(156), 'dek').tone).toBe('long');
    expect(lengthAdvice('seoDescription', 'y'.repeat(155), 'dek').tone).toBe('good');
    expect(lengthAdvice('seoDescription', 'y'.repeat(501), 'dek')).toMatchObject({ tone: 'too-long' });
  });
});

describe('what is sent', () => {
  it('sends typed values, and the headline, dek and lead photo for empty ones', () => {
    expect(sentSeo(withSeo)).toEqual({
      title: withSeo.seoTitle,
      description: withSeo.seoDescription,
      socialTitle: withSeo.socialTitle,
      socialDescription: withSeo.socialDescription,
      socialImageId: social.id,
    });
    expect(sentSeo(fullArticle({ seoTitle: '  ', socialImage: null }))).toEqual({
      title: 'Floods in the north',
      description: 'Hundreds leave their homes as the river bursts its banks.',
      socialTitle: 'Floods in the north',
      socialDescription: 'Hundreds leave their homes as the river bursts its banks.',
      socialImageId: leadPhoto.id,
    });
  });

  it('cuts to the CMS limits without splitting a character', () => {
    const long = sentSeo(fullArticle({ seoTitle: `${'a'.repeat(299)}🌊🌊` }));
    expect([...long.title]).toHaveLength(300);
    expect(long.title.endsWith('🌊')).toBe(true);
  });
});

describe('the HTML export page', () => {
  it('has the SEO title, the meta description and og/twitter tags, escaped', () => {
    const html = articleHtmlDocument(withSeo, { photoSrc: (id) => `story_files/${id.slice(0, 6)}.jpg` });
    expect(html).toContain('<title>Floods: what to do if your street is under water</title>');
    expect(metaTags(html)).toMatchObject({
      description: withSeo.seoDescription,
      'og:type': 'article',
      'og:title': withSeo.socialTitle,
      'og:description': withSeo.socialDescription,
      'og:image': 'story_files/555555.jpg',
      'twitter:card': 'summary_large_image',
      'twitter:image': 'story_files/555555.jpg',
    });
    expect(html).toContain('content="Hundreds have left their homes. &quot;Stay away from the river&quot;, police say."');
  });

  it('falls back to the headline, dek and lead photo, and leaves out an image it does not have', () => {
    const html = articleHtmlDocument(fullArticle(), { photoSrc: () => null });
    expect(html).toContain('<title>Floods in the north</title>');
    const tags = metaTags(html);
    expect(tags.description).toBe('Hundreds leave their homes as the river bursts its banks.');
    expect(tags['og:title']).toBe('Floods in the north');
    expect(tags).not.toHaveProperty('og:image');
    expect(tags['twitter:card']).toBe('summary');
  });

  it('cannot be broken out of by a hostile field', () => {
    const html = articleHtmlDocument(fullArticle({ seoDescription: '"><script>alert(1)</script>', socialTitle: "'><img src=x onerror=alert(1)>" }), { photoSrc: () => null });
    expect(DomUtils.findAll((element) => element.name === 'script' || element.name === 'img', parseDocument(html.split('<body>')[0]!).children)).toEqual([]);
    expect(metaTags(html).description).toBe('"><script>alert(1)</script>');
  });
});

describe('writing the HTML export', () => {
  it('copies the social image beside the page and points og:image at it', async () => {
    const dir = await tempDir();
    const destination = join(dir, 'floods.html');
    const copied: string[] = [];
    const copyPhoto = async (id: string, to: string) => {
      copied.push(id);
      await writeFile(to, `picture ${id}`);
    };
    const photos = photoMap(leadPhoto, inlineOne, inlineTwo, social);
    const result = await writeHtmlExport({ article: withSeo, photos, copyPhoto, destination });
    expect(result.photos).toBe(4);
    expect(copied).toContain(social.id);
    const tags = metaTags(await readFile(destination, 'utf8'));
    expect(tags['og:image']).toBe('floods_files/photo-5.jpg');
    expect(await readFile(join(dir, 'floods_files', 'photo-5.jpg'), 'utf8')).toBe(`picture ${social.id}`);
  });

  it('copies nothing more for a story without a social image', async () => {
    const dir = await tempDir();
    const copied: string[] = [];
    const copyPhoto = async (id: string, to: string) => {
      copied.push(id);
      await writeFile(to, 'x');
    };
    await writeHtmlExport({ article: fullArticle(), photos: photoMap(leadPhoto, inlineOne, inlineTwo, social), copyPhoto, destination: join(dir, 'plain.html') });
    expect(copied).not.toContain(social.id);
  });
});

describe('the WordPress publish plan', () => {
  const plan = (article = withSeo, targetKind: 'wordpress' | 'ghost' = 'wordpress') =>
    planPublish({ article, placement: null, feeds: [], mode: 'publish', targetKind, existing: null, now: NOW }).notCarried;

  it('says the SEO and social fields are not sent, since WordPress core has none', () => {
    expect(plan()).toContain('The site keeps no SEO fields: the SEO title and description are not sent.');
    expect(plan()).toContain(
      'The site keeps no social fields: the social title, text and image are not sent; sites sharing the post show its title, excerpt and featured image.',
    );
  });

  it('says nothing of them when none were typed, or for Ghost, which keeps them', () => {
    expect(plan(fullArticle()).join(' ')).not.toMatch(/SEO|social/);
    expect(plan(withSeo, 'ghost').join(' ')).not.toMatch(/SEO|social/);
    expect(plan(fullArticle({ seoTitle: 'Only a title' }))).toContain('The site keeps no SEO fields: the SEO title and description are not sent.');
  });
});

describe('article files and story documents', () => {
  it('opens a file written before the fields, and keeps the fields once saved', async () => {
    const dir = await tempDir();
    const old = makeDraft({ id: 'before-seo-0001', headline: 'Written before SEO fields' });
    await mkdir(join(dir, 'drafts'), { recursive: true });
    await writeFile(join(dir, 'drafts', 'before-seo-0001.json'), JSON.stringify(old));
    const store = await openStore(dir);
    const opened = await store.get('before-seo-0001');
    expect(opened.headline).toBe('Written before SEO fields');
    expect(opened.seoTitle).toBeUndefined();
    expect(store.quarantined()).toEqual([]);
    await store.save({ ...opened, seoTitle: 'Search title', socialImage: social.id }, 'manual');
    const written = JSON.parse(await readFile(join(dir, 'drafts', 'before-seo-0001.json'), 'utf8')) as Record<string, unknown>;
    expect(written).toMatchObject({ schemaVersion: 3, seoTitle: 'Search title', socialImage: social.id });
    expect(await store.get('before-seo-0001')).toMatchObject({ seoTitle: 'Search title', socialImage: social.id });
  });

  it('shares each field under its own key, an older article giving empty values, never undefined', () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>('meta');
    const meta = metaOfArticle(fullArticle()) as Record<string, unknown>;
    expect(meta).toMatchObject({ seoTitle: '', seoDescription: '', socialTitle: '', socialDescription: '', socialImage: null });
    doc.transact(() => writeMeta(map, withSeo));
    expect(map.get('seoTitle')).toBe(withSeo.seoTitle);
    expect(map.get('socialImage')).toBe(social.id);
    const merged = articleWithMeta(fullArticle(), map);
    expect(merged).toMatchObject({ seoTitle: withSeo.seoTitle, socialDescription: withSeo.socialDescription, socialImage: social.id });
    map.set('socialImage', 'not a photo id');
    expect(articleWithMeta(fullArticle({ socialImage: null }), map).socialImage).toBeNull();
  });
});
