import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Where the desk keeps photo bytes: originals and thumbnails, each named by the SHA-256 of its
 * content. The records (who shared what, the metadata) are in the database; this is only bytes.
 * The folder store below is the default; an S3-compatible store implements the same three calls
 * (server/README.md says how).
 */
export interface MediaStore {
  /**
   * Streams `body` in, checking its SHA-256 against `sha256` and its size against `maxBytes`. The
   * blob becomes visible only once complete and checked: nothing is ever stored half.
   */
  put(sha256: string, body: Readable, maxBytes: number): Promise<{ bytes: number }>;
  /** The blob's size, or null when the store does not hold it. */
  size(sha256: string): Promise<number | null>;
  /** A stream of the blob; call size() first (a missing blob throws). */
  read(sha256: string): Readable;
}

export class MediaRefused extends Error {
  constructor(readonly status: 400 | 413, message: string) {
    super(message);
  }
}

/** Counts and hashes what passes, refusing the stream once it exceeds `maxBytes`. */
class HashingLimit extends Transform {
  readonly hash = createHash('sha256');
  bytes = 0;
  constructor(private readonly maxBytes: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null, data?: Buffer) => void): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      done(new MediaRefused(413, tooLarge(this.maxBytes)));
      return;
    }
    this.hash.update(chunk);
    done(null, chunk);
  }
}

export function tooLarge(maxBytes: number): string {
  return `The file is larger than this desk accepts (at most ${formatBytes(maxBytes)}); nothing was stored.`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${bytes} bytes`;
}

/**
 * Blobs in a folder: `<root>/<first two hex digits>/<sha256>`, written to `<root>/incoming/` first,
 * flushed to disk, then renamed into place, so a crash or a refused upload leaves no partial blob
 * under a real name (leftovers in incoming/ are removed at the next start).
 */
export async function openFolderMediaStore(root: string): Promise<MediaStore> {
  const incoming = join(root, 'incoming');
  await rm(incoming, { recursive: true, force: true });
  await mkdir(incoming, { recursive: true });
  const pathOf = (sha256: string): string => join(root, sha256.slice(0, 2), sha256);

  return {
    async put(sha256, body, maxBytes) {
      const temp = join(incoming, `${randomUUID()}.part`);
      const counter = new HashingLimit(maxBytes);
      try {
        await pipeline(body, counter, createWriteStream(temp, { flags: 'wx' }));
        const actual = counter.hash.digest('hex');
        if (actual !== sha256) {
          throw new MediaRefused(400, `The uploaded bytes do not match their SHA-256 (expected ${sha256.slice(0, 12)}…, received ${actual.slice(0, 12)}…): the file was damaged or changed on the way; nothing was stored.`);
        }
        const handle = await open(temp, 'r');
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
        await mkdir(join(root, sha256.slice(0, 2)), { recursive: true });
        // Same name, same bytes: a blob already there is simply replaced by an identical one.
        await rename(temp, pathOf(sha256));
        return { bytes: counter.bytes };
      } finally {
        await rm(temp, { force: true });
      }
    },
    async size(sha256) {
      try {
        return (await stat(pathOf(sha256))).size;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    read: (sha256): ReadStream => createReadStream(pathOf(sha256)),
  };
}
