import { useState } from 'react';
import { DESK_STATUS_LABELS, deskStatusOf } from '../../../../../shared/desk/workflow';
import { AuditLogDialog } from './AuditLogDialog';
import { useStoryWorkflow, type StoryWorkflow } from './useStoryWorkflow';

/**
 * A desk story's status as the desk holds it, with a button for each next step: the steps this
 * user's roles allow are enabled, the others disabled with the reason next to them. The desk
 * server decides every move; this only mirrors its rules. Nothing shows for a story of this
 * machine only.
 */
export function DeskStatusControl({ articleId, title }: { articleId: string; title: string }) {
  return <DeskStatusView articleId={articleId} title={title} story={useStoryWorkflow(articleId)} />;
}

interface DeskStatusViewProps {
  articleId: string;
  title: string;
  story: StoryWorkflow;
  /**
   * The status the story's document holds, shown (without moves) for a desk story while the desk
   * cannot be asked: offline, its status is still the desk's, never a local one.
   */
  offlineStatus?: string;
}

/** The control over a workflow read by the caller (the metadata panel reads it once for several parts). */
export function DeskStatusView({ articleId, title, story, offlineStatus }: DeskStatusViewProps) {
  const { workflow, error, busy, move } = story;
  const [showLog, setShowLog] = useState(false);
  if (!workflow) {
    if (offlineStatus === undefined) return null;
    return (
      <section className="nd-desk-workflow" data-testid="desk-workflow" aria-label="Desk status">
        <div className="nd-desk-workflow__head">
          <span className="nd-field__label">Desk status</span>
          <strong className="nd-desk-workflow__status" data-testid="desk-workflow-status">
            {DESK_STATUS_LABELS[deskStatusOf(offlineStatus)]}
          </strong>
        </div>
        <p className="nd-desk-workflow__last">The desk cannot be reached: its status moves once it is back.</p>
      </section>
    );
  }
  return (
    <section className="nd-desk-workflow" data-testid="desk-workflow" aria-label="Desk status">
      <div className="nd-desk-workflow__head">
        <span className="nd-field__label">Desk status</span>
        <strong className={`nd-desk-workflow__status nd-desk-workflow__status--${workflow.status}`} data-testid="desk-workflow-status">
          {DESK_STATUS_LABELS[workflow.status]}
        </strong>
      </div>
      {workflow.last && (
        <p className="nd-desk-workflow__last" data-testid="desk-workflow-last">
          {workflow.last.note}
        </p>
      )}
      <ul className="nd-desk-workflow__moves">
        {workflow.moves.map((option) => (
          <li key={option.to}>
            <button
              type="button"
              className="nd-button nd-button--small"
              disabled={!option.allowed || busy}
              title={option.reason}
              aria-describedby={option.reason ? `desk-move-why-${option.to}` : undefined}
              onClick={() => void move(option.to)}
            >
              {DESK_STATUS_LABELS[option.to]}
            </button>
            {option.reason && (
              <span className="nd-desk-workflow__why" id={`desk-move-why-${option.to}`}>
                {option.reason}
              </span>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p className="nd-desk-workflow__error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="nd-button nd-button--link" onClick={() => setShowLog(true)}>
        Audit log…
      </button>
      {showLog && <AuditLogDialog articleId={articleId} title={title} onClose={() => setShowLog(false)} />}
    </section>
  );
}
