/**
 * The target last published to, so the panel opens on it next time. A preference of this window
 * (kept in the page's storage), not user data: losing it only means choosing the target again.
 */
const KEY = 'newsdesk.publish.lastTarget';

export function lastTargetId(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null; // storage refused (private mode, quota): nothing remembered
  }
}

export function rememberTarget(id: string): void {
  try {
    window.localStorage.setItem(KEY, id);
  } catch {
    // Not remembering is harmless.
  }
}
