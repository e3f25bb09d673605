import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildContextMenuTemplate, installContextMenu, type ContextMenuFacts, type ContextMenuHost } from '../../../electron/main/menu/context-menu';
import { FakeWebContents, Menu, clipboard, resetFakeElectron } from '../../fakes/electron';

type Item = MenuItemConstructorOptions;
const NO_FLAGS = { canUndo: false, canRedo: false, canCut: false, canCopy: false, canPaste: false, canDelete: false, canSelectAll: false, canEditRichly: false };
const facts = (overrides: Partial<ContextMenuFacts>): ContextMenuFacts => ({
  misspelledWord: '', dictionarySuggestions: [], isEditable: false, selectionText: '', linkURL: '', editFlags: NO_FLAGS, ...overrides,
});
const shape = (items: Item[]) => items.map((item) => item.label ?? item.role ?? item.type);
const actions = () => ({ replaceMisspelling: vi.fn(), addToDictionary: vi.fn(), copyLink: vi.fn() });

beforeEach(() => resetFakeElectron());

describe('context menu template', () => {
  it('on a misspelt word: suggestions, Add to Dictionary, then the editing commands', () => {
    const act = actions();
    const template = buildContextMenuTemplate(
      facts({ isEditable: true, misspelledWord: 'recieve', dictionarySuggestions: ['receive', 'relieve'], editFlags: { ...NO_FLAGS, canPaste: true, canSelectAll: true } }),
      act,
    );
    expect(shape(template)).toEqual(['receive', 'relieve', 'separator', 'Add to Dictionary', 'separator', 'cut', 'copy', 'paste', 'selectAll']);
    expect(template.filter((item) => item.role).map((item) => item.enabled)).toEqual([false, false, true, true]);
    (template[0]!.click as () => void)();
    (template[3]!.click as () => void)();
    expect(act.replaceMisspelling).toHaveBeenCalledWith('receive');
    expect(act.addToDictionary).toHaveBeenCalledWith('recieve');
  });

  it('says when there is no guess, and offers at most five suggestions', () => {
    expect(shape(buildContextMenuTemplate(facts({ isEditable: true, misspelledWord: 'xqzt' }), actions())).slice(0, 2)).toEqual(['No Guesses Found', 'separator']);
    const many = buildContextMenuTemplate(facts({ isEditable: true, misspelledWord: 'teh', dictionarySuggestions: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }), actions());
    expect(shape(many).slice(0, 7)).toEqual(['a', 'b', 'c', 'd', 'e', 'separator', 'Add to Dictionary']);
  });

  it('outside text fields: Copy for a selection, Copy Link for a link, nothing that navigates', () => {
    const act = actions();
    const template = buildContextMenuTemplate(
      facts({ selectionText: 'storm', linkURL: 'https://example.com/story', editFlags: { ...NO_FLAGS, canCopy: true, canSelectAll: true } }),
      act,
    );
    expect(shape(template)).toEqual(['Copy Link', 'separator', 'copy', 'selectAll']);
    (template[0]!.click as () => void)();
    expect(act.copyLink).toHaveBeenCalledWith('https://example.com/story');
    expect(template.some((item) => /open|go to|navigate/i.test(item.label ?? ''))).toBe(false);
    expect(buildContextMenuTemplate(facts({ linkURL: 'javascript:alert(1)' }), act)).toEqual([]);
  });

  it('shows nothing where there is nothing to do', () => {
    expect(buildContextMenuTemplate(facts({}), actions())).toEqual([]);
  });
});

describe('context menu in a window', () => {
  it('pops up on right-click; its items replace the word, add it to the dictionary, copy links', () => {
    const contents = new FakeWebContents();
    installContextMenu(contents as unknown as ContextMenuHost, (template) => Menu.buildFromTemplate(template).popup({}), clipboard.writeText);
    contents.simulateContextMenu({ isEditable: true, misspelledWord: 'recieve', dictionarySuggestions: ['receive'], linkURL: 'https://example.com/' });
    const [shown] = Menu.popups;
    const items = shown!.template as Item[];
    expect(shape(items)).toEqual(['receive', 'separator', 'Add to Dictionary', 'separator', 'Copy Link', 'separator', 'cut', 'copy', 'paste', 'selectAll']);
    (items[0]!.click as () => void)();
    (items[2]!.click as () => void)();
    (items[4]!.click as () => void)();
    expect(contents.replacedMisspellings).toEqual(['receive']);
    expect(contents.session.dictionaryWords).toEqual(['recieve']);
    expect(clipboard.text).toBe('https://example.com/');
  });

  it('shows no empty menu', () => {
    const contents = new FakeWebContents();
    installContextMenu(contents as unknown as ContextMenuHost, (template) => Menu.buildFromTemplate(template).popup({}), clipboard.writeText);
    contents.simulateContextMenu({});
    expect(Menu.popups).toEqual([]);
  });
});
