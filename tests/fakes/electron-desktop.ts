import { EventEmitter } from 'node:events';
import { FakeSession, FakeWebContents, fakeEvent } from './electron-web-contents';

/**
 * The desktop side of the fake `electron` module (tests/fakes/electron.ts re-exports it): light and
 * dark, OS notifications, and what the desktop shell asks of pages and sessions (events sent to a
 * page, right-click menus, spelling), added to the sibling module's classes so every web contents
 * and session the fakes make has them.
 */

/** Like Electron's: themeSource 'system' follows the OS (osDark), the others override it; changes emit 'updated'. */
class FakeNativeTheme extends EventEmitter {
  osDark = false;
  shouldUseDarkColors = false;
  private source: 'system' | 'light' | 'dark' = 'system';
  get themeSource(): 'system' | 'light' | 'dark' { return this.source; }
  set themeSource(source: 'system' | 'light' | 'dark') { this.source = source; this.update(); }
  /** The OS switched between light and dark. */
  setOsDark(dark: boolean): void { this.osDark = dark; this.update(); }
  private update(): void {
    this.shouldUseDarkColors = this.source === 'system' ? this.osDark : this.source === 'dark';
    this.emit('updated');
  }
  reset(): void { this.removeAllListeners(); this.osDark = false; this.shouldUseDarkColors = false; this.source = 'system'; }
}
export const nativeTheme = new FakeNativeTheme();

/** OS notifications: recorded when shown; `click()` plays the user clicking one. */
export class Notification extends EventEmitter {
  static supported = true;
  static shown: Notification[] = [];
  static isSupported(): boolean { return Notification.supported; }
  constructor(readonly options: { title?: string; body?: string; silent?: boolean } = {}) { super(); }
  show(): void { Notification.shown.push(this); this.emit('show'); }
  close(): void { this.emit('close'); }
  click(): void { this.emit('click'); }
}

// What the desktop shell asks of pages and sessions (spelling, events to the page), added to the
// sibling module's classes so every web contents and session the fakes make has them.
declare module './electron-web-contents' {
  interface FakeWebContents {
    /** Events main sent this page (webContents.send), oldest first. */
    readonly sentEvents: { channel: string; args: unknown[] }[];
    send(channel: string, ...args: unknown[]): void;
    readonly replacedMisspellings: string[];
    replaceMisspelling(word: string): void;
    /** Plays a right-click in the page. */
    simulateContextMenu(params: Record<string, unknown>): void;
  }
  interface FakeSession {
    availableSpellCheckerLanguages: string[];
    spellCheckerLanguages: string[];
    readonly dictionaryWords: string[];
    setSpellCheckerLanguages(languages: string[]): void;
    getSpellCheckerLanguages(): string[];
    addWordToSpellCheckerDictionary(word: string): boolean;
  }
}
/** Chromium's list on Linux (Hunspell), shortened. */
const AVAILABLE_SPELLING = ['da', 'de', 'en-AU', 'en-CA', 'en-GB', 'en-US', 'es', 'fr', 'it', 'nl', 'pl', 'pt-BR', 'sv'];
type Lazy<T> = Record<string, T | undefined>;
function lazyList<T>(target: object, key: string): T[] {
  const bag = target as Lazy<T[]>;
  return (bag[key] ??= []);
}
Object.defineProperties(FakeWebContents.prototype, {
  sentEvents: { get(this: FakeWebContents) { return lazyList(this, '_sentEvents'); } },
  replacedMisspellings: { get(this: FakeWebContents) { return lazyList(this, '_replaced'); } },
});
Object.assign(FakeWebContents.prototype, {
  send(this: FakeWebContents, channel: string, ...args: unknown[]): void {
    if (this.isDestroyed()) throw new Error('Object has been destroyed');
    this.sentEvents.push({ channel, args });
  },
  replaceMisspelling(this: FakeWebContents, word: string): void { this.replacedMisspellings.push(word); },
  simulateContextMenu(this: FakeWebContents, params: Record<string, unknown>): void {
    const editFlags = { canUndo: false, canRedo: false, canCut: false, canCopy: false, canPaste: false, canDelete: false, canSelectAll: false, canEditRichly: false };
    this.emit('context-menu', fakeEvent(), {
      misspelledWord: '', dictionarySuggestions: [], isEditable: false, selectionText: '', linkURL: '', ...params,
      editFlags: { ...editFlags, ...(params.editFlags as object | undefined) },
    });
  },
});
Object.defineProperties(FakeSession.prototype, {
  availableSpellCheckerLanguages: {
    get(this: FakeSession) { return (this as unknown as Lazy<string[]>)._available ?? AVAILABLE_SPELLING; },
    set(this: FakeSession, value: string[]) { (this as unknown as Lazy<string[]>)._available = value; },
  },
  spellCheckerLanguages: {
    get(this: FakeSession) { return (this as unknown as Lazy<string[]>)._languages ?? ['en-US']; },
    set(this: FakeSession, value: string[]) { (this as unknown as Lazy<string[]>)._languages = value; },
  },
  dictionaryWords: { get(this: FakeSession) { return lazyList(this, '_words'); } },
});
Object.assign(FakeSession.prototype, {
  setSpellCheckerLanguages(this: FakeSession, languages: string[]): void {
    const unknown = languages.find((tag) => !this.availableSpellCheckerLanguages.includes(tag));
    if (unknown !== undefined) throw new Error(`Invalid language code provided: "${unknown}" is not a valid language code`);
    this.spellCheckerLanguages = [...languages];
  },
  getSpellCheckerLanguages(this: FakeSession): string[] { return this.spellCheckerLanguages; },
  addWordToSpellCheckerDictionary(this: FakeSession, word: string): boolean { this.dictionaryWords.push(word); return true; },
});

