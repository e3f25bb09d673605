import { CONTROL_OR_META, isExactShortcutMatch } from 'lexical';
import { useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import type { MenuCommand } from '../../shared/ipc/events';
import { App } from './App';
import { onAppEvent } from './api/newsdesk';
import { deskForCommand, type Desk } from './features/desktop/command-desks';
import { reportMenuState } from './features/desktop/menu-state';
import { PreferencesHost } from './features/desktop/PreferencesHost';
import { runAppCommand, useAppCommand } from './ui/app-commands';
import { ICON_PATHS } from './ui/components/Icon';
import { FeedsDesk } from './features/feeds/FeedsDesk';
import { carriesFiles, filesFromDataTransfer } from './features/photos/import-files';
import { ImportPanel } from './features/photos/ImportPanel';
import { LibraryView } from './features/photos/LibraryView';
import { countPhotos } from './features/photos/photo-display';
import { LibraryChangesContext, type LibraryChanges } from './features/photos/library-changes';
import { useImportRuns } from './features/photos/useImportRuns';
import { OutboxBadge } from './features/publishing/OutboxBadge';
import { OutboxProvider } from './features/publishing/OutboxContext';
import { OutboxDesk } from './features/publishing/OutboxDesk';
import { SEND_PATH } from './features/publishing/PublishActions';
import { useNotify } from './ui/components/Toasts';
import { MOD } from './ui/shortcuts';

const DESKS: { id: Desk; label: string; key: string; icon: string }[] = [
  { id: 'articles', label: 'Articles', key: '1', icon: 'M5 3h10v14H5zM7.5 7h5M7.5 10h5M7.5 13h3' },
  { id: 'photos', label: 'Photos', key: '2', icon: 'M3 5h14v11H3zM3 13l4-4 4 4 2-2 4 4M13 8.5h.01' },
  { id: 'feeds', label: 'Feeds', key: '3', icon: ICON_PATHS.feeds },
  { id: 'outbox', label: 'Outbox', key: '4', icon: SEND_PATH },
];

/** Typing "/" in these is text, not the search shortcut. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || (target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'checkbox');
}

/**
 * The window: a rail to switch between the drafting desk, the photo library and the feeds' board,
 * each mounted the first time it shows and kept mounted after (an open draft is never unloaded),
 * and the window-wide drop target that imports pictures.
 */
export function Shell() {
  const notify = useNotify();
  const [desk, setDesk] = useState<Desk>('articles');
  const [libraryOpened, setLibraryOpened] = useState(false);
  const [feedsOpened, setFeedsOpened] = useState(false);
  const [outboxOpened, setOutboxOpened] = useState(false);
  const [dropping, setDropping] = useState(false);
  const imports = useImportRuns();
  const [arrivedElsewhere, photosArrived] = useReducer((n: number) => n + 1, 0);
  const [edited, photosEdited] = useReducer((n: number) => n + 1, 0);
  const libraryChanges = useMemo<LibraryChanges>(
    () => ({ arrived: imports.libraryVersion + arrivedElsewhere, edited, photosArrived, photosEdited }),
    [imports.libraryVersion, arrivedElsewhere, edited],
  );
  const librarySearchRef = useRef<HTMLInputElement>(null);
  const deskRef = useRef(desk);
  deskRef.current = desk;

  const show = (next: Desk) => {
    setDesk(next);
    if (next === 'photos') setLibraryOpened(true);
    if (next === 'feeds') setFeedsOpened(true);
    if (next === 'outbox') setOutboxOpened(true);
  };

  // Registered once, in a layout effect, so it runs before the drafting desk's own window listener:
  // while the library shows, its search shortcut must reach the library's box, not the hidden one.
  useLayoutEffect(() => {
    const focusSearch = () => {
      librarySearchRef.current?.focus();
      librarySearchRef.current?.select();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const target = DESKS.find((d) => isExactShortcutMatch(event, d.key, CONTROL_OR_META));
      if (target) {
        event.preventDefault();
        event.stopImmediatePropagation();
        setDesk(target.id);
        if (target.id === 'photos') setLibraryOpened(true);
        if (target.id === 'feeds') setFeedsOpened(true);
        if (target.id === 'outbox') setOutboxOpened(true);
        return;
      }
      if (deskRef.current === 'feeds' && isExactShortcutMatch(event, 'n', CONTROL_OR_META)) {
        setDesk('articles'); // the drafting desk starts the new article
        return;
      }
      if (deskRef.current !== 'photos') return;
      if (isExactShortcutMatch(event, 'f', { ...CONTROL_OR_META, shiftKey: true }) || (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTextEntry(event.target))) {
        event.preventDefault();
        event.stopImmediatePropagation();
        focusSearch();
      } else if (isExactShortcutMatch(event, 'n', CONTROL_OR_META)) {
        setDesk('articles'); // the drafting desk starts the new article
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);

  // The application menu: the desk a command belongs to comes to the front (as with its shortcut),
  // then whichever component does that command runs it (ui/app-commands.ts).
  const runMenuCommand = (command: MenuCommand) => {
    if (command === 'article:find' && deskRef.current === 'photos') {
      librarySearchRef.current?.focus();
      librarySearchRef.current?.select();
      return;
    }
    const target = deskForCommand(command, deskRef.current);
    // Synchronously, so a desk mounted by this switch has registered its commands before they run.
    if (target && target !== deskRef.current) flushSync(() => show(target));
    runAppCommand(command);
  };
  const runMenuCommandRef = useRef(runMenuCommand);
  runMenuCommandRef.current = runMenuCommand;
  useEffect(() => onAppEvent('menu:command', ({ command }) => runMenuCommandRef.current(command)), []);
  useEffect(() => onAppEvent('article:open', () => show('articles')), []);
  useAppCommand('photo:import', () => void imports.importFromDisk());
  useEffect(() => reportMenuState({ view: desk }), [desk]);

  // Pictures dropped anywhere the editor does not take them go into the library.
  useEffect(() => {
    const onDragOver = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      if (event.defaultPrevented) return setDropping(false); // a drop target inside (the editor) takes it
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      setDropping(true);
    };
    const onDragLeave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDropping(false); // left the window
    };
    const onDrop = (event: DragEvent) => {
      setDropping(false);
      if (event.defaultPrevented || !carriesFiles(event.dataTransfer)) return;
      event.preventDefault(); // never let the page navigate to a dropped file
      const { files } = filesFromDataTransfer(event.dataTransfer);
      if (files.length === 0) return;
      void imports.importDropped(files).then((job) => {
        const arrived = job?.items.filter((item) => item.state === 'imported').length ?? 0;
        if (arrived > 0 && deskRef.current !== 'photos') {
          notify(`Added ${countPhotos(arrived)} to the library.`, { action: { label: 'Show', run: () => show('photos') } });
        }
      });
    };
    // Pictures pasted while the library shows (outside its text boxes) are imported too.
    const onPaste = (event: ClipboardEvent) => {
      if (deskRef.current !== 'photos' || event.defaultPrevented || isTextEntry(event.target)) return;
      const { files } = filesFromDataTransfer(event.clipboardData);
      if (files.length === 0) return;
      event.preventDefault();
      void imports.importDropped(files);
    };
    window.addEventListener('paste', onPaste);
    window.addEventListener('dragenter', onDragOver);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('paste', onPaste);
      window.removeEventListener('dragenter', onDragOver);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [imports.importDropped, notify]);

  const onRailKeyDown = (event: ReactKeyboardEvent<HTMLElement>) => {
    const at = DESKS.findIndex((d) => d.id === desk);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: DESKS.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = DESKS[(to + DESKS.length) % DESKS.length]!.id;
    show(next);
    document.getElementById(`nd-desk-tab-${next}`)?.focus();
  };

  return (
    <LibraryChangesContext.Provider value={libraryChanges}>
      <OutboxProvider onShowOutbox={() => show('outbox')}>
        <div className="nd-shell">
          <nav className="nd-rail" aria-label="Desks">
            <div className="nd-rail__tabs" role="tablist" aria-orientation="vertical" onKeyDown={onRailKeyDown}>
              {DESKS.map((d) => (
                <button
                  key={d.id}
                  id={`nd-desk-tab-${d.id}`}
                  type="button"
                  role="tab"
                  className="nd-rail__tab"
                  aria-selected={desk === d.id}
                  aria-controls={`nd-desk-${d.id}`}
                  tabIndex={desk === d.id ? 0 : -1}
                  title={`${d.label} (${MOD}${d.key})`}
                  onClick={() => show(d.id)}
                >
                  <svg width={20} height={20} viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth={1.6} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
                    <path d={d.icon} />
                  </svg>
                  <span>{d.label}</span>
                  {d.id === 'outbox' && <OutboxBadge />}
                </button>
              ))}
            </div>
          </nav>
          <div id="nd-desk-articles" role="tabpanel" aria-labelledby="nd-desk-tab-articles" className="nd-shell__desk" hidden={desk !== 'articles'}>
            <App />
          </div>
          <div id="nd-desk-photos" role="tabpanel" aria-labelledby="nd-desk-tab-photos" className="nd-shell__desk" hidden={desk !== 'photos'}>
            {libraryOpened && <LibraryView imports={imports} searchRef={librarySearchRef} />}
          </div>
          <div id="nd-desk-feeds" role="tabpanel" aria-labelledby="nd-desk-tab-feeds" className="nd-shell__desk" hidden={desk !== 'feeds'}>
            {feedsOpened && <FeedsDesk active={desk === 'feeds'} />}
          </div>
          <div id="nd-desk-outbox" role="tabpanel" aria-labelledby="nd-desk-tab-outbox" className="nd-shell__desk" hidden={desk !== 'outbox'}>
            {outboxOpened && <OutboxDesk />}
          </div>
          <PreferencesHost onEditCreditStyle={() => runMenuCommand('photo:edit-credit-style')} />
          <ImportPanel runs={imports.runs} onCancel={imports.cancel} onDismiss={imports.dismiss} />
          {dropping && (
            <div className="nd-drop-overlay" aria-hidden="true">
              <p>Drop pictures to add them to the photo library</p>
            </div>
          )}
        </div>
      </OutboxProvider>
    </LibraryChangesContext.Provider>
  );
}
