import type { Article } from '../../../../shared/model/article';
import { bodyStats } from '../../../../shared/rules/text';
import { AuthorCards, namedAuthors } from './AuthorCard';
import { ReaderBody } from './ReaderBody';
import { ReaderFigure } from './ReaderFigure';

interface ArticleItemProps {
  article: Article;
  /** What readers see above the headline: the feed's label (itemLabel). */
  label: string;
}

/**
 * An article in a feed, top to bottom as the site prints it: the feed's label, the headline,
 * "N min read" (the editor's own rule, from the stored body), the lead photo captioned
 * "caption (credit)", the text with its quotes and inline photos, and the author cards.
 */
export function ArticleItem({ article, label }: ArticleItemProps) {
  const headline = article.headline.trim() || 'Untitled';
  const lead = article.leadPhoto;
  return (
    <article className="nd-feed-item nd-feed-item--article" data-testid="feed-item" data-kind="article" data-item-id={article.id}>
      <p className="nd-feed-item__label" data-testid="feed-item-label">
        {label}
      </p>
      <h2 className="nd-feed-item__headline" data-testid="feed-item-headline">
        {headline}
      </h2>
      <p className="nd-feed-item__readtime" data-testid="feed-item-readtime">
        {bodyStats(article.body).label}
      </p>
      {lead && <ReaderFigure use={lead} className="nd-feed-item__photo" testId="feed-item-photo" />}
      <ReaderBody
        key={`${article.id}@${article.updatedAt}`}
        body={article.body}
        label={`Text of “${headline}”`}
        className="nd-feed-item__body"
        testId="feed-item-body"
      />
      <AuthorCards authors={namedAuthors(article.byline)} className="nd-feed-item__authors" />
    </article>
  );
}
