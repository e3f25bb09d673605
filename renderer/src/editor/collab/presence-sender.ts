import { applyAwarenessUpdate, encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import { messageOf } from '../../../../shared/model/errors';
import { fromBase64, toBase64 } from './base64';

/**
 * Sends this editor's presence to main, one call at a time: the cursor moves with every keystroke,
 * and moves made while a call is on its way go as one call with the latest state once it is
 * answered (presence is a state, not a log: only the last one matters), so a busy main is not
 * sent, nor the keystroke charged, an encoding per key.
 */
export class PresenceSender {
  private sending = false;
  /** Presence changed while a call was on its way: send the latest once it is answered. */
  private waiting = false;

  constructor(
    private readonly awareness: Awareness,
    private readonly transmit: (update: string) => Promise<unknown>,
    /** False once the connection closed: a waiting send is then dropped. */
    private readonly open: () => boolean,
  ) {}

  send(): void {
    if (this.sending) {
      this.waiting = true;
      return;
    }
    this.sending = true;
    const done = () => {
      this.sending = false;
      if (!this.waiting) return;
      this.waiting = false;
      if (this.open()) this.send();
    };
    const update = toBase64(encodeAwarenessUpdate(this.awareness, [this.awareness.clientID]));
    this.transmit(update).then(done, done);
  }
}

/**
 * Applies presence main announced. Says whether someone new appeared (presence only travels on
 * change, so a newcomer has not heard of this editor yet); unreadable presence is ignored whole.
 */
export function applyRemotePresence(awareness: Awareness, update: string, origin: unknown): 'newcomer' | 'known' | 'ignored' {
  const known = new Set(awareness.getStates().keys());
  try {
    applyAwarenessUpdate(awareness, fromBase64(update), origin);
  } catch (error) {
    console.warn(`Ignored presence that could not be read: ${messageOf(error)}`);
    return 'ignored';
  }
  for (const clientId of awareness.getStates().keys()) if (!known.has(clientId)) return 'newcomer';
  return 'known';
}
