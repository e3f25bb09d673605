import { isCredentialParam } from '../../../../../shared/model/publishing';

/**
 * Targets saved by an older Newsdesk (or edited by hand) may hold a password in their address
 * (`https://user:pass@site`) or a token in its query (`?api_key=`). Such an address is never sent
 * again: the credentials are cut out when the file is read, and the target says its password or
 * token must be entered again, in its own field, where the keychain keeps it.
 */

export const CREDENTIALS_REMOVED =
  'A user name, password or token was written in this target’s address; Newsdesk removed it and will not send it. Enter the password or token again in its own field, then save the target.';

/** The address without user name, password or credential query parameters; null when it has none (or is no URL). */
export function withoutCredentials(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  let changed = false;
  if (url.username || url.password) {
    url.username = '';
    url.password = '';
    changed = true;
  }
  for (const name of [...url.searchParams.keys()]) {
    if (!isCredentialParam(name)) continue;
    url.searchParams.delete(name);
    changed = true;
  }
  return changed ? url.toString() : null;
}

/**
 * The raw targets file with credentials cut out of every address; the ids of the targets changed
 * are pushed to `cleaned`. Anything that is not the expected shape is returned as it is, for the
 * schema to judge.
 */
export function stripStoredCredentials(raw: unknown, cleaned: string[]): unknown {
  if (!raw || typeof raw !== 'object' || !Array.isArray((raw as { targets?: unknown }).targets)) return raw;
  const file = raw as { targets: unknown[] };
  const targets = file.targets.map((entry) => {
    if (!entry || typeof entry !== 'object') return entry;
    const target = entry as Record<string, unknown>;
    let changed = false;
    const copy: Record<string, unknown> = { ...target };
    for (const field of ['siteUrl', 'url']) {
      const value = target[field];
      const stripped = typeof value === 'string' ? withoutCredentials(value) : null;
      if (stripped === null) continue;
      copy[field] = stripped;
      changed = true;
    }
    if (!changed) return entry;
    copy.attention = CREDENTIALS_REMOVED;
    if (typeof target.id === 'string') cleaned.push(target.id);
    return copy;
  });
  return { ...file, targets };
}
