import type { Author } from '../../../../shared/model/article';

/** "Camille Martin" → "CM"; one word → its first letter. Letters, not code units (accents, emoji). */
export function initials(name: string): string {
  const letters = name
    .split(/\s+/u)
    .filter(Boolean)
    .map((word) => [...word][0] ?? '');
  return (letters.length > 1 ? letters[0]! + letters[letters.length - 1]! : letters[0] ?? '').toUpperCase();
}

/** Authors with a name: an empty row left in the byline editor is not someone readers should see. */
export function namedAuthors(byline: readonly Author[]): Author[] {
  return byline.filter((author) => author.name.trim() !== '');
}

/** One author as the site shows them under a story: round avatar (or initials), name, role. */
export function AuthorCard({ author }: { author: Author }) {
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

interface AuthorCardsProps {
  authors: readonly Author[];
  /** The footer's class; the drafting desk's preview and the feed preview style it each their way. */
  className: string;
  /** "About the author(s)" above the cards (the full article page has it; a feed item does not). */
  withTitle?: boolean;
}

/** The cards of a story's authors, in byline order; nothing at all when the byline is empty. */
export function AuthorCards({ authors, className, withTitle = false }: AuthorCardsProps) {
  if (authors.length === 0) return null;
  return (
    <footer className={className}>
      {withTitle && <h2 className={`${className}-title`}>{authors.length === 1 ? 'About the author' : 'About the authors'}</h2>}
      <ul>
        {authors.map((author, index) => (
          <AuthorCard key={`${author.name}-${index}`} author={author} />
        ))}
      </ul>
    </footer>
  );
}
