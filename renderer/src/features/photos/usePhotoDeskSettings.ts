import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_SETTINGS, type CreditStyle, type Settings } from '../../../../shared/model/settings';
import { call, request } from '../../api/newsdesk';

/**
 * The desk's settings as the photo views need them: the house credit style, and a way to save a new
 * one. Falls back to the defaults (and says so through `error`) when settings cannot be read.
 */
export function usePhotoDeskSettings(active = true): {
  settings: Settings;
  creditStyle: CreditStyle;
  error: string | null;
  saveCreditStyle(style: CreditStyle): Promise<void>;
  saveWriteXmpOnExport(write: boolean): Promise<void>;
} {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!active) return;
    let cancelled = false;
    void call('settings:get', {}).then((result) => {
      if (cancelled) return;
      if (result.ok) setSettings(result.value);
      else setError(`Settings could not be read, so the default credit style is used: ${result.error.message}`);
    });
    return () => {
      cancelled = true;
    };
  }, [active]);

  const saveCreditStyle = useCallback(
    async (style: CreditStyle) => {
      const saved = await request('settings:update', { photoDesk: { ...settings.photoDesk, credit: style } });
      setSettings(saved);
      setError(null);
    },
    [settings.photoDesk],
  );

  const saveWriteXmpOnExport = useCallback(
    async (write: boolean) => {
      const saved = await request('settings:update', { photoDesk: { ...settings.photoDesk, writeXmpOnExport: write } });
      setSettings(saved);
    },
    [settings.photoDesk],
  );

  return { settings, creditStyle: settings.photoDesk.credit, error, saveCreditStyle, saveWriteXmpOnExport };
}
