import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { DeskStatus } from '../../../../shared/model/desk';
import { call } from '../../api/newsdesk';
import { DeskChooser } from './DeskChooser';
import { connectionLabel, isSignedIn } from './desk-labels';
import { acceptDeskStatus, useDeskStatus } from './desk-status';
import { signInProblem } from './sign-in-form';

/**
 * Preferences › Desk: the desk server's address and the account to sign in with, or, once signed
 * in, who and where. The password lives only in its input (never in React state), and the input
 * is emptied as soon as main has answered, whatever the answer.
 */
export function DeskPane() {
  const status = useDeskStatus();
  const [busy, setBusy] = useState<'in' | 'out' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const signOutRef = useRef<HTMLButtonElement>(null);
  const wasSignedIn = useRef(isSignedIn(status));

  // Keyboard focus follows the form that replaced the one it was in.
  useEffect(() => {
    const signedIn = isSignedIn(status);
    if (signedIn && !wasSignedIn.current) signOutRef.current?.focus();
    wasSignedIn.current = signedIn;
  }, [status]);

  const signOut = async () => {
    setBusy('out');
    setError(null);
    const result = await call('desk:signOut', {});
    setBusy(null);
    if (result.ok) acceptDeskStatus(result.value);
    else setError(`Newsdesk could not sign out: ${result.error.message}`);
  };

  return (
    <section className="nd-desk-pane" aria-label="Desk" data-testid="desk-pane">
      <p className="nd-field__hint">
        A desk shares stories between the newsroom’s machines: everyone on it edits them together, and each machine keeps working offline.
      </p>
      {isSignedIn(status) ? (
        <SignedIn status={status} busy={busy === 'out'} onSignOut={() => void signOut()} signOutRef={signOutRef} setError={setError} />
      ) : (
        <SignInForm status={status} busy={busy === 'in'} setBusy={(on) => setBusy(on ? 'in' : null)} setError={setError} />
      )}
      {error && (
        <p className="nd-desk-pane__error" role="alert" data-testid="desk-error">
          {error}
        </p>
      )}
      {!error && status?.message && (
        <p className="nd-desk-pane__note" role="status" data-testid="desk-message">
          {status.message}
        </p>
      )}
    </section>
  );
}

interface SignInFormProps {
  status: DeskStatus | null;
  busy: boolean;
  setBusy(on: boolean): void;
  setError(message: string | null): void;
}

function SignInForm({ status, busy, setBusy, setError }: SignInFormProps) {
  const [serverUrl, setServerUrl] = useState(status?.serverUrl ?? '');
  const [email, setEmail] = useState(status?.user?.email ?? '');
  const passwordRef = useRef<HTMLInputElement>(null);
  // After a refusal the password is typed again: focus goes there once the fields are enabled again.
  const refocusPassword = useRef(false);
  useEffect(() => {
    if (busy || !refocusPassword.current) return;
    refocusPassword.current = false;
    passwordRef.current?.focus();
  }, [busy]);

  // The address is kept after signing out: when main's answer arrives after the pane opened, fill it in.
  const knownUrl = status?.serverUrl ?? '';
  useEffect(() => {
    if (knownUrl) setServerUrl((typed) => typed || knownUrl);
  }, [knownUrl]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const passwordInput = passwordRef.current;
    const fields = { serverUrl: serverUrl.trim(), email: email.trim(), password: passwordInput?.value ?? '' };
    const problem = signInProblem(fields);
    if (problem) {
      setError(problem);
      return;
    }
    setError(null);
    setBusy(true);
    const result = await call('desk:signIn', fields);
    if (passwordInput) passwordInput.value = '';
    if (!result.ok) {
      setError(result.error.message);
      refocusPassword.current = true;
      setBusy(false);
      return;
    }
    // Main may answer with a status that is still signed out (say, the desk refused the account).
    if (result.value.state === 'signed-out') {
      setError(result.value.message ?? 'The desk did not sign you in.');
      refocusPassword.current = true;
    }
    setBusy(false);
    acceptDeskStatus(result.value);
  };

  return (
    <form className="nd-desk-pane__form" aria-label="Sign in to a desk" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <label className="nd-field">
        <span className="nd-field__label">Desk server</span>
        <input
          className="nd-input"
          type="url"
          name="serverUrl"
          autoComplete="url"
          placeholder="https://desk.example.org"
          value={serverUrl}
          disabled={busy}
          onChange={(event) => setServerUrl(event.target.value)}
        />
      </label>
      <label className="nd-field">
        <span className="nd-field__label">Email</span>
        <input className="nd-input" type="email" name="email" autoComplete="username" value={email} disabled={busy} onChange={(event) => setEmail(event.target.value)} />
      </label>
      <label className="nd-field">
        <span className="nd-field__label">Password</span>
        <input ref={passwordRef} className="nd-input" type="password" name="password" autoComplete="current-password" disabled={busy} />
      </label>
      <div className="nd-desk-pane__actions">
        <button type="submit" className="nd-button nd-button--primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        {busy && (
          <span className="nd-desk-pane__progress" role="status" data-testid="desk-progress">
            Signing in to {serverUrl.trim()}…
          </span>
        )}
      </div>
    </form>
  );
}

interface SignedInProps {
  status: DeskStatus;
  busy: boolean;
  onSignOut(): void;
  signOutRef: RefObject<HTMLButtonElement | null>;
  setError(message: string | null): void;
}

function SignedIn({ status, busy, onSignOut, signOutRef, setError }: SignedInProps) {
  const label = connectionLabel(status);
  return (
    <div className="nd-desk-pane__signed-in" data-testid="desk-signed-in">
      <dl className="nd-desk-pane__facts">
        <dt>Desk</dt>
        <dd data-testid="desk-name">{status.desk?.name ?? 'No desk yet'}</dd>
        <dt>Signed in as</dt>
        <dd data-testid="desk-user">{status.user ? `${status.user.name} (${status.user.email})` : 'Unknown account'}</dd>
        <dt>Server</dt>
        <dd>{status.serverUrl ?? '—'}</dd>
        <dt>Connection</dt>
        <dd>
          <span className={`nd-desk-dot nd-desk-dot--${label.tone}`} aria-hidden="true" /> {label.text}
        </dd>
      </dl>
      <DeskChooser status={status} setError={setError} />
      {status.unsyncedStories > 0 && (
        <p className="nd-field__hint">
          {status.unsyncedStories === 1 ? 'One story has' : `${status.unsyncedStories} stories have`} changes the desk has not received yet.
          Signing out keeps them on this machine; they sync when you sign in again.
        </p>
      )}
      <div className="nd-desk-pane__actions">
        <button ref={signOutRef} type="button" className="nd-button" disabled={busy} onClick={onSignOut}>
          {busy ? 'Signing out…' : 'Sign out'}
        </button>
      </div>
    </div>
  );
}
