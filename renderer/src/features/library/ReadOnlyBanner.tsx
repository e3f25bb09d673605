import { useEffect, useState } from 'react';
import type { LibraryReadOnly } from '../../../../shared/model/library';
import { call } from '../../api/newsdesk';
import { Icon } from '../../ui/components/Icon';

/**
 * Says, above every desk, that this window's library is read-only and why (another desk has it
 * open, or the folder cannot be written). It stays: every change made here would be refused, so
 * the editor must not lose sight of that.
 */
export function ReadOnlyBanner() {
  const [readOnly, setReadOnly] = useState<LibraryReadOnly | null>(null);
  useEffect(() => {
    const ask = () =>
      void call('app:info', {}).then((result) => {
        if (result.ok) setReadOnly(result.value.readOnly);
      });
    ask();
    // Asked again when the window comes back to the front: another desk may have taken the library over meanwhile.
    window.addEventListener('focus', ask);
    return () => window.removeEventListener('focus', ask);
  }, []);
  if (!readOnly) return null;
  return (
    <div className="nd-banner nd-banner--warning nd-read-only-banner" role="status" data-testid="read-only-banner">
      <Icon name="warning" />
      <div className="nd-banner__text">
        <p className="nd-banner__title">This library is read-only here: you can read and export, but changes will not be saved.</p>
        <p className="nd-banner__reason">{readOnly.reason}</p>
      </div>
    </div>
  );
}
