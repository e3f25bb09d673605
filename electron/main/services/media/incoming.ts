import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { checkCancelled } from '../cancellation';
import { ImportFailure, importCancelled, importMessages } from './import-errors';
import { messageOf } from '../../../../shared/model/errors';

/** A file copied into the library's incoming folder, with the SHA-256 of its bytes (its photo id). */
export interface IncomingFile {
  path: string;
  id: string;
  bytes: number;
}

const READ_CHUNK_BYTES = 1024 * 1024;

function incomingPath(incomingDir: string): string {
  return join(incomingDir, `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}.part`);
}

/**
 * Copies the file at `source` into `incomingDir`, hashing the bytes as they stream through: the
 * file is read once and never held whole in memory. The copy is flushed to disk, so it can later
 * be renamed into the library as is. Problems with the source become an ImportFailure.
 */
export async function receiveFromPath(
  incomingDir: string,
  source: string,
  name: string,
  signal: AbortSignal,
  maxBytes: number,
): Promise<IncomingFile> {
  const info = await stat(source).catch((error: unknown) => {
    throw sourceError(name, error);
  });
  if (info.isDirectory()) throw new ImportFailure(importMessages.folder(name));
  // A FIFO or device would block the read forever (or never end); only plain files are imported.
  if (!info.isFile()) throw new ImportFailure(importMessages.notRegular(name));
  if (info.size === 0) throw new ImportFailure(importMessages.empty(name));
  if (info.size > maxBytes) throw new ImportFailure(importMessages.tooLarge(name, maxBytes));

  const target = incomingPath(incomingDir);
  const hash = createHash('sha256');
  let bytes = 0;
  const output = await open(target, 'wx');
  try {
    const input = createReadStream(source, { highWaterMark: READ_CHUNK_BYTES, signal });
    try {
      for await (const chunk of input as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        // The file may grow while it is read; the limit holds for what is actually copied.
        if (bytes > maxBytes) throw new ImportFailure(importMessages.tooLarge(name, maxBytes));
        hash.update(chunk);
        await writeAll(output, chunk).catch((error: unknown) => {
          throw new ImportFailure(importMessages.notStored(name, error));
        });
      }
    } catch (error) {
      input.destroy();
      checkCancelled(signal, importCancelled);
      throw error instanceof ImportFailure ? error : sourceError(name, error);
    }
    if (bytes === 0) throw new ImportFailure(importMessages.empty(name));
    await output.sync();
  } catch (error) {
    await output.close().catch(() => undefined);
    await rm(target, { force: true });
    throw error;
  }
  await output.close();
  return { path: target, id: hash.digest('hex'), bytes };
}

/** Writes bytes a window sent (a drop or paste) into `incomingDir`, hashing them on the way. */
export async function receiveBytes(incomingDir: string, data: Uint8Array, name: string, maxBytes: number): Promise<IncomingFile> {
  if (data.byteLength === 0) throw new ImportFailure(importMessages.empty(name));
  if (data.byteLength > maxBytes) throw new ImportFailure(importMessages.tooLarge(name, maxBytes));
  const id = createHash('sha256').update(data).digest('hex');
  const target = incomingPath(incomingDir);
  const output = await open(target, 'wx');
  try {
    await output.writeFile(data);
    await output.sync();
  } catch (error) {
    await output.close().catch(() => undefined);
    await rm(target, { force: true });
    throw new ImportFailure(importMessages.notStored(name, error));
  }
  await output.close();
  return { path: target, id, bytes: data.byteLength };
}

async function writeAll(handle: FileHandle, chunk: Buffer): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
    offset += bytesWritten;
  }
}

function sourceError(name: string, error: unknown): ImportFailure {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new ImportFailure(importMessages.missing(name));
    case 'EISDIR':
      return new ImportFailure(importMessages.folder(name));
    case 'EACCES':
    case 'EPERM':
      return new ImportFailure(importMessages.notAllowed(name));
    default:
      return new ImportFailure(importMessages.unreadable(name, describeCode(error)));
  }
}

export function describeCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? messageOf(error);
}
