import type { LexicalDocument } from '../../../../shared/model/article';
import { ReadOnlyBody } from '../../editor/ReadOnlyBody';

interface ReaderBodyProps {
  body: LexicalDocument;
  /** Names the text for assistive technology ("Article text", "Text of “…”"). */
  label: string;
  className?: string;
  testId?: string;
}

/**
 * A story's text as readers get it: the editor's own nodes and theme, read-only, so paragraphs,
 * quotes, pull quotes and inline photos ("caption (credit)") look as they will on the site. The
 * composer reads the body once: callers key it by the story and its version.
 */
export function ReaderBody({ body, label, className, testId }: ReaderBodyProps) {
  return (
    <div className={className} data-testid={testId}>
      <ReadOnlyBody body={body} label={label} />
    </div>
  );
}
