import type { CheckIssueView } from '../../../../shared/model/publish-check';
import { Icon } from '../../ui/components/Icon';
import { canReveal } from './reveal-issue';
import { mergedIssues, type Checks } from './usePublishCheck';

interface PublishChecksProps {
  checks: Checks;
  acknowledged: ReadonlySet<string>;
  onAcknowledge(code: string, yes: boolean): void;
  /** Closes the panel and brings the field to fix into view. */
  onShow(issue: CheckIssueView): void;
}

/** Which of the two buttons a finding concerns, when not both. */
function scopeOf(issue: CheckIssueView, checks: Checks): string | null {
  const list = issue.severity === 'blocking' ? 'blocking' : 'warnings';
  const inPublish = checks.publish[list].some((i) => i.code === issue.code);
  const inDraft = checks.draft[list].some((i) => i.code === issue.code);
  if (inPublish && !inDraft) return 'Publishing only';
  if (inDraft && !inPublish) return 'Drafts only';
  return null;
}

function ShowButton({ issue, onShow }: { issue: CheckIssueView; onShow(issue: CheckIssueView): void }) {
  if (!canReveal(issue)) return null;
  return (
    <button type="button" className="nd-link-button" onClick={() => onShow(issue)}>
      Show
    </button>
  );
}

/**
 * The pre-publish check as main ran it: what blocks (each naming what to fix), then the warnings,
 * each acknowledged with its own checkbox. Nothing is queued until both lists allow it.
 */
export function PublishChecks({ checks, acknowledged, onAcknowledge, onShow }: PublishChecksProps) {
  const blocking = mergedIssues(checks, 'blocking');
  const warnings = mergedIssues(checks, 'warnings');
  if (blocking.length === 0 && warnings.length === 0) {
    return (
      <p className="nd-publish__clear" data-testid="publish-clear">
        <span aria-hidden="true">✓</span> The check found nothing to fix.
      </p>
    );
  }
  return (
    <div className="nd-publish__checks">
      {blocking.length > 0 && (
        <section className="nd-check__group nd-check__group--blocking" data-testid="publish-blocking" aria-labelledby="nd-publish-blocking">
          <h3 className="nd-check__heading" id="nd-publish-blocking">
            Fix before publishing ({blocking.length})
          </h3>
          <ul className="nd-check__list">
            {blocking.map((issue) => {
              const scope = scopeOf(issue, checks);
              return (
                <li key={issue.code} className="nd-check__issue nd-check__issue--blocking" data-testid="publish-issue" data-code={issue.code}>
                  <Icon name="warning" size={16} />
                  <span className="nd-check__message">
                    {issue.message}
                    {scope && <span className="nd-publish__scope"> · {scope}</span>}
                  </span>
                  <ShowButton issue={issue} onShow={onShow} />
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {warnings.length > 0 && (
        <section className="nd-check__group nd-check__group--warning" data-testid="publish-warnings" aria-labelledby="nd-publish-warnings">
          <h3 className="nd-check__heading" id="nd-publish-warnings">
            Read and acknowledge ({warnings.filter((w) => acknowledged.has(w.code)).length} of {warnings.length})
          </h3>
          <ul className="nd-check__list">
            {warnings.map((issue) => {
              const scope = scopeOf(issue, checks);
              return (
                <li key={issue.code} className="nd-check__issue nd-publish__warning" data-testid="publish-issue" data-code={issue.code}>
                  <label className="nd-publish__ack">
                    <input type="checkbox" checked={acknowledged.has(issue.code)} onChange={(event) => onAcknowledge(issue.code, event.target.checked)} />
                    <span className="nd-check__message">
                      {issue.message}
                      {scope && <span className="nd-publish__scope"> · {scope}</span>}
                    </span>
                  </label>
                  <ShowButton issue={issue} onShow={onShow} />
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </div>
  );
}
