import type { Article, Author, LexicalDocument } from '../../../../shared/model/article';
import { captionWithCredit } from '../../../../shared/rules/photo-use';
import { ReadOnlyBody } from '../../editor/ReadOnlyBody';
import { originalUrl } from '../photos/photo-urls';

function initials(name: string): string {
  const letters = name
    .split(/\s+/u)
    .filter(Boolean)
    .map((word) => [...word][0] ?? '');
  return (letters.length > 1 ? letters[0]! + letters[letters.length - 1]! : letters[0] ?? '').toUpperCase();
}

function AuthorCard({ author }: { author: Author }) {
  return (
    <li className="nd-author-card" data-testid="author-card">
      {author.avatar ? (
        <img className="nd-author-card__avatar" src={author.avatar} alt="" width={48} height={48} />
      ) : (
        <span className="nd-author-card__avatar nd-author-card__avatar--initials" aria-hidden="true">
          {initials(author.name)}
        </span>
      )}
      <span className="nd-author-card__who">
        <strong className="nd-author-card__name">{author.name}</strong>
        {author.role && <span className="nd-author-card__role">{author.role}</span>}
      </span>
    </li>
  );
}

interface ArticlePreviewProps {
  article: Article;
  /** The body as the editor holds it now (the stored one may be a few keystrokes behind). */
  body: LexicalDocument;
  readTime: string;
}

/**
 * The article as readers will see it: section, headline, dek, read time, the lead photo and every
 * body photo captioned "caption (credit)", the text, and a card for each author. Nothing here is
 * editable; the body is the same read-only rendering the revision history uses.
 */
export function ArticlePreview({ article, body, readTime }: ArticlePreviewProps) {
  const lead = article.leadPhoto;
  const authors = article.byline.filter((author) => author.name.trim() !== '');
  return (
    <div className="nd-preview-scroll">
      <article className="nd-preview" aria-label="Reader preview" data-testid="article-preview">
        {article.section && <p className="nd-preview__section">{article.section}</p>}
        <h1 className="nd-preview__headline">{article.headline.trim() || 'Untitled'}</h1>
        {article.dek.trim() && <p className="nd-preview__dek">{article.dek}</p>}
        <p className="nd-preview__meta">
          {authors.length > 0 && <span>By {authors.map((author) => author.name).join(', ')}</span>}
          <span>{readTime}</span>
        </p>
        {lead && (
          <figure className="nd-preview__lead" data-testid="preview-lead">
            <img src={originalUrl(lead.photoId)} alt={lead.altText} />
            <figcaption>{captionWithCredit(lead.caption, lead.credit)}</figcaption>
          </figure>
        )}
        <ReadOnlyBody body={body} label="Article text" />
        {authors.length > 0 && (
          <footer className="nd-preview__authors">
            <h2 className="nd-preview__authors-title">{authors.length === 1 ? 'About the author' : 'About the authors'}</h2>
            <ul>
              {authors.map((author, index) => (
                <AuthorCard key={`${author.name}-${index}`} author={author} />
              ))}
            </ul>
          </footer>
        )}
      </article>
    </div>
  );
}
