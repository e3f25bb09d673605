import { CONTROL_OR_META, isExactShortcutMatch } from 'lexical';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { CheckIssueView } from '../../../../shared/model/publish-check';
import type { Article } from '../../../../shared/model/article';
import type { NinjsVersion } from '../../../../shared/model/publishing';
import { messageOf, request } from '../../api/newsdesk';
import { useAppCommand } from '../../ui/app-commands';
import { useNotify } from '../../ui/components/Toasts';
import { MOD, SHIFT } from '../../ui/shortcuts';
import { CardMenu, type MenuEntry } from '../../ui/components/CardMenu';
import { PublishPanel, type PublishTimeSlot } from './PublishPanel';

/**
 * Ctrl/Cmd+Shift+Enter: "send it". Ctrl/Cmd+Shift+P was the natural pick but already inserts a
 * photo in the editor, and Ctrl/Cmd+Alt+P shows the preview.
 */
const PUBLISH_SHORTCUT = { ...CONTROL_OR_META, shiftKey: true };
export const PUBLISH_SHORTCUT_LABEL = `${MOD}${SHIFT}Enter`;

interface PublishActionsProps {
  article: Article;
  /** Saves what is being typed; false when it could not be saved. */
  save(): Promise<boolean>;
  /** The drafting desk's pane: the shortcut only works while it shows. */
  paneRef: RefObject<HTMLElement | null>;
  onShowIssue(issue: CheckIssueView): void;
  /** The story's publish time, shown in the panel (the feeds feature's board section, handed in from above). */
  publishTime?: PublishTimeSlot;
}

/** An arrow leaving a tray, drawn like the app's other icons (20×20, currentColor). */
export function SendGlyph({ size = 16 }: { size?: number }) {
  return (
    <svg className="nd-icon" width={size} height={size} viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth={1.6} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={SEND_PATH} />
    </svg>
  );
}
export const SEND_PATH = 'M10 13V3M6 7l4-4 4 4M3 12v5h14v-5';

/** The drafting desk's "Publish…" button and its Export menu, with the panel they open. */
export function PublishActions({ article, save, paneRef, onShowIssue, publishTime }: PublishActionsProps) {
  const notify = useNotify();
  const [panelOpen, setPanelOpen] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const articleId = article.id;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isExactShortcutMatch(event, 'Enter', PUBLISH_SHORTCUT)) return;
      if (paneRef.current?.offsetParent === null || document.querySelector('dialog[open]')) return;
      // Caught before the editor, where Shift+Enter would break the line.
      event.preventDefault();
      event.stopImmediatePropagation();
      setPanelOpen(true);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [paneRef]);

  const exportAs = useCallback(
    async (kind: 'html' | NinjsVersion) => {
      try {
        if (!(await save())) throw new Error('the article could not be saved first. Fix the problem shown under the text, then try again');
        const saved = kind === 'html' ? await request('export:html', { articleId }) : await request('export:ninjs', { articleId, version: kind });
        if (!saved) return; // the save dialog was closed
        notify(`Saved ${kind === 'html' ? 'the HTML' : `the ninjs ${kind} document`} to ${saved.path}`);
      } catch (error) {
        notify(`The export did not work: ${messageOf(error)}`, { tone: 'error' });
      }
    },
    [articleId, notify, save],
  );

  useAppCommand('article:publish', () => setPanelOpen(true));
  useAppCommand('article:export-html', () => void exportAs('html'));
  // The menu has one ninjs item: the current version (the Export button offers the older one too).
  useAppCommand('article:export-ninjs', () => void exportAs('3.1'));

  const entries: MenuEntry[] = [
    { label: 'Export HTML…', run: () => void exportAs('html') },
    { label: 'Export ninjs 2.2…', run: () => void exportAs('2.2') },
    { label: 'Export ninjs 3.1…', run: () => void exportAs('3.1') },
  ];

  return (
    <>
      <button ref={menuButton} type="button" className="nd-button" aria-haspopup="menu" aria-expanded={menuOpen} onClick={() => setMenuOpen((open) => !open)}>
        Export <span aria-hidden="true">▾</span>
      </button>
      {menuOpen && <CardMenu label="Export" entries={entries} anchor={menuButton} onClose={() => setMenuOpen(false)} />}
      <button type="button" className="nd-button nd-button--primary" title={`Publish (${PUBLISH_SHORTCUT_LABEL})`} onClick={() => setPanelOpen(true)}>
        <SendGlyph /> Publish…
      </button>
      {panelOpen && (
        <PublishPanel
          articleId={articleId}
          headline={article.headline}
          save={save}
          publishTime={publishTime}
          onClose={() => setPanelOpen(false)}
          onShowIssue={(issue) => {
            setPanelOpen(false);
            // After the dialog has closed and given focus back.
            requestAnimationFrame(() => onShowIssue(issue));
          }}
        />
      )}
    </>
  );
}
