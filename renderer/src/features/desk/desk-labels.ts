import type { DeskStatus } from '../../../../shared/model/desk';

export type ConnectionTone = 'ok' | 'warn' | 'pending' | 'off';

export interface ConnectionLabel {
  /** What the chip says, short enough for one line of the status strip. */
  text: string;
  tone: ConnectionTone;
  /** The longer sentence for the tooltip and screen readers (adds the server, the user, a message). */
  detail: string;
}

const stories = (n: number) => `${n} ${n === 1 ? 'story' : 'stories'}`;

/** The connection to the desk in the words the status strip and Preferences › Desk use. */
export function connectionLabel(status: DeskStatus | null): ConnectionLabel {
  if (!status) return { text: 'Desk…', tone: 'pending', detail: 'Reading the desk connection.' };
  const deskName = status.desk?.name ?? status.serverUrl ?? 'the desk';
  const note = status.message ? ` ${status.message}` : '';
  switch (status.state) {
    case 'signed-out':
      return { text: 'Signed out', tone: 'off', detail: `Not signed in to a desk: stories stay on this machine.${note}` };
    case 'connecting':
      return { text: 'Connecting…', tone: 'pending', detail: `Connecting to ${deskName}.${note}` };
    case 'connected':
      return {
        text: `Connected to ${deskName}`,
        tone: 'ok',
        detail: `Connected to ${deskName}${status.user ? ` as ${status.user.name}` : ''}.${note}`,
      };
    case 'offline': {
      const pending = status.unsyncedStories > 0 ? ` (${stories(status.unsyncedStories)})` : '';
      return {
        text: `Offline — changes will sync${pending}`,
        tone: 'warn',
        detail: `${deskName} cannot be reached. Keep working: changes are kept here and sync when it is back${pending}.${note}`,
      };
    }
  }
}

/** Signed in (connected, connecting or offline): the desk's own actions (share, archive search) apply. */
export function isSignedIn(status: DeskStatus | null): status is DeskStatus & { state: 'connected' | 'connecting' | 'offline' } {
  return status !== null && status.state !== 'signed-out';
}
