import { useId, type ReactNode } from 'react';
import { NINJS_VERSIONS } from '../../../../shared/model/publishing';
import type { TargetDraft, TargetField } from './target-form';

interface TargetFormProps {
  draft: TargetDraft;
  /** The contract's messages by field; shown for fields already left, or all after a save attempt. */
  errors: Partial<Record<TargetField, string>>;
  shown: ReadonlySet<TargetField>;
  onChange(patch: Partial<TargetDraft>): void;
  onLeave(field: TargetField): void;
}

function Field({ label, hint, error, children }: { label: string; hint?: ReactNode; error?: string; children: (ids: { id: string; describedBy?: string; invalid: boolean }) => ReactNode }) {
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="nd-field">
      <label className="nd-field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {error && (
        <p className="nd-field-error" id={errorId} data-testid="field-error">
          {error}
        </p>
      )}
      {hint && (
        <p className="nd-field__hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}

/** The fields of one target. Secrets are write-only: a stored one is said to exist, never shown. */
export function TargetForm({ draft, errors, shown, onChange, onLeave }: TargetFormProps) {
  const errorOf = (field: TargetField) => (shown.has(field) ? errors[field] : undefined);
  const wordpress = draft.kind === 'wordpress';
  const ghost = draft.kind === 'ghost';
  // Ghost is a site like WordPress: a site address and a secret, no user and no ninjs version.
  const site = wordpress || ghost;
  const secretLabel = wordpress ? 'Application password' : ghost ? 'Admin API key' : 'Bearer token';
  const text = (field: TargetField, value: string, extra: Record<string, unknown> = {}) => (ids: { id: string; describedBy?: string; invalid: boolean }) => (
    <input
      id={ids.id}
      className="nd-input"
      type="text"
      spellCheck={false}
      value={value}
      aria-describedby={ids.describedBy}
      aria-invalid={ids.invalid || undefined}
      onChange={(event) => onChange({ [field]: event.target.value })}
      onBlur={() => onLeave(field)}
      {...extra}
    />
  );

  return (
    <div className="nd-target-form" data-testid="target-form">
      <Field label="Name" hint="How the target is named in the publish panel and the outbox." error={errorOf('name')}>
        {text('name', draft.name, { maxLength: 120, placeholder: site ? 'The Daily site' : 'Syndication feed' })}
      </Field>
      <Field
        label={site ? 'Site address' : 'Endpoint URL'}
        hint={site ? 'The address readers use, e.g. https://news.example.com.' : 'Receives each story as a ninjs document in a POST.'}
        error={errorOf('url')}
      >
        {text('url', draft.url, { inputMode: 'url', placeholder: 'https://' })}
      </Field>
      {wordpress && (
        <Field label="User" hint="The WordPress user the application password belongs to." error={errorOf('user')}>
          {text('user', draft.user, { autoComplete: 'username', maxLength: 120 })}
        </Field>
      )}
      {!site && (
        <fieldset className="nd-target-form__versions">
          <legend className="nd-field__label">ninjs version</legend>
          {NINJS_VERSIONS.map((version) => (
            <label key={version} className="nd-radio nd-radio--compact">
              <input type="radio" name="ninjs-version" checked={draft.ninjsVersion === version} onChange={() => onChange({ ninjsVersion: version })} />
              ninjs {version}
            </label>
          ))}
        </fieldset>
      )}
      {site && (
        <Field
          label="Byline mapping"
          hint={
            wordpress
              ? 'One per line, “Byline name = user” (login, slug or display name), for bylines the site spells otherwise. Names that already match a user need no line.'
              : 'One per line, “Byline name = staff user” (email or slug), for bylines the site spells otherwise. Names that already match a staff user need no line.'
          }
          error={errorOf('bylineUsers')}
        >
          {(ids) => (
            <textarea
              id={ids.id}
              className="nd-input nd-target-form__bylines"
              rows={3}
              spellCheck={false}
              value={draft.bylineUsers}
              placeholder={wordpress ? 'Lucy Pakhnyuk = lucy' : 'Lucy Pakhnyuk = lucy@example.com'}
              aria-describedby={ids.describedBy}
              aria-invalid={ids.invalid || undefined}
              onChange={(event) => onChange({ bylineUsers: event.target.value })}
              onBlur={() => onLeave('bylineUsers')}
            />
          )}
        </Field>
      )}
      <Field
        label={secretLabel}
        hint={
          draft.hasSecret
            ? 'Stored in the system keychain — type a new one to replace it.'
            : wordpress
              ? 'Made in WordPress under Users → Profile → Application Passwords. Kept in the system keychain.'
              : ghost
                ? 'A custom integration’s Admin API key (Ghost Admin › Settings › Integrations). Kept in the system keychain.'
                : 'Sent as “Authorization: Bearer …”. Kept in the system keychain.'
        }
        error={errorOf('secret')}
      >
        {(ids) => (
          <input
            id={ids.id}
            className="nd-input nd-input--mono"
            type="password"
            autoComplete="new-password"
            spellCheck={false}
            value={draft.secret}
            placeholder={draft.hasSecret ? '•••••••• (stored)' : ''}
            aria-describedby={ids.describedBy}
            aria-invalid={ids.invalid || undefined}
            onChange={(event) => onChange({ secret: event.target.value })}
            onBlur={() => onLeave('secret')}
          />
        )}
      </Field>
    </div>
  );
}
