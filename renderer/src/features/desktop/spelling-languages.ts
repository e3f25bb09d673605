/** Dictionaries offered in Preferences: tags as Chromium's spelling check names them. */
export const SPELLING_LANGUAGES: readonly { tag: string; label: string }[] = [
  { tag: 'en-US', label: 'English (US)' },
  { tag: 'en-GB', label: 'English (UK)' },
  { tag: 'fr', label: 'French' },
  { tag: 'de', label: 'German' },
  { tag: 'es', label: 'Spanish' },
  { tag: 'it', label: 'Italian' },
  { tag: 'pt-BR', label: 'Portuguese (Brazil)' },
  { tag: 'nl', label: 'Dutch' },
  { tag: 'sv', label: 'Swedish' },
  { tag: 'da', label: 'Danish' },
  { tag: 'pl', label: 'Polish' },
];

/** Chromium checks with at most this many dictionaries at once (settings.ts enforces it too). */
export const MAX_SPELLING_LANGUAGES = 5;

export function languageLabel(tag: string): string {
  return SPELLING_LANGUAGES.find((language) => language.tag === tag)?.label ?? tag;
}

/** The list with `tag` moved one place earlier (the first dictionary is asked first). */
export function moveEarlier(tags: readonly string[], tag: string): string[] {
  const at = tags.indexOf(tag);
  if (at <= 0) return [...tags];
  const next = [...tags];
  next[at - 1] = tag;
  next[at] = tags[at - 1]!;
  return next;
}

export function addLanguage(tags: readonly string[], tag: string): string[] {
  if (tags.includes(tag) || tags.length >= MAX_SPELLING_LANGUAGES) return [...tags];
  return [...tags, tag];
}
