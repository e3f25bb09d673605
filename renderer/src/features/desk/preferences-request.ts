/**
 * "Open Preferences › Desk" from anywhere in the window (the status strip's chip, a hint in the
 * draft list). The Preferences host listens; this module keeps the desk feature free of the
 * desktop feature, which itself shows the desk's pane.
 */
const openers = new Set<() => void>();

export function requestDeskPreferences(): void {
  for (const open of [...openers]) open();
}

/** Registers the Preferences host's way of opening at the Desk pane; returns the unregister. */
export function onDeskPreferencesRequested(open: () => void): () => void {
  openers.add(open);
  return () => {
    openers.delete(open);
  };
}
