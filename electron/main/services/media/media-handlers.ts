import type { mediaChannels } from '../../../../shared/ipc/media-contract';
import type { Photo } from '../../../../shared/model/photo';
import type { Handlers } from '../../ipc/dispatcher';
import type { SettingsService } from '../settings/settings-service';
import { FORMAT_EXTENSIONS } from './paths';
import { createPhotoTrashHandlers, type PhotoTrashServices } from './photo-trash-handlers';
import { importRemoteImage, type RemoteImageOptions } from './remote-image-import';
import type { MediaLibrary } from './types';

export type MediaHandlers = Pick<Handlers, keyof typeof mediaChannels>;

/** The trash's handlers (photo-trash-handlers.ts) also look through drafts and videos for uses. */
export interface MediaHandlerServices extends PhotoTrashServices {
  media: MediaLibrary;
  settings: Pick<SettingsService, 'get'>;
  /** The system's open dialog for photos; [] when it was closed without a choice. */
  chooseFiles: () => Promise<string[]>;
  /** The system's save dialog, starting at `suggestedName`; null when it was closed without a choice. */
  chooseSavePath: (suggestedName: string) => Promise<string | null>;
  /** How pasted web pictures are fetched (remote-image-download.ts); the defaults when absent. */
  remoteImages?: RemoteImageOptions;
}

/** The media:* channels, over the photo library and the system's file dialogs. */
export function createMediaHandlers({ media, settings, chooseFiles, chooseSavePath, drafts, videos, remoteImages }: MediaHandlerServices): MediaHandlers {
  return {
    ...createPhotoTrashHandlers({ media, drafts, videos }),
    'media:list': (query) => media.list(query),
    'media:get': ({ id }) => media.get(id),
    'media:getMany': ({ ids }) => media.getMany(ids),
    'media:chooseAndImport': async () => {
      const paths = await chooseFiles();
      return paths.length === 0 ? null : media.importPaths(paths);
    },
    'media:beginImport': ({ names }) => media.beginImport(names),
    'media:addFile': async ({ jobId, index, bytes }) => {
      await media.addFile(jobId, index, bytes);
      return null;
    },
    'media:skipFile': ({ jobId, index, reason }) => {
      media.skipFile(jobId, index, reason);
      return null;
    },
    'media:importFromUrl': (request) => importRemoteImage(media, request, { ...remoteImages, maxBytes: settings.get().limits.importMaxBytes }),
    'media:importStatus': ({ jobId }) => media.status(jobId),
    'media:cancelImport': ({ jobId }) => media.cancel(jobId),
    'media:update': ({ id, metadata }) => media.update(id, metadata),
    'media:updateMany': ({ ids, changes }) => media.updateMany(ids, changes),
    'media:restoreMetadata': ({ items }) => media.restoreMetadata(items),
    'media:exportCopy': async ({ id }) => {
      const photo = await media.get(id);
      const path = await chooseSavePath(exportFileName(photo));
      if (path === null) return null;
      await media.exportCopy(id, path, { writeXmp: settings.get().photoDesk.writeXmpOnExport });
      return { path };
    },
  };
}

/** The name the save dialog suggests: the imported name, with the extension of what the file really is. */
export function exportFileName(photo: Pick<Photo, 'fileName' | 'format'>): string {
  // Separators are replaced: a name sent by a window must not steer the dialog to another folder.
  // Leading dots would make a hidden file (".._.._.ssh_authorized_keys.jpg").
  const base = photo.fileName.replace(/[\\/]/g, '_').replace(/\.[A-Za-z0-9]{1,5}$/, '').replace(/^[.\s]+/, '').trim() || 'photo';
  return `${base}.${FORMAT_EXTENSIONS[photo.format]}`;
}
