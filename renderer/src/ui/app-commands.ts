import { useLayoutEffect, useRef } from 'react';
import type { MenuCommand } from '../../../shared/ipc/events';

/**
 * The application menu's commands, routed to the components that already do the same thing for a
 * button or a shortcut. Each component registers its own action (useAppCommand) rather than this
 * module knowing about them, so a command runs exactly the code its button runs, and a command
 * whose component is not on screen (no open article, say) finds nobody and does nothing.
 */
interface Registration {
  run(): void;
  enabled(): boolean;
}

const registrations = new Map<MenuCommand, Set<Registration>>();

/** Runs every enabled action registered for the command; false when there was none. */
export function runAppCommand(command: MenuCommand): boolean {
  let ran = false;
  for (const registration of [...(registrations.get(command) ?? [])]) {
    if (!registration.enabled()) continue;
    registration.run();
    ran = true;
  }
  return ran;
}

/**
 * Registers `run` for a menu command while the calling component is mounted (and `enabled`). The
 * latest `run` is used, so callers pass their ordinary callbacks without memoising them. A layout
 * effect, so a desk mounted by a command (switching to it with flushSync) can take that command.
 */
export function useAppCommand(command: MenuCommand, run: () => void, enabled = true): void {
  const runRef = useRef(run);
  runRef.current = run;
  const enabledRef = useRef(enabled);
  enabledRef.current = enabled;
  useLayoutEffect(() => {
    const registration: Registration = { run: () => runRef.current(), enabled: () => enabledRef.current };
    const set = registrations.get(command) ?? new Set<Registration>();
    registrations.set(command, set);
    set.add(registration);
    return () => {
      set.delete(registration);
    };
  }, [command]);
}
