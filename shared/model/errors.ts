/**
 * The readable text of anything thrown. Libraries throw strings, numbers and plain objects as well
 * as Errors, and a message the user reads must never be empty, "[object Object]" or undefined.
 */
export function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === 'object' ? '' : String(error ?? '');
  return text.trim() === '' ? 'Something went wrong.' : text;
}
