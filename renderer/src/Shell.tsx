import { useCallback, useRef } from 'react';
import { LibraryChangesContext } from './api/library-changes';
import { App } from './App';
import { AssignmentNotices, BudgetView, DeskAuditLogButton, DeskChip } from './features/desk';
import { PreferencesHost } from './features/desktop';
import { FeedsDesk } from './features/feeds';
import { ImportPanel, LibraryView, useImportRuns } from './features/photos';
import { OutboxDesk, OutboxProvider } from './features/publishing';
import { DeskRail } from './shell/DeskRail';
import { useDesks } from './shell/desks';
import { useDeskShortcuts } from './shell/useDeskShortcuts';
import { useLibraryChanges } from './shell/useLibraryChanges';
import { useMenuCommands } from './shell/useMenuCommands';
import { useWindowDrop } from './shell/useWindowDrop';
import { useAppCommand } from './ui/app-commands';

/**
 * The window: a rail to switch between the drafting desk, the photo library and the feeds' board,
 * each mounted the first time it shows and kept mounted after (an open draft is never unloaded),
 * and the window-wide drop target that imports pictures.
 */
export function Shell() {
  const desks = useDesks();
  const { desk, opened, show } = desks;
  const imports = useImportRuns();
  const libraryChanges = useLibraryChanges(imports.libraryVersion);
  const librarySearchRef = useRef<HTMLInputElement>(null);

  useDeskShortcuts(desks, librarySearchRef);
  const runMenuCommand = useMenuCommands(desks, librarySearchRef);
  useAppCommand('photo:import', () => void imports.importFromDisk());
  const dropping = useWindowDrop(desks, imports.importDropped);
  const showBudget = useCallback(() => show('budget'), [show]);

  return (
    <LibraryChangesContext.Provider value={libraryChanges}>
      <OutboxProvider onShowOutbox={() => show('outbox')}>
        <div className="nd-shell">
          <DeskRail desk={desk} show={show} />
          <div id="nd-desk-articles" role="tabpanel" aria-labelledby="nd-desk-tab-articles" className="nd-shell__desk" hidden={desk !== 'articles'}>
            <App />
          </div>
          <div id="nd-desk-photos" role="tabpanel" aria-labelledby="nd-desk-tab-photos" className="nd-shell__desk" hidden={desk !== 'photos'}>
            {opened.photos && <LibraryView imports={imports} searchRef={librarySearchRef} />}
          </div>
          <div id="nd-desk-feeds" role="tabpanel" aria-labelledby="nd-desk-tab-feeds" className="nd-shell__desk" hidden={desk !== 'feeds'}>
            {opened.feeds && <FeedsDesk active={desk === 'feeds'} />}
          </div>
          <div id="nd-desk-outbox" role="tabpanel" aria-labelledby="nd-desk-tab-outbox" className="nd-shell__desk" hidden={desk !== 'outbox'}>
            {opened.outbox && <OutboxDesk />}
          </div>
          <div id="nd-desk-budget" role="tabpanel" aria-labelledby="nd-desk-tab-budget" className="nd-shell__desk" hidden={desk !== 'budget'}>
            {opened.budget && <BudgetView />}
          </div>
          <AssignmentNotices onShowBudget={showBudget} />
          <footer className="nd-shell__status" aria-label="Desk connection">
            <DeskChip />
            <DeskAuditLogButton />
          </footer>
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
