import type { AuditEntry } from '../../../../../shared/desk/audit';

const when = (iso: string): string => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

interface AuditTableProps {
  entries: AuditEntry[];
  /** The rows' test id: a story's log and the desk's are told apart by the specs. */
  rowTestId: string;
  /** The desk's log names each entry's story; a story's own log does not need to. */
  storyOf?: (entry: AuditEntry) => string;
}

/** The rows of an audit log, newest first: when, who, (the story,) what. */
export function AuditTable({ entries, rowTestId, storyOf }: AuditTableProps) {
  return (
    <table className="nd-audit-dialog__table">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          {storyOf && <th scope="col">Story</th>}
          <th scope="col">What</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id} className={`nd-audit-dialog__row nd-audit-dialog__row--${entry.action}`} data-testid={rowTestId} data-action={entry.action}>
            <td>
              <time dateTime={entry.at}>{when(entry.at)}</time>
            </td>
            <td>{entry.who}</td>
            {storyOf && <td>{storyOf(entry)}</td>}
            <td>{entry.summary}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
