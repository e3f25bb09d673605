import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportJob } from '../../shared/model/media-library';
import { Photo } from '../../shared/model/photo';
import { DEFAULT_CREDIT_STYLE, type CreditStyle } from '../../shared/model/settings';
import { openMediaLibrary, type MediaLibraryOptions } from '../../electron/main/services/media/media-library';
import { FORMAT_EXTENSIONS } from '../../electron/main/services/media/paths';
import type { MediaLibrary } from '../../electron/main/services/media/types';
import { makeBaseImage, type BaseImageOptions } from './photo-fixtures';
import type { PhotoFormat } from '../../shared/model/photo';

/** Shared set-up of the media library tests: temp folders, small pictures, and a consistency check. */

export async function tempDir(prefix = 'newsdesk-media-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export interface TestLibrary {
  library: MediaLibrary;
  root: string;
  errors: unknown[];
  style: { current: CreditStyle };
}

/** Opens a library in `root` with the default house style; unexpected background errors are collected. */
export async function openTestLibrary(root: string, options: Partial<MediaLibraryOptions> = {}): Promise<TestLibrary> {
  const errors: unknown[] = [];
  const style = { current: DEFAULT_CREDIT_STYLE };
  const library = await openMediaLibrary(root, {
    creditStyle: () => style.current,
    onBackgroundError: (error) => errors.push(error),
    ...options,
  });
  return { library, root, errors, style };
}

/** A small picture (fast to import); different seeds give different bytes. */
export async function makeImage(dir: string, name: string, seed: number, format: PhotoFormat = 'jpeg', size: BaseImageOptions = {}): Promise<string> {
  const path = join(dir, name);
  await makeBaseImage(path, format, { width: 96, height: 64, seed, ...size });
  return path;
}

export async function importAndWait(library: MediaLibrary, paths: readonly string[]): Promise<ImportJob> {
  return library.whenFinished(library.importPaths(paths).jobId);
}

export async function importBytes(library: MediaLibrary, files: readonly { name: string; bytes: Uint8Array }[]): Promise<ImportJob> {
  const job = library.beginImport(files.map((file) => file.name));
  for (const [index, file] of files.entries()) await library.addFile(job.jobId, index, file.bytes);
  return library.whenFinished(job.jobId);
}

export async function bytesOf(path: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(path));
}

export interface LibraryFolders {
  records: string[];
  originals: string[];
  thumbnails: string[];
  incoming: string[];
}

export async function listFolders(root: string): Promise<LibraryFolders> {
  const list = (name: string) => readdir(join(root, name)).then((names) => names.sort(), () => [] as string[]);
  const [records, originals, thumbnails, incoming] = await Promise.all(['photos', 'originals', 'thumbnails', 'incoming'].map(list));
  return { records: records!, originals: originals!, thumbnails: thumbnails!, incoming: incoming! };
}

/**
 * Every record validates and has its original and thumbnail; no original or thumbnail is without
 * a record; nothing is left in incoming/. Returns the problems found ([] when consistent).
 */
export async function consistencyProblems(root: string): Promise<string[]> {
  const folders = await listFolders(root);
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const name of folders.records) {
    const parsed = Photo.safeParse(JSON.parse(await readFile(join(root, 'photos', name), 'utf8')));
    if (!parsed.success) {
      problems.push(`${name} does not validate: ${parsed.error.issues[0]?.message}`);
      continue;
    }
    const photo = parsed.data;
    ids.add(photo.id);
    if (!folders.originals.includes(`${photo.id}.${FORMAT_EXTENSIONS[photo.format]}`)) problems.push(`${name} has no original`);
    if (!folders.thumbnails.includes(`${photo.id}.jpg`)) problems.push(`${name} has no thumbnail`);
  }
  for (const name of [...folders.originals, ...folders.thumbnails]) {
    if (!ids.has(name.split('.')[0]!)) problems.push(`${name} has no record`);
  }
  for (const name of folders.incoming) problems.push(`incoming/${name} was left behind`);
  return problems;
}
