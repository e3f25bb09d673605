import type { Session } from 'electron';

/**
 * The editor's spelling languages. Chromium checks with the dictionaries it is given, in order; a
 * tag it does not know makes setSpellCheckerLanguages throw, so only available ones are passed.
 * Windows offers the OS's own dictionaries ("fr-FR"), Linux downloads Hunspell ones ("fr"), so a
 * setting of "fr" also matches "fr-FR" and the other way round. On macOS the OS spellchecker picks
 * the language by itself (Electron's call does nothing there), so the setting is not applied.
 */

type SpellcheckSession = Pick<Session, 'setSpellCheckerLanguages' | 'availableSpellCheckerLanguages'>;

function matchAvailable(tag: string, available: readonly string[]): string | undefined {
  const lower = tag.toLowerCase();
  const base = lower.split('-')[0]!;
  return (
    available.find((candidate) => candidate.toLowerCase() === lower) ??
    available.find((candidate) => candidate.toLowerCase() === base) ??
    available.find((candidate) => candidate.toLowerCase().startsWith(`${base}-`))
  );
}

/**
 * The dictionaries to use: the wanted ones that exist here, or, when none was chosen (or none
 * exists), the one for the OS language, as Electron does by default.
 */
export function resolveSpellcheckLanguages(wanted: readonly string[], available: readonly string[], osLocale: string): string[] {
  const chosen: string[] = [];
  for (const tag of wanted) {
    const match = matchAvailable(tag, available);
    if (match !== undefined && !chosen.includes(match)) chosen.push(match);
  }
  if (chosen.length > 0) return chosen;
  const fallback = matchAvailable(osLocale, available);
  return fallback === undefined ? [] : [fallback];
}

/** Applies the setting to the session; returns what was applied (null on macOS, where the OS decides). */
export function applySpellcheckLanguages(
  session: SpellcheckSession,
  wanted: readonly string[],
  platform: NodeJS.Platform,
  osLocale: string,
  log: (message: string) => void = () => undefined,
): string[] | null {
  if (platform === 'darwin') return null;
  const languages = resolveSpellcheckLanguages(wanted, session.availableSpellCheckerLanguages, osLocale);
  const missing = wanted.filter((tag) => !matchAvailable(tag, session.availableSpellCheckerLanguages));
  if (missing.length > 0) log(`No spelling dictionary here for ${missing.join(', ')}`);
  if (languages.length === 0) return [];
  try {
    session.setSpellCheckerLanguages(languages);
  } catch (error) {
    log(`Spelling languages not applied: ${String(error)}`);
    return [];
  }
  return languages;
}
