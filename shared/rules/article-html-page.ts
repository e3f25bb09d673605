import type { Article } from '../model/article';
import { escapeAttribute, escapeHtml } from './html-escape';
import { sentSeo } from './seo';

/** The page around an exported article: what a browser needs to show it well on its own. */

/** Enough style for the export to read well on its own in a browser. */
const PAGE_STYLE = `
body { margin: 0; padding: 2rem 1rem; font: 1.125rem/1.6 Georgia, "Times New Roman", serif; color: #1a1a1a; background: #fff; }
article { max-width: 42rem; margin: 0 auto; }
h1 { font-size: 2.25rem; line-height: 1.15; margin: 0 0 .5rem; }
h2, h3, h4, h5, h6 { font-family: system-ui, sans-serif; line-height: 1.25; margin: 2rem 0 .5rem; }
.dek { font-size: 1.3rem; color: #444; margin: 0 0 1rem; }
.byline { font: .95rem system-ui, sans-serif; color: #555; }
.author { font-weight: 600; }
.avatar { width: 2rem; height: 2rem; border-radius: 50%; object-fit: cover; vertical-align: middle; margin-right: .4rem; }
figure { margin: 1.5rem 0; }
figure img { display: block; max-width: 100%; height: auto; }
.alignwide, .alignfull { margin-left: -4rem; margin-right: -4rem; }
figcaption { font: .85rem/1.4 system-ui, sans-serif; color: #555; margin-top: .4rem; }
.credit { color: #777; }
blockquote { margin: 1.5rem 0; padding-left: 1rem; border-left: 3px solid #ccc; color: #333; }
blockquote.pull-quote { border: 0; border-top: 3px solid #1a1a1a; border-bottom: 3px solid #1a1a1a; padding: 1rem 0; font-size: 1.5rem; line-height: 1.3; }
a { color: #0b57d0; }
hr { border: 0; border-top: 1px solid #ccc; margin: 2rem 0; }
@media (max-width: 50rem) { .alignwide, .alignfull { margin-left: 0; margin-right: 0; } }
`;

/** What a page says about itself to search engines and to sites a link is shared on. */
export interface PageHead {
  description: string;
  socialTitle: string;
  socialDescription: string;
  /** Where the social picture is, as the page refers to it (beside an export: a relative path). */
  socialImage: string | null;
}

/**
 * The title and head of an article's page: the SEO title (or the headline) as <title>, the meta
 * description (or the dek), and Open Graph and X card tags from the social fields. `imageSrc` says
 * where a photo is for this page, null when it is not there.
 */
export function articlePageHead(
  article: Pick<Article, 'headline' | 'dek' | 'leadPhoto'> & Partial<Article>,
  imageSrc: (photoId: string) => string | null,
): { title: string; head: PageHead } {
  const seo = sentSeo(article);
  const socialImage = seo.socialImageId === null ? null : imageSrc(seo.socialImageId);
  return { title: seo.title, head: { description: seo.description, socialTitle: seo.socialTitle, socialDescription: seo.socialDescription, socialImage } };
}

function headTags(head: PageHead | undefined): string {
  if (!head) return '';
  const tag = (attribute: 'name' | 'property', key: string, value: string) =>
    value.trim() ? `<meta ${attribute}="${key}" content="${escapeAttribute(value.trim())}">\n` : '';
  return [
    tag('name', 'description', head.description),
    tag('property', 'og:type', 'article'),
    tag('property', 'og:title', head.socialTitle),
    tag('property', 'og:description', head.socialDescription),
    tag('property', 'og:image', head.socialImage ?? ''),
    tag('name', 'twitter:card', head.socialImage ? 'summary_large_image' : 'summary'),
    tag('name', 'twitter:title', head.socialTitle),
    tag('name', 'twitter:description', head.socialDescription),
    tag('name', 'twitter:image', head.socialImage ?? ''),
  ].join('');
}

/** A standalone page around an already written (and, in main, sanitized) `<article>`. */
export function htmlPage(title: string, articleMarkup: string, head?: PageHead): string {
  return [
    '<!doctype html>\n<html>\n<head>\n<meta charset="utf-8">\n',
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
    `<title>${escapeHtml(title.trim() || 'Untitled article')}</title>\n`,
    headTags(head),
    `<style>${PAGE_STYLE}</style>\n</head>\n<body>\n`,
    articleMarkup,
    '</body>\n</html>\n',
  ].join('');
}
