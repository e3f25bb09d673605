import { useEffect, useRef, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { MenuCommand } from '../../../shared/ipc/events';
import { reportMenuState } from '../api/menu-state';
import { onAppEvent } from '../api/newsdesk';
import { deskForCommand } from '../features/desktop';
import { runAppCommand } from '../ui/app-commands';
import type { Desks } from './desks';

/**
 * The application menu: the desk a command belongs to comes to the front (as with its shortcut),
 * then whichever component does that command runs it (ui/app-commands.ts). Also tells main which
 * desk shows, for the menu items that depend on it. Returns the runner, for in-page menu items.
 */
export function useMenuCommands({ desk, deskRef, show }: Desks, librarySearchRef: RefObject<HTMLInputElement | null>): (command: MenuCommand) => void {
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
  useEffect(() => reportMenuState({ view: desk }), [desk]);
  return runMenuCommand;
}
