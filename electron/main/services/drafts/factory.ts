import { randomUUID } from 'node:crypto';
import { ARTICLE_SCHEMA_VERSION, EMPTY_BODY, type Article } from '../../../../shared/model/article';
import { slugify } from '../../../../shared/rules/slug';

/** A new empty draft. randomUUID ids are lower-case hex with dashes, which fits ArticleId. */
export function newArticle(section: string, at: string): Article {
  return {
    schemaVersion: ARTICLE_SCHEMA_VERSION,
    id: randomUUID(),
    slug: '',
    slugEdited: false,
    headline: '',
    dek: '',
    body: structuredClone(EMPTY_BODY),
    byline: [],
    leadPhoto: null,
    section,
    tags: [],
    status: 'draft',
    createdAt: at,
    updatedAt: at,
  };
}

const COPY_SUFFIX = ' (copy)';

/** A copy under a new id, back in draft status, with " (copy)" after the headline. */
export function duplicateOf(source: Article, at: string): Article {
  const headline = `${source.headline.slice(0, 500 - COPY_SUFFIX.length)}${COPY_SUFFIX}`;
  return {
    ...structuredClone(source),
    id: randomUUID(),
    headline,
    // A copy must not publish under the original's URL, so its slug follows the new headline.
    slug: slugify(headline),
    slugEdited: false,
    status: 'draft',
    createdAt: at,
    updatedAt: at,
  };
}
