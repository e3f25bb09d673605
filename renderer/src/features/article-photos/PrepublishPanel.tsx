import { useEffect, useId, useRef } from 'react';
import type { CheckIssue, PrepublishReport } from '../../../../shared/rules/prepublish';
import { Icon } from '../../ui/components/Icon';
import { useArticlePhotos } from '../../editor/photos/ArticlePhotosContext';

interface PrepublishPanelProps {
  report: PrepublishReport | null;
  /** Brings the photo an issue is about into view, with the field to fix focused. */
  onShow(issue: CheckIssue): void;
  onClose(): void;
}

function IssueList({ title, issues, onShow }: { title: string; issues: readonly CheckIssue[]; onShow(issue: CheckIssue): void }) {
  if (issues.length === 0) return null;
  const severity = issues[0]?.severity ?? 'warning';
  return (
    <section className={`nd-check__group nd-check__group--${severity}`}>
      <h3 className="nd-check__heading">{title}</h3>
      <ul className="nd-check__list">
        {issues.map((issue, index) => (
          <li key={`${issue.code}-${issue.where}-${issue.index}-${index}`} className={`nd-check__issue nd-check__issue--${issue.severity}`} data-testid="check-issue" data-code={issue.code}>
            <Icon name="warning" size={16} />
            <span className="nd-check__message">{issue.message}</span>
            <button type="button" className="nd-link-button" onClick={() => onShow(issue)}>
              Show
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * "Check before publishing": what stops this article from being published (a photo without a
 * credit or alt text, one no longer in the library) and what to be careful with (usage
 * restrictions, embargoes). The same shared check publishing runs; it follows every edit, so a
 * fixed problem leaves the list at once.
 */
export function PrepublishPanel({ report, onShow, onClose }: PrepublishPanelProps) {
  const titleId = useId();
  const ref = useRef<HTMLElement>(null);
  const { error } = useArticlePhotos();
  useEffect(() => ref.current?.focus(), []);

  return (
    <section
      ref={ref}
      className="nd-check"
      aria-labelledby={titleId}
      data-testid="prepublish-panel"
      tabIndex={-1}
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <header className="nd-check__head">
        <h2 id={titleId} className="nd-check__title">
          Before publishing
        </h2>
        <button type="button" className="nd-icon-button" aria-label="Close the check" onClick={onClose}>
          <Icon name="close" size={16} />
        </button>
      </header>
      <div role="status" aria-live="polite">
        {report === null && error !== null && (
          <p className="nd-field-error" role="alert">
            {error}
          </p>
        )}
        {report === null && error === null && <p className="nd-check__note">Reading the article&rsquo;s photos from the library…</p>}
        {report !== null && report.blocking.length === 0 && report.warnings.length === 0 && (
          <p className="nd-check__note nd-check__note--ok">Nothing blocks publishing: every photo is in the library, credited and described.</p>
        )}
        {report !== null && report.blocking.length === 0 && report.warnings.length > 0 && (
          <p className="nd-check__note nd-check__note--ok">Nothing blocks publishing. Read the warnings below first.</p>
        )}
      </div>
      {report !== null && (
        <>
          <IssueList title="Blocks publishing" issues={report.blocking} onShow={onShow} />
          <IssueList title="Warnings" issues={report.warnings} onShow={onShow} />
        </>
      )}
    </section>
  );
}
