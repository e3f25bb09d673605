import { crc32 } from 'node:zlib';

/**
 * The bytes of a story document on disk. Two files per document part:
 * - `<part>.ysnap`: the whole document (Y.encodeStateAsUpdate) as one record, replaced atomically
 *   (temp file + rename) when the log is compacted;
 * - `<part>.ylog`: every update applied since, appended one record each and flushed (fsync) before
 *   the update is acknowledged.
 * Both start with a magic line and hold records of [length u32 LE][crc32 u32 LE][payload]. A crash
 * mid-append leaves a torn last record, which is dropped on load (it was never acknowledged); a bad
 * record with more data after it is damage, not a crash, and the file is quarantined.
 */

export const LOG_MAGIC = Buffer.from('NDYLOG1\n', 'latin1');
export const SNAPSHOT_MAGIC = Buffer.from('NDYSNP1\n', 'latin1');
const HEADER_BYTES = 8;

/** No update of a story is this large (the contract refuses over 10 MB); a length beyond it is damage. */
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;

export function encodeRecord(payload: Uint8Array): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(payload.byteLength, 0);
  header.writeUInt32LE(crc32(payload), 4);
  return Buffer.concat([header, payload]);
}

export type ReadOutcome =
  | { kind: 'ok'; records: Uint8Array[]; validBytes: number; tornTail: boolean }
  | { kind: 'corrupt'; records: Uint8Array[]; reason: string };

/**
 * The records of a log or snapshot file. `validBytes` is where the good records end: after a torn
 * tail, the file is cut back to it before anything is appended again.
 */
export function readRecords(bytes: Buffer, magic: Buffer): ReadOutcome {
  if (bytes.length === 0) return { kind: 'ok', records: [], validBytes: 0, tornTail: false };
  if (bytes.length < magic.length) {
    // A crash while the very first bytes went down: the magic itself is torn.
    return magic.subarray(0, bytes.length).equals(bytes)
      ? { kind: 'ok', records: [], validBytes: 0, tornTail: true }
      : { kind: 'corrupt', records: [], reason: 'It is not a Newsdesk story document (unknown header).' };
  }
  if (!bytes.subarray(0, magic.length).equals(magic)) {
    return { kind: 'corrupt', records: [], reason: 'It is not a Newsdesk story document (unknown header).' };
  }
  const records: Uint8Array[] = [];
  let offset = magic.length;
  while (offset < bytes.length) {
    const remaining = bytes.length - offset;
    if (remaining < HEADER_BYTES) return { kind: 'ok', records, validBytes: offset, tornTail: true };
    const length = bytes.readUInt32LE(offset);
    const checksum = bytes.readUInt32LE(offset + 4);
    if (length > MAX_RECORD_BYTES) {
      return { kind: 'corrupt', records, reason: `Record ${records.length + 1} claims ${length} bytes, more than any change can hold.` };
    }
    const end = offset + HEADER_BYTES + length;
    if (end > bytes.length) return { kind: 'ok', records, validBytes: offset, tornTail: true };
    const payload = bytes.subarray(offset + HEADER_BYTES, end);
    if (crc32(payload) !== checksum) {
      // The last record with a wrong sum is a write the crash cut short (its sectors half on disk);
      // one with good records after it was damaged after it was written.
      if (end === bytes.length) return { kind: 'ok', records, validBytes: offset, tornTail: true };
      return { kind: 'corrupt', records, reason: `Record ${records.length + 1} fails its checksum, with more records after it.` };
    }
    records.push(new Uint8Array(payload));
    offset = end;
  }
  return { kind: 'ok', records, validBytes: offset, tornTail: false };
}

export function encodeSnapshot(state: Uint8Array): Buffer {
  return Buffer.concat([SNAPSHOT_MAGIC, encodeRecord(state)]);
}
