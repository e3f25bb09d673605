import type { Article } from '../model/article';

/**
 * An article's search and social fields: what the editor typed, what is sent (an empty field falls
 * back to the headline, the dek and the lead photo, as search engines and social sites would), and
 * length guidance. Pure so the metadata panel, the CMS publishers and the HTML export agree.
 */

export const SEO_TEXT_KEYS = ['seoTitle', 'seoDescription', 'socialTitle', 'socialDescription'] as const;
export type SeoTextKey = (typeof SEO_TEXT_KEYS)[number];
export const SEO_KEYS = [...SEO_TEXT_KEYS, 'socialImage'] as const;
export type SeoKey = (typeof SEO_KEYS)[number];

export interface SeoFields {
  seoTitle: string;
  seoDescription: string;
  socialTitle: string;
  socialDescription: string;
  socialImage: string | null;
}

/** The fields as stored, with absent ones (files written before them) empty. */
export function seoFieldsOf(article: Partial<Pick<Article, SeoKey>>): SeoFields {
  return {
    seoTitle: article.seoTitle ?? '',
    seoDescription: article.seoDescription ?? '',
    socialTitle: article.socialTitle ?? '',
    socialDescription: article.socialDescription ?? '',
    socialImage: article.socialImage ?? null,
  };
}

/**
 * The lengths search engines show before cutting (Google: a title of about 60 characters, a
 * description of about 155) and the CMS limits (Ghost: meta_title 300, meta_description 500,
 * og/twitter titles 300 and descriptions 500).
 */
export const SEO_GUIDANCE: Record<SeoTextKey, { label: string; advised: number; max: number }> = {
  seoTitle: { label: 'SEO title', advised: 60, max: 300 },
  seoDescription: { label: 'Meta description', advised: 155, max: 500 },
  socialTitle: { label: 'Social title', advised: 70, max: 300 },
  socialDescription: { label: 'Social text', advised: 200, max: 500 },
};

export interface LengthAdvice {
  count: number;
  tone: 'empty' | 'good' | 'long' | 'too-long';
  /** One sentence for the editor. */
  text: string;
}

/** Characters as readers see them (an emoji counts once), not UTF-16 units. */
export function visibleLength(text: string): number {
  return [...text.trim()].length;
}

export function lengthAdvice(key: SeoTextKey, text: string, fallbackName: string): LengthAdvice {
  const { advised, max } = SEO_GUIDANCE[key];
  const count = visibleLength(text);
  if (count === 0) return { count, tone: 'empty', text: `Empty: the ${fallbackName} is used.` };
  if (count > max) return { count, tone: 'too-long', text: `${count}/${advised}: the site keeps ${max} characters at most; the rest is cut when sent.` };
  if (count > advised) return { count, tone: 'long', text: `${count}/${advised}: search and social sites cut it after about ${advised} characters.` };
  return { count, tone: 'good', text: `${count}/${advised}` };
}

/** What a reader-facing page or a CMS receives: typed values, or the fallbacks, cut to the CMS limits. */
export interface SentSeo {
  title: string;
  description: string;
  socialTitle: string;
  socialDescription: string;
  /** The photo shown when shared: the social image, else the lead photo; null when neither. */
  socialImageId: string | null;
}

function cut(text: string, max: number): string {
  const chars = [...text.trim().replace(/\s+/g, ' ')];
  return chars.length <= max ? chars.join('') : chars.slice(0, max).join('').trimEnd();
}

export function sentSeo(article: Pick<Article, 'headline' | 'dek' | 'leadPhoto'> & Partial<Pick<Article, SeoKey>>): SentSeo {
  const fields = seoFieldsOf(article);
  const title = fields.seoTitle.trim() || article.headline;
  const description = fields.seoDescription.trim() || article.dek;
  return {
    title: cut(title, SEO_GUIDANCE.seoTitle.max),
    description: cut(description, SEO_GUIDANCE.seoDescription.max),
    socialTitle: cut(fields.socialTitle.trim() || title, SEO_GUIDANCE.socialTitle.max),
    socialDescription: cut(fields.socialDescription.trim() || description, SEO_GUIDANCE.socialDescription.max),
    socialImageId: fields.socialImage ?? article.leadPhoto?.photoId ?? null,
  };
}

/** True when the editor typed any search or social field (what a CMS without such fields loses). */
export function hasSeoFields(article: Partial<Pick<Article, SeoKey>>): boolean {
  const fields = seoFieldsOf(article);
  return SEO_TEXT_KEYS.some((key) => fields[key].trim() !== '') || fields.socialImage !== null;
}

/** The photo ids an article needs beyond its uses (lead and inline): the social image. */
export function extraPhotoIdsOf(article: Partial<Pick<Article, 'socialImage'>>): string[] {
  return article.socialImage ? [article.socialImage] : [];
}
