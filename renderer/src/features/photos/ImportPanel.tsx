import { useState } from 'react';
import type { ImportItem, ImportItemState, ImportJob } from '../../../../shared/model/media-library';
import { Icon } from '../../ui/components/Icon';
import { countPhotos } from './photo-display';
import type { ImportRun } from './useImportRuns';

const STATE_LABELS: Record<ImportItemState, string> = {
  waiting: 'Waiting',
  importing: 'Importing…',
  imported: 'Imported',
  duplicate: 'Already in the library',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

const SETTLED: readonly ImportItemState[] = ['imported', 'duplicate', 'failed', 'cancelled'];

function tally(job: ImportJob) {
  const count = (...states: ImportItemState[]) => job.items.filter((item) => states.includes(item.state)).length;
  return {
    total: job.items.length,
    settled: count(...SETTLED),
    imported: count('imported'),
    duplicate: count('duplicate'),
    failed: count('failed'),
    cancelled: count('cancelled'),
  };
}

/** The heading of one import: progress while it runs, the outcome once it is over. */
function summaryOf(run: ImportRun): string {
  if (run.error) return 'Import stopped';
  if (!run.job) return `Starting the import of ${run.names.length === 1 ? '1 file' : `${run.names.length} files`}…`;
  const t = tally(run.job);
  if (!run.done) return `Importing… ${t.settled} of ${t.total}`;
  const parts = [`${countPhotos(t.imported)} imported`];
  if (t.duplicate) parts.push(`${t.duplicate} already in the library`);
  if (t.failed) parts.push(`${t.failed} failed`);
  if (run.job.cancelled) return `Import cancelled: ${parts.join(', ')}, ${t.cancelled} not imported`;
  return `Import finished: ${parts.join(', ')}`;
}

/** 0 for a failure, 1 for a warning, 2 for the rest. */
const attentionRank = (item: ImportItem) => (item.state === 'failed' ? 0 : item.warnings.length > 0 ? 1 : 2);

/**
 * The files listed: by default only those that need a look (failures first, then warnings), so a
 * large batch stays a small card; every file on request.
 */
function rowsOf(run: ImportRun, showAll: boolean): ImportItem[] {
  const items = run.job?.items ?? [];
  if (showAll) return run.done ? [...items].sort((a, b) => attentionRank(a) - attentionRank(b)) : items;
  return items.filter((item) => attentionRank(item) < 2).sort((a, b) => attentionRank(a) - attentionRank(b));
}

function ImportRow({ item }: { item: ImportItem }) {
  return (
    <li className={`nd-import__row nd-import__row--${item.state}`} data-testid="import-row" data-state={item.state}>
      <div className="nd-import__line">
        <span className="nd-import__name" title={item.name}>
          {item.name}
        </span>
        <span className="nd-import__state">{STATE_LABELS[item.state]}</span>
      </div>
      {item.message && <p className="nd-import__message">{item.message}</p>}
      {item.warnings.map((warning) => (
        <p key={warning} className="nd-import__warning">
          <Icon name="warning" size={13} /> {warning}
        </p>
      ))}
    </li>
  );
}

function ImportRunView({ run, onCancel, onDismiss }: { run: ImportRun; onCancel(): void; onDismiss(): void }) {
  const [showAll, setShowAll] = useState(false);
  const t = run.job ? tally(run.job) : null;
  const cancelling = Boolean(run.job?.cancelled && !run.done);
  const rows = rowsOf(run, showAll);
  return (
    <section className="nd-import" aria-label="Import" data-testid="import-panel" data-done={run.done}>
      <header className="nd-import__head">
        <h3 className="nd-import__summary" role="status" data-testid="import-summary">
          {summaryOf(run)}
        </h3>
        {!run.done && (
          <button type="button" className="nd-button nd-button--small" disabled={cancelling} onClick={onCancel}>
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        )}
        {run.done && (
          <button type="button" className="nd-icon-button" aria-label="Dismiss import report" onClick={onDismiss}>
            ×
          </button>
        )}
      </header>
      {t && <progress className="nd-import__bar" max={t.total} value={t.settled} aria-label={`${t.settled} of ${t.total} files done`} />}
      {run.error && (
        <p className="nd-import__message" role="alert">
          {run.error}
        </p>
      )}
      {rows.length > 0 && (
        <ul className="nd-import__rows" aria-label={showAll ? 'Files' : 'Files that need a look'}>
          {rows.map((item, index) => (
            <ImportRow key={`${index}:${item.name}`} item={item} />
          ))}
        </ul>
      )}
      {t && t.total > 0 && (
        <button type="button" className="nd-link-button nd-import__toggle" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Show only files that need a look' : t.total === 1 ? 'Show the file' : `Show all ${t.total} files`}
        </button>
      )}
    </section>
  );
}

interface ImportPanelProps {
  runs: readonly ImportRun[];
  onCancel(id: number): void;
  onDismiss(id: number): void;
  /** 'floating' sits over the window's corner; 'inline' flows in a dialog. */
  variant?: 'floating' | 'inline';
}

/** Progress and per-file outcome of the imports under way or just finished. */
export function ImportPanel({ runs, onCancel, onDismiss, variant = 'floating' }: ImportPanelProps) {
  if (runs.length === 0) return null;
  return (
    <div className={`nd-imports nd-imports--${variant}`}>
      {runs.map((run) => (
        <ImportRunView key={run.id} run={run} onCancel={() => onCancel(run.id)} onDismiss={() => onDismiss(run.id)} />
      ))}
    </div>
  );
}
