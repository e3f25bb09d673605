import { TargetInput, type BylineUserLink, type NinjsVersion, type PublishTarget } from '../../../../shared/model/publishing';

/** The target form as typed. `secret` is only what was typed now: a stored one is never shown. */
export interface TargetDraft {
  id?: string;
  kind: PublishTarget['kind'];
  name: string;
  /** The WordPress site's address, or the ninjs endpoint's URL. */
  url: string;
  user: string;
  ninjsVersion: NinjsVersion;
  secret: string;
  /** A secret is stored for this target already (typing replaces it). */
  hasSecret: boolean;
  /** The byline mapping as typed: one "Byline name = site user" a line (WordPress and Ghost). */
  bylineUsers: string;
}

export type TargetField = 'name' | 'url' | 'user' | 'ninjsVersion' | 'secret' | 'bylineUsers';

/** "Lucy Pakhnyuk = lucy" lines into the mapping; a line without "=" gives an empty user, which the contract refuses. */
export function parseBylineUsers(text: string): BylineUserLink[] {
  return text
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const at = line.indexOf('=');
      return at < 0 ? { name: line, user: '' } : { name: line.slice(0, at).trim(), user: line.slice(at + 1).trim() };
    });
}

export function bylineUsersText(links: readonly BylineUserLink[] | undefined): string {
  return (links ?? []).map((link) => `${link.name} = ${link.user}`).join('\n');
}

export function draftOf(target: PublishTarget | null, kind: PublishTarget['kind'] = 'wordpress'): TargetDraft {
  if (!target) return { kind, name: '', url: '', user: '', ninjsVersion: '3.1', secret: '', hasSecret: false, bylineUsers: '' };
  const bylineUsers = target.kind === 'ninjs' ? '' : bylineUsersText(target.bylineUsers);
  if (target.kind === 'ghost') return { id: target.id, kind: 'ghost', name: target.name, url: target.siteUrl, user: '', ninjsVersion: '3.1', secret: '', hasSecret: target.hasSecret, bylineUsers };
  return target.kind === 'wordpress'
    ? { id: target.id, kind: 'wordpress', name: target.name, url: target.siteUrl, user: target.user, ninjsVersion: '3.1', secret: '', hasSecret: target.hasSecret, bylineUsers }
    : { id: target.id, kind: 'ninjs', name: target.name, url: target.url, user: '', ninjsVersion: target.ninjsVersion, secret: '', hasSecret: target.hasSecret, bylineUsers };
}

/** What `targets:save` and `targets:test` receive; the secret only when one was typed. */
export function inputOf(draft: TargetDraft): TargetInput {
  const secret = draft.secret === '' ? {} : { secret: draft.secret };
  const id = draft.id ? { id: draft.id } : {};
  const bylineUsers = { bylineUsers: parseBylineUsers(draft.bylineUsers) };
  if (draft.kind === 'ghost') return { kind: 'ghost', ...id, name: draft.name, siteUrl: draft.url.trim(), ...bylineUsers, ...secret };
  return draft.kind === 'wordpress'
    ? { kind: 'wordpress', ...id, name: draft.name, siteUrl: draft.url.trim(), user: draft.user, ...bylineUsers, ...secret }
    : { kind: 'ninjs', ...id, name: draft.name, url: draft.url.trim(), ninjsVersion: draft.ninjsVersion, ...secret };
}

const FIELD_OF: Record<string, TargetField> = { name: 'name', siteUrl: 'url', url: 'url', user: 'user', ninjsVersion: 'ninjsVersion', secret: 'secret', bylineUsers: 'bylineUsers' };

/** The contract's own messages (zod), by field, for showing next to each field; empty when valid. */
export function fieldErrors(draft: TargetDraft): Partial<Record<TargetField, string>> {
  const errors: Partial<Record<TargetField, string>> = {};
  const parsed = TargetInput.safeParse(inputOf(draft));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = FIELD_OF[String(issue.path[0] ?? '')];
      // A mapping line is named by its number among the lines typed (blank ones not counted).
      const line = field === 'bylineUsers' && typeof issue.path[1] === 'number' ? `Line ${issue.path[1] + 1}: ` : '';
      if (field && !errors[field]) errors[field] = `${line}${issue.message}`;
    }
  }
  // Publishing cannot work without one; the contract leaves it optional so edits can keep the stored one.
  if (draft.kind === 'wordpress' && !draft.hasSecret && draft.secret.trim() === '') {
    errors.secret ??= 'Enter an application password (WordPress: Users → Profile → Application Passwords).';
  }
  if (draft.kind === 'ghost' && !draft.hasSecret && draft.secret.trim() === '') {
    errors.secret ??= 'Enter the Admin API key of a custom integration (Ghost Admin › Settings › Integrations).';
  }
  return errors;
}

export function sameDraft(a: TargetDraft, b: TargetDraft): boolean {
  return a.kind === b.kind && a.name === b.name && a.url === b.url && a.user === b.user && a.ninjsVersion === b.ninjsVersion && a.secret === b.secret && a.bylineUsers === b.bylineUsers;
}

export const KIND_LABELS: Record<PublishTarget['kind'], string> = { wordpress: 'WordPress', ninjs: 'ninjs endpoint', ghost: 'Ghost' };

export function addressOf(target: PublishTarget): string {
  return target.kind === 'ninjs' ? target.url : target.siteUrl;
}
