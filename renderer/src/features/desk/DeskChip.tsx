import { connectionLabel } from './desk-labels';
import { useDeskStatus } from './desk-status';
import { requestDeskPreferences } from './preferences-request';

/**
 * The desk connection in one short line, always on screen and never in the way: connected, offline
 * (changes will sync), connecting or signed out. A click opens Preferences › Desk.
 */
export function DeskChip() {
  const label = connectionLabel(useDeskStatus());
  return (
    <button
      type="button"
      className={`nd-desk-chip nd-desk-chip--${label.tone}`}
      data-testid="desk-chip"
      title={`${label.detail} Click for Preferences › Desk.`}
      aria-label={`Desk: ${label.text}. Open Preferences › Desk`}
      onClick={requestDeskPreferences}
    >
      <span className={`nd-desk-dot nd-desk-dot--${label.tone}`} aria-hidden="true" />
      <span aria-live="polite">{label.text}</span>
    </button>
  );
}
