import type { QuarantinedFile } from '../../../../shared/model/library';
import { Icon } from '../../ui/components/Icon';

/** Shown when the draft store or the photo library found unreadable files at start-up and moved them aside. */
export function QuarantineBanner({ files, onDismiss }: { files: QuarantinedFile[]; onDismiss: () => void }) {
  if (files.length === 0) return null;
  const many = files.length > 1;
  return (
    <div className="nd-banner nd-banner--warning" role="alert" data-testid="quarantine-banner">
      <Icon name="warning" />
      <div className="nd-banner__text">
        <p className="nd-banner__title">
          {many ? `${files.length} files could not be read` : 'A file could not be read'} and {many ? 'were' : 'was'} moved aside.
          Everything else is fine.
        </p>
        <ul className="nd-banner__files">
          {files.map((file) => (
            <li key={file.movedTo}>
              <code>{baseName(file.file)}</code> was moved to <code>{file.movedTo}</code>
              {file.reason && <span className="nd-banner__reason"> — {file.reason}</span>}
            </li>
          ))}
        </ul>
      </div>
      <button type="button" className="nd-icon-button" aria-label="Dismiss this notice" onClick={onDismiss}>
        <Icon name="close" size={16} />
      </button>
    </div>
  );
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}
