import { IS_APPLE } from '@lexical/utils';
import { useState } from 'react';
import type { DesktopSettings } from '../../../../shared/model/settings';
import { messageOf, request } from '../../api/newsdesk';
import { ModalDialog } from '../../ui/components/ModalDialog';
import { DeskPane } from '../desk';
import { PublishTargetsDialog } from '../publishing';
import { LimitsPane } from './LimitsPane';
import { PreferencesTabs, type PreferencesPane } from './PreferencesTabs';
import { addLanguage, languageLabel, MAX_SPELLING_LANGUAGES, moveEarlier, SPELLING_LANGUAGES } from './spelling-languages';
import type { ThemeChoice } from './theme';

const THEMES: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'Same as the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

interface PreferencesDialogProps {
  open: boolean;
  /** The desktop settings as saved, read when the dialog opened. */
  settings: DesktopSettings | null;
  /** Why the saved settings could not be read, if they could not. */
  loadError?: string | null;
  /** Shows a theme at once, before (and whether or not) it is saved. */
  onThemePreview(choice: ThemeChoice): void;
  onSaved(settings: DesktopSettings): void;
  /** Opens the library's credit style dialog; left out where there is no library (an article window). */
  onEditCreditStyle?: () => void;
  onClose(): void;
  /** The pane shown: General (appearance, spelling, the desk's settings dialogs), Desk (the shared desk) or Limits (size limits). */
  pane?: PreferencesPane;
  onPaneChange?(pane: PreferencesPane): void;
}

/**
 * The app's preferences: appearance and spelling dictionaries, each saved as soon as it changes
 * (there is no Save button, as in the OS's own preference windows), and a way to the desk's other
 * settings dialogs.
 */
export function PreferencesDialog(props: PreferencesDialogProps) {
  const { open, settings, loadError = null, onThemePreview, onSaved, onEditCreditStyle, onClose, pane = 'general', onPaneChange = () => undefined } = props;
  const [error, setError] = useState<string | null>(null);
  const [targetsOpen, setTargetsOpen] = useState(false);
  const desktop = settings ?? { theme: 'system', spellcheckLanguages: [] };
  const [adding, setAdding] = useState('');

  const save = async (next: DesktopSettings) => {
    try {
      const saved = await request('settings:update', { desktop: next });
      setError(null);
      onSaved(saved.desktop);
    } catch (caught) {
      setError(`The preference could not be saved: ${messageOf(caught)}`);
      onThemePreview(desktop.theme); // back to what is saved
    }
  };

  const chooseTheme = (theme: ThemeChoice) => {
    onThemePreview(theme);
    void save({ ...desktop, theme });
  };
  const setLanguages = (spellcheckLanguages: string[]) => void save({ ...desktop, spellcheckLanguages });
  const languages = desktop.spellcheckLanguages;
  const addable = SPELLING_LANGUAGES.filter((language) => !languages.includes(language.tag));
  const full = languages.length >= MAX_SPELLING_LANGUAGES;

  return (
    <ModalDialog open={open} title="Preferences" className="nd-preferences" testId="preferences" error={error ?? loadError} onOpened={() => setError(null)} onClose={onClose}>
      <PreferencesTabs pane={pane} onChange={onPaneChange} />
      <div className="nd-preferences__body" role="tabpanel" id="nd-preferences-desk" aria-labelledby="nd-preferences-tab-desk" hidden={pane !== 'desk'}>
        {pane === 'desk' && <DeskPane />}
      </div>
      <div className="nd-preferences__body" role="tabpanel" id="nd-preferences-limits" aria-labelledby="nd-preferences-tab-limits" hidden={pane !== 'limits'}>
        {pane === 'limits' && <LimitsPane />}
      </div>
      <div className="nd-preferences__body" role="tabpanel" id="nd-preferences-general" aria-labelledby="nd-preferences-tab-general" hidden={pane !== 'general'}>
        <fieldset className="nd-preferences__group">
          <legend className="nd-field__label">Appearance</legend>
          <div className="nd-preferences__choices" role="radiogroup" aria-label="Appearance">
            {THEMES.map((theme) => (
              <label key={theme.value} className="nd-preferences__choice">
                <input type="radio" name="nd-theme" value={theme.value} checked={desktop.theme === theme.value} onChange={() => chooseTheme(theme.value)} />
                {theme.label}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="nd-preferences__group">
          <legend className="nd-field__label">Spelling languages</legend>
          <p className="nd-field__hint">
            The editor underlines words none of these dictionaries know; a right-click offers corrections. The first one is asked first. None chosen: the system’s language.
            {IS_APPLE ? ' On macOS the system’s spelling settings decide the languages.' : ''}
          </p>
          {languages.length > 0 && (
            <ol className="nd-preferences__languages" aria-label="Chosen spelling languages">
              {languages.map((tag, index) => (
                <li key={tag}>
                  <span>{languageLabel(tag)}</span>
                  <button type="button" className="nd-button nd-button--small nd-button--ghost" disabled={index === 0} aria-label={`Move ${languageLabel(tag)} up`} onClick={() => setLanguages(moveEarlier(languages, tag))}>
                    ↑
                  </button>
                  <button type="button" className="nd-button nd-button--small nd-button--ghost" aria-label={`Remove ${languageLabel(tag)}`} onClick={() => setLanguages(languages.filter((chosen) => chosen !== tag))}>
                    Remove
                  </button>
                </li>
              ))}
            </ol>
          )}
          <div className="nd-preferences__add">
            <select className="nd-input" aria-label="Spelling language to add" value={adding} disabled={full} onChange={(event) => setAdding(event.target.value)}>
              <option value="">{full ? `At most ${MAX_SPELLING_LANGUAGES} languages` : 'Choose a language…'}</option>
              {addable.map((language) => (
                <option key={language.tag} value={language.tag}>
                  {language.label} ({language.tag})
                </option>
              ))}
            </select>
            <button
              type="button"
              className="nd-button"
              disabled={full || adding === ''}
              onClick={() => {
                setLanguages(addLanguage(languages, adding));
                setAdding('');
              }}
            >
              Add
            </button>
          </div>
        </fieldset>
        <fieldset className="nd-preferences__group">
          <legend className="nd-field__label">Desk settings</legend>
          <div className="nd-preferences__links">
            {onEditCreditStyle && (
              <button type="button" className="nd-button" onClick={onEditCreditStyle}>
                Credit style…
              </button>
            )}
            <button type="button" className="nd-button" onClick={() => setTargetsOpen(true)}>
              Publish targets…
            </button>
          </div>
          <p className="nd-field__hint">The feeds themselves are set on the Feeds desk (Feeds…).</p>
        </fieldset>
      </div>
      <footer className="nd-dialog__foot">
        <button type="button" className="nd-button nd-button--primary" onClick={onClose}>
          Done
        </button>
      </footer>
      <PublishTargetsDialog open={targetsOpen} onClose={() => setTargetsOpen(false)} />
    </ModalDialog>
  );
}
