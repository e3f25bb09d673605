import type { ImportJob } from '../../../shared/model/media-library';
import { call, onAppEvent, request } from './newsdesk';
import { onWindowResync } from './window-resync';
/** The contract takes at most this many files in one import. */
export const MAX_FILES_PER_IMPORT = 1000;
/** The longest file name the contract accepts. */
const MAX_NAME_LENGTH = 500;

/** Dropped entries the OS reported as folders (a File object stands for them, but has no bytes). */
const droppedFolders = new WeakSet<File>();

export interface DroppedFiles {
  /** Everything dropped as a file, folders included: they are reported as failed with the reason. */
  files: File[];
  /** The names of the dropped folders, for a message. */
  folderNames: string[];
}

/** True while a drag carries files (not text or a link), so a drop target can light up. */
export function carriesFiles(transfer: DataTransfer | null): boolean {
  return Boolean(transfer && Array.from(transfer.types).includes('Files'));
}

/**
 * The files of a drop or paste. Call it inside the event handler: the browser empties the
 * DataTransfer's items once the event is over. Folders are recognised where the browser can tell
 * (webkitGetAsEntry); elsewhere their read fails in importFiles and is reported the same way.
 */
export function filesFromDataTransfer(transfer: DataTransfer | null): DroppedFiles {
  const files: File[] = [];
  const folderNames: string[] = [];
  if (!transfer) return { files, folderNames };
  const items = Array.from(transfer.items ?? []).filter((item) => item.kind === 'file');
  if (items.length === 0) return { files: Array.from(transfer.files ?? []), folderNames };
  for (const item of items) {
    const file = item.getAsFile();
    if (!file) continue;
    if (item.webkitGetAsEntry?.()?.isDirectory) {
      droppedFolders.add(file);
      folderNames.push(file.name);
    }
    files.push(file);
  }
  return { files, folderNames };
}

export interface ImportOptions {
  /** Called with the job each time main reports on it ('media:importProgress', a few times a second). */
  onProgress?(job: ImportJob): void;
  /** Aborting cancels the import: files not yet started are dropped, finished ones stay. */
  signal?: AbortSignal;
}

const nameOf = (file: File, index: number): string => (file.name.trim() || `Pasted image ${index + 1}`).slice(0, MAX_NAME_LENGTH);

/** Reads one file's bytes, or says in words why it cannot be imported. */
async function readFile(file: File): Promise<Uint8Array<ArrayBuffer> | string> {
  if (droppedFolders.has(file)) return `“${file.name}” is a folder. Open it and drop the pictures inside it instead.`;
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch {
    return `“${file.name}” could not be read. It may be a folder, or it was moved or deleted after it was dropped.`;
  }
}

/**
 * Hands the files to main one at a time (so a large batch never sits in memory at once). Every
 * index gets either its bytes or a reason, so the job can finish; on abort main drops the rest.
 */
async function sendFiles(jobId: string, files: readonly File[], signal: AbortSignal | undefined): Promise<void> {
  for (const [index, file] of files.entries()) {
    if (signal?.aborted) return;
    const bytes = await readFile(file);
    if (signal?.aborted) return;
    if (typeof bytes === 'string') {
      await request('media:skipFile', { jobId, index, reason: bytes });
      continue;
    }
    const sent = await call('media:addFile', { jobId, index, bytes });
    if (!sent.ok && !signal?.aborted) await request('media:skipFile', { jobId, index, reason: sent.error.message.slice(0, 500) });
  }
}

/**
 * The job's state until it finished, from main's 'media:importProgress' events. It is also read
 * once after listening starts (the job may have finished before that) and whenever the window may
 * have missed events (focus, visible again), so a lost event cannot leave the import hanging.
 */
function untilFinished(start: ImportJob, onProgress: ((job: ImportJob) => void) | undefined): Promise<ImportJob> {
  return new Promise<ImportJob>((resolve, reject) => {
    let latest = start;
    let done = false;
    const stops: (() => void)[] = [];
    const take = (job: ImportJob): void => {
      if (done || job.jobId !== start.jobId) return;
      // A read answered after a newer event must not move the bar back: items only move forward.
      if (settledCount(job) < settledCount(latest)) return;
      latest = job;
      onProgress?.(job);
      if (!job.finished) return;
      done = true;
      for (const stop of stops) stop();
      resolve(job);
    };
    const read = (): void => {
      request('media:importStatus', { jobId: start.jobId }).then(take, (error: unknown) => {
        if (done) return;
        done = true;
        for (const stop of stops) stop();
        reject(error instanceof Error ? error : new Error('Newsdesk stopped answering about this import.'));
      });
    };
    stops.push(onAppEvent('media:importProgress', take), onWindowResync(read));
    read();
  });
}

const settledCount = (job: ImportJob): number => job.items.filter((item) => item.state !== 'waiting' && item.state !== 'importing').length;

/**
 * Imports files the page holds (dropped or pasted) into the media library: starts a job with their
 * names, sends each file's bytes, and reports progress until main has settled every file. Resolves
 * with the finished job (per-file errors are on its items); rejects only when the import could not
 * start or main stopped answering, with a message a person can read.
 */
export async function importFiles(files: readonly File[], options: ImportOptions = {}): Promise<ImportJob> {
  const { onProgress, signal } = options;
  if (files.length === 0) throw new Error('There are no files to import.');
  if (files.length > MAX_FILES_PER_IMPORT) {
    throw new Error(`At most ${MAX_FILES_PER_IMPORT.toLocaleString('en')} files can be imported at once, and ${files.length.toLocaleString('en')} were given. Import them in smaller batches.`);
  }
  let job = await request('media:beginImport', { names: files.map(nameOf) });
  const { jobId } = job;
  onProgress?.(job);

  const cancel = () => void call('media:cancelImport', { jobId });
  if (signal?.aborted) cancel();
  signal?.addEventListener('abort', cancel, { once: true });

  // A failure while sending must not leave files waiting for bytes forever: cancel the rest.
  const sending = sendFiles(jobId, files, signal).catch((error: unknown) => {
    cancel();
    throw error;
  });
  sending.catch(() => {}); // awaited below; this only keeps an early failure from being reported as unhandled

  try {
    // Main settles every file once it has its bytes or its reason, so the job finishes after sending.
    job = await untilFinished(job, onProgress);
    await sending;
    return job;
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}

/** Follows an import main started itself (the system file picker) until every file has settled. */
export async function followImport(start: ImportJob, options: ImportOptions = {}): Promise<ImportJob> {
  const { onProgress, signal } = options;
  const { jobId } = start;
  const cancel = () => void call('media:cancelImport', { jobId });
  signal?.addEventListener('abort', cancel, { once: true });
  onProgress?.(start);
  try {
    return await untilFinished(start, onProgress);
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}
