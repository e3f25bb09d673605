import type { MenuItemConstructorOptions } from 'electron';
import { expect, test, type Page } from '@playwright/test';
import type { MenuState } from '../../shared/model/desktop';
import { buildAppMenuTemplate } from '../../electron/main/menu/app-menu';
import { buildContextMenuTemplate } from '../../electron/main/menu/context-menu';
import { displayAccelerator, roleDefaults, roleSubmenu } from '../unit/shell/menu-role-defaults';

/**
 * A picture of the real menus. The Electron binary cannot run here, so the template the app hands
 * Menu.buildFromTemplate (buildAppMenuTemplate, buildContextMenuTemplate) is drawn as HTML the way
 * each platform shows it: its labels, its way of writing shortcuts, disabled items greyed, every
 * submenu opened. Role items get Electron's own labels and shortcuts (menu-role-defaults.ts).
 */

const SCREENS = 'test-results/screens';
type Item = MenuItemConstructorOptions;

const OPEN: MenuState = { view: 'articles', articleId: 'article-0001', photoSelection: 0 };
const NONE: MenuState = { view: 'photos', articleId: null, photoSelection: 2 };
const RECENT = [
  { articleId: 'article-0001', headline: 'Storm closes the coast road' },
  { articleId: 'article-0002', headline: 'Council votes on the budget' },
];
const WINDOWS = [
  { id: 1, title: 'Newsdesk', focused: true },
  { id: 4, title: 'Storm closes the coast road — Newsdesk', focused: false },
];
const noop = { openRecent: () => undefined, clearRecent: () => undefined, showLogs: () => undefined, focusWindow: () => undefined };

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function itemsHtml(items: Item[], platform: NodeJS.Platform): string {
  return items
    .filter((item) => item.visible !== false)
    .map((item) => {
      if (item.type === 'separator') return '<li class="sep" role="separator"></li>';
      const defaults = item.role ? roleDefaults(item.role, platform) : { label: '' };
      // Windows and Linux write "&&" for a literal "&" (a single one marks a mnemonic).
      const raw = item.label ?? defaults.label;
      const label = platform === 'darwin' ? raw : raw.replace(/&&/g, '&');
      const accelerator = item.accelerator ?? defaults.accelerator;
      const submenu = Array.isArray(item.submenu) ? item.submenu : [];
      const disabled = item.enabled === false;
      const mark = item.type === 'radio' ? (item.checked ? '●' : '') : item.type === 'checkbox' && item.checked ? '✓' : '';
      const row = `<span class="mark">${mark}</span><span class="label">${escape(label)}</span><span class="key">${
        accelerator ? escape(displayAccelerator(String(accelerator), platform)) : submenu.length > 0 ? '▸' : ''
      }</span>`;
      const nested = submenu.length > 0 ? `<ul class="sub">${itemsHtml(submenu, platform)}</ul>` : '';
      return `<li class="item${disabled ? ' disabled' : ''}" data-id="${escape(String(item.id ?? item.role ?? label))}">${row}</li>${nested}`;
    })
    .join('');
}

function menuBarHtml(template: Item[], platform: NodeJS.Platform, caption: string): string {
  const panels = template
    .map((menu) => {
      const title = menu.label ?? roleDefaults(menu.role!, platform).label;
      const items = Array.isArray(menu.submenu) ? menu.submenu : roleSubmenu(menu.role!, platform);
      return `<section class="panel"><h2>${escape(title)}</h2><ul>${itemsHtml(items, platform)}</ul></section>`;
    })
    .join('');
  return `<h1>${escape(caption)}</h1><div class="bar">${panels}</div>`;
}

function page(body: string, platform: NodeJS.Platform): string {
  const mac = platform === 'darwin';
  const font = mac ? '-apple-system, "Helvetica Neue", sans-serif' : '"Cantarell", "Ubuntu", "DejaVu Sans", sans-serif';
  return `<!doctype html><html><head><style>
    body { margin: 16px; font: 13px ${font}; background: ${mac ? '#e8e8ea' : '#dcdcdc'}; color: #1d1d1f; }
    h1 { font-size: 14px; margin: 14px 0 6px; }
    .bar { display: flex; gap: 10px; align-items: flex-start; }
    .panel { background: ${mac ? 'rgba(246,246,246,.97)' : '#fff'}; border: 1px solid #bbb; border-radius: ${mac ? '7px' : '2px'};
      box-shadow: 0 4px 14px rgba(0,0,0,.18); min-width: 200px; padding: 4px 0; }
    .panel h2 { margin: 0; padding: 4px 12px 6px; font-size: 13px; border-bottom: 1px solid #ddd; }
    ul { list-style: none; margin: 0; padding: 0; }
    .item { display: flex; gap: 6px; padding: 3px 12px 3px 4px; white-space: nowrap; }
    .mark { width: 14px; text-align: center; }
    .label { flex: 1; }
    .key { color: #555; padding-left: 24px; }
    .disabled, .disabled .key { color: #a4a4a4; }
    .sep { border-top: 1px solid #d6d6d6; margin: 4px 0; }
    .sub { margin: 0 6px 4px 24px; border-left: 2px solid ${mac ? '#0a64d6' : '#3584e4'}; background: rgba(0,0,0,.03); }
  </style></head><body>${body}</body></html>`;
}

