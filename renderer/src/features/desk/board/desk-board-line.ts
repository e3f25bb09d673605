import type { DeskStatus } from '../../../../../shared/model/desk';

export interface DeskBoardLine {
  title: string;
  detail: string;
  tone: 'ok' | 'warn' | 'pending';
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What the strip above the board says; null when no desk is signed in (the board is this machine's). */
export function deskBoardLine(status: DeskStatus | null, counts: { desk: number; local: number }): DeskBoardLine | null {
  if (!status || status.state === 'signed-out') return null;
  const deskName = status.desk?.name ?? 'the desk';
  const local = counts.local > 0 ? ` ${count(counts.local, 'local item', 'local items')} stay${counts.local === 1 ? 's' : ''} on this machine.` : '';
  const shared = `${count(counts.desk, 'desk story', 'desk stories')} on this board — their order, pins and timing are the desk’s.`;
  switch (status.state) {
    case 'connected':
      return { title: `Shared board · ${deskName}`, detail: `${shared} Moves show for everyone at once.${local}`, tone: 'ok' };
    case 'connecting':
      return { title: `Shared board · ${deskName} (connecting…)`, detail: `${shared}${local}`, tone: 'pending' };
    case 'offline':
      return { title: `Shared board · ${deskName} (offline)`, detail: `${shared} Your moves are kept here and merge when the desk is back.${local}`, tone: 'warn' };
  }
}
