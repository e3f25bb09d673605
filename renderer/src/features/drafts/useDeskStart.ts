import { useEffect, useState } from 'react';
import type { QuarantinedFile } from '../../../../shared/model/library';
import { DEFAULT_SETTINGS, type Settings } from '../../../../shared/model/settings';
import { call } from '../../api/newsdesk';
import { useNotify } from '../../ui/components/Toasts';

/** What the drafting desk reads from main as it starts: the settings, and any drafts set aside as unreadable. */
export function useDeskStart() {
  const notify = useNotify();
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [quarantined, setQuarantined] = useState<QuarantinedFile[]>([]);
  useEffect(() => {
    void call('settings:get', {}).then((result) => {
      if (result.ok) setSettings(result.value);
      else notify(`Settings could not be read, using defaults: ${result.error.message}`, { tone: 'error' });
    });
    void call('app:info', {}).then((result) => {
      if (result.ok) setQuarantined(result.value.quarantined);
    });
  }, [notify]);
  return { settings, quarantined, dismissQuarantined: () => setQuarantined([]) };
}
