import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';

/**
 * The right-click menu of the app's pages: spelling suggestions and "Add to Dictionary" on a
 * misspelt word, then the clipboard commands the spot allows, and "Copy Link" on a link. Nothing in
 * it navigates or opens anything: links open from the page (https only, in the browser).
 */

export type ContextMenuFacts = Pick<ContextMenuParams, 'misspelledWord' | 'dictionarySuggestions' | 'isEditable' | 'selectionText' | 'linkURL' | 'editFlags'>;

export interface ContextMenuActions {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
  copyLink(url: string): void;
}

/** Chromium offers up to this many suggestions; more would push the clipboard items off the menu. */
const MAX_SUGGESTIONS = 5;

export function buildContextMenuTemplate(params: ContextMenuFacts, actions: ContextMenuActions): MenuItemConstructorOptions[] {
  const groups: MenuItemConstructorOptions[][] = [];

  if (params.isEditable && params.misspelledWord) {
    const word = params.misspelledWord;
    const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
    groups.push([
      ...(suggestions.length > 0
        ? suggestions.map((suggestion): MenuItemConstructorOptions => ({ label: suggestion, click: () => actions.replaceMisspelling(suggestion) }))
        : [{ label: 'No Guesses Found', enabled: false }]),
      { type: 'separator' },
      { label: 'Add to Dictionary', click: () => actions.addToDictionary(word) },
    ]);
  }

  // On a link, what concerns the link comes first (as in Chromium's own menu).
  const link = params.linkURL;
  if (link && /^(https?|mailto):/i.test(link)) groups.push([{ label: 'Copy Link', click: () => actions.copyLink(link) }]);

  const flags = params.editFlags;
  const clipboard: MenuItemConstructorOptions[] = params.isEditable
    ? [
        { role: 'cut', enabled: flags.canCut },
        { role: 'copy', enabled: flags.canCopy },
        { role: 'paste', enabled: flags.canPaste },
        { role: 'selectAll', enabled: flags.canSelectAll },
      ]
    : [
        ...(params.selectionText.trim() !== '' ? [{ role: 'copy', enabled: flags.canCopy } as MenuItemConstructorOptions] : []),
        ...(flags.canSelectAll ? [{ role: 'selectAll' } as MenuItemConstructorOptions] : []),
      ];
  if (clipboard.length > 0) groups.push(clipboard);

  return groups.flatMap((group, index) => (index === 0 ? group : [{ type: 'separator' } as MenuItemConstructorOptions, ...group]));
}

export interface ContextMenuHost {
  on(event: 'context-menu', listener: (event: unknown, params: ContextMenuParams) => void): unknown;
  replaceMisspelling(word: string): void;
  session: { addWordToSpellCheckerDictionary(word: string): boolean };
}

/** Shows the menu on right-click in `contents`; `popup` builds and opens it (Menu in the app). */
export function installContextMenu(
  contents: ContextMenuHost,
  popup: (template: MenuItemConstructorOptions[]) => void,
  writeClipboard: (text: string) => void,
): void {
  contents.on('context-menu', (_event, params) => {
    const template = buildContextMenuTemplate(params, {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => void contents.session.addWordToSpellCheckerDictionary(word),
      copyLink: writeClipboard,
    });
    if (template.length > 0) popup(template);
  });
}
