import type { Article, LexicalDocument } from '../../../../shared/model/article';
import { AuthorCards, namedAuthors } from './AuthorCard';
import { ReaderBody } from './ReaderBody';
import { ReaderFigure } from './ReaderFigure';

interface ArticlePreviewProps {
  article: Article;
  /** The body as the editor holds it now (the stored one may be a few keystrokes behind). */
  body: LexicalDocument;
  readTime: string;
}

/**
 * The article as readers will see it: section, headline, dek, read time, the lead photo and every
 * body photo captioned "caption (credit)", the text, and a card for each author. Nothing here is
 * editable; the body is the same read-only rendering the revision history uses. The parts are the
 * reader pieces the feed preview uses too (features/preview), so both show a story the same way.
 */
export function ArticlePreview({ article, body, readTime }: ArticlePreviewProps) {
  const lead = article.leadPhoto;
  const authors = namedAuthors(article.byline);
  return (
    <div className="nd-preview-scroll">
      <article className="nd-preview nd-paper" aria-label="Reader preview" data-testid="article-preview">
        {article.section && <p className="nd-preview__section">{article.section}</p>}
        <h1 className="nd-preview__headline">{article.headline.trim() || 'Untitled'}</h1>
        {article.dek.trim() && <p className="nd-preview__dek">{article.dek}</p>}
        <p className="nd-preview__meta">
          {authors.length > 0 && <span>By {authors.map((author) => author.name).join(', ')}</span>}
          <span>{readTime}</span>
        </p>
        {lead && <ReaderFigure use={lead} className="nd-preview__lead" testId="preview-lead" />}
        <ReaderBody body={body} label="Article text" />
        <AuthorCards authors={authors} className="nd-preview__authors" withTitle />
      </article>
    </div>
  );
}