async function drawMenus(pageHandle: Page, platform: NodeJS.Platform, name: string): Promise<void> {
  const template = (state: MenuState) =>
    buildAppMenuTemplate({ platform, state, recent: RECENT, windows: platform === 'darwin' ? [] : WINDOWS, send: () => undefined, actions: noop });
  const system = platform === 'darwin' ? 'macOS' : 'Linux';
  await pageHandle.setContent(
    page(
      menuBarHtml(template(OPEN), platform, `${system}: an article open in the editor`) +
        menuBarHtml(template(NONE), platform, `${system}: no article open (Photos desk)`),
      platform,
    ),
  );
  await pageHandle.screenshot({ path: `${SCREENS}/${name}`, fullPage: true });
}

test.describe('menus, drawn from the real templates', () => {
  test.use({ viewport: { width: 1880, height: 900 } });

  test('Linux application menu', async ({ page: tab }) => {
    await drawMenus(tab, 'linux', 'menus-linux.png');
    const first = tab.locator('.bar').first();
    await expect(first.locator('h2')).toHaveText(['File', 'Edit', 'View', 'Article', 'Photo', 'Window', 'Help']);
    await expect(first.locator('[data-id="article:open-in-window"] .key')).toHaveText('Ctrl+Shift+N');
    await expect(first.locator('[data-id="article:publish"] .key')).toHaveText('Ctrl+Shift+Enter');
    await expect(first.locator('[data-id="redo"] .key')).toHaveText('Ctrl+Shift+Z');
    await expect(first.locator('[data-id="article:publish"]')).not.toHaveClass(/disabled/);
    await expect(tab.locator('.bar').nth(1).locator('[data-id="article:publish"]')).toHaveClass(/disabled/);
  });

  test('macOS application menu', async ({ page: tab }) => {
    await drawMenus(tab, 'darwin', 'menus-mac.png');
    const first = tab.locator('.bar').first();
    await expect(first.locator('h2')).toHaveText(['Newsdesk', 'File', 'Edit', 'View', 'Article', 'Photo', 'Window', 'Help']);
    await expect(first.locator('[data-id="article:open-in-window"] .key')).toHaveText('⇧⌘N');
    await expect(first.locator('[data-id="article:preview"] .key')).toHaveText('⌥⌘P');
    await expect(first.locator('[data-id="app:preferences"] .key')).toHaveText('⌘,');
    await expect(tab.locator('.bar').nth(1).locator('[data-id="article:save"]')).toHaveClass(/disabled/);
  });

  test('context menu with spelling suggestions', async ({ page: tab }) => {
    const flags = { canUndo: true, canRedo: false, canCut: true, canCopy: true, canPaste: true, canDelete: true, canSelectAll: true, canEditRichly: true };
    const actions = { replaceMisspelling: () => undefined, addToDictionary: () => undefined, copyLink: () => undefined };
    const spelling = buildContextMenuTemplate(
      { isEditable: true, misspelledWord: 'goverment', dictionarySuggestions: ['government', 'governments', 'governmental'], selectionText: 'goverment', linkURL: '', editFlags: flags },
      actions,
    );
    const onLink = buildContextMenuTemplate(
      { isEditable: false, misspelledWord: '', dictionarySuggestions: [], selectionText: '', linkURL: 'https://example.com/story', editFlags: { ...flags, canCut: false, canPaste: false, canCopy: false } },
      actions,
    );
    await tab.setViewportSize({ width: 900, height: 320 });
    const panel = (title: string, items: Item[], platform: NodeJS.Platform) =>
      `<section class="panel"><h2>${escape(title)}</h2><ul>${itemsHtml(items, platform)}</ul></section>`;
    await tab.setContent(
      page(
        `<h1>Right-click in the editor on a misspelt word, and on a link</h1><div class="bar">${panel('Linux: “goverment”', spelling, 'linux')}${panel(
          'macOS: “goverment”',
          spelling,
          'darwin',
        )}${panel('On a link', onLink, 'linux')}</div>`,
        'linux',
      ),
    );
    await expect(tab.locator('.panel').first().locator('.label')).toHaveText(['government', 'governments', 'governmental', 'Add to Dictionary', 'Cut', 'Copy', 'Paste', 'Select All']);
    await expect(tab.locator('.panel').nth(2).locator('.label')).toHaveText(['Copy Link', 'Select All']);
    await tab.screenshot({ path: `${SCREENS}/menus-context.png`, fullPage: true });
  });
});
