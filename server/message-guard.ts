import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/** Hocuspocus closes the connection with this code and reason when a hook throws it. */
export class RefusedMessage extends Error {
  constructor(readonly code: number, readonly reason: string) {
    super(reason);
  }
}

export const MALFORMED = 4400;

/** The longest close reason a websocket frame carries (RFC 6455: 123 bytes of UTF-8); ws throws on a longer one. */
const CLOSE_REASON_BYTES = 123;

/** `reason`, cut to fit a websocket close frame (with an ellipsis when cut). */
export function closeReason(reason: string): string {
  if (Buffer.byteLength(reason) <= CLOSE_REASON_BYTES) return reason;
  let kept = '';
  for (const char of reason) {
    if (Buffer.byteLength(kept + char) > CLOSE_REASON_BYTES - Buffer.byteLength('…')) break;
    kept += char;
  }
  return `${kept}…`;
}
export const TOO_LARGE = 4413;

// Hocuspocus message types a client may send (see @hocuspocus/common): sync, awareness, auth,
// query-awareness, sync reply, stateless, close. Broadcast-stateless and sync-status are the
// server's to send.
const CLIENT_MESSAGE_TYPES = new Set([0, 1, 2, 3, 4, 5, 7]);
const SYNC_STEP_1 = 0;

/**
 * Checks one message from a client before Hocuspocus applies it, and returns the Yjs update it
 * carries (to be written ahead), or null. Hocuspocus itself logs and swallows an update that fails
 * half-way through `applyUpdate`, which can leave part of it in the document: every update is
 * decoded in full here first, and a message that does not decode is refused and never applied.
 */
export function checkClientMessage(data: Uint8Array, maxUpdateBytes: number): Uint8Array | null {
  try {
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (!CLIENT_MESSAGE_TYPES.has(type)) throw new RefusedMessage(MALFORMED, `Unknown message type ${type}.`);
    if (type !== 0 && type !== 4) return null;
    const step = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (step === SYNC_STEP_1) {
      Y.decodeStateVector(payload);
      return null;
    }
    if (payload.byteLength > maxUpdateBytes) {
      throw new RefusedMessage(TOO_LARGE, `Update of ${payload.byteLength} bytes refused (limit ${maxUpdateBytes}).`);
    }
    Y.decodeUpdate(payload);
    return payload;
  } catch (error) {
    if (error instanceof RefusedMessage) throw error;
    throw new RefusedMessage(MALFORMED, 'Malformed update refused.');
  }
}
