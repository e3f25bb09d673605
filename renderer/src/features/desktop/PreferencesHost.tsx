import { CONTROL_OR_META, isExactShortcutMatch } from 'lexical';
import { useContext, useEffect, useState } from 'react';
import type { DesktopSettings } from '../../../../shared/model/settings';
import { call } from '../../api/newsdesk';
import { useAppCommand } from '../../ui/app-commands';
import { onDeskPreferencesRequested } from '../desk';
import { PreferencesDialog } from './PreferencesDialog';
import type { PreferencesPane } from './PreferencesTabs';
import { AppearanceContext } from './useAppearance';

/**
 * The Preferences dialog, opened by the menu (app:preferences) or Ctrl/Cmd+, (the platform's usual
 * key for it, also where no menu takes it first, as in a browser). Its appearance choice applies
 * through the window's AppearanceContext.
 */
export function PreferencesHost({ onEditCreditStyle }: { onEditCreditStyle?: () => void }) {
  const appearance = useContext(AppearanceContext);
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<DesktopSettings | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [pane, setPane] = useState<PreferencesPane>('general');

  const show = (at: PreferencesPane = 'general') => {
    setPane(at);
    setOpen(true);
    // Read each time: another window may have changed them.
    void call('settings:get', {}).then((result) => {
      if (result.ok) {
        setSaved(result.value.desktop);
        setReadError(null);
      } else setReadError(`The preferences could not be read: ${result.error.message}`);
    });
  };
  useAppCommand('app:preferences', () => show());
  // The desk's status chip (and other desk hints) open Preferences at the Desk pane.
  useEffect(() => onDeskPreferencesRequested(() => show('desk')));

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isExactShortcutMatch(event, ',', CONTROL_OR_META)) return;
      event.preventDefault();
      show();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  return (
    <PreferencesDialog
      open={open}
      loadError={readError}
      settings={saved ? { ...saved, theme: appearance.choice } : null}
      onThemePreview={appearance.choose}
      onSaved={(desktop) => {
        setSaved(desktop);
        appearance.choose(desktop.theme);
      }}
      onEditCreditStyle={
        onEditCreditStyle &&
        (() => {
          setOpen(false);
          onEditCreditStyle();
        })
      }
      onClose={() => setOpen(false)}
      pane={pane}
      onPaneChange={setPane}
    />
  );
}
