import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { DESK_MEDIA_MAP, deskMediaDocumentName, deskPhotoSchema, type DeskPhoto } from '../../../../shared/desk/photos';
import type { DeskEndpoint } from './desk-photos-api';
import { webSocketUrlOf } from './desk-sync';

/**
 * The desk's live photo list: the read-only document `desk/<desk>/media`, which the server updates
 * the moment a photo is shared, so another machine sees it without asking. Entries that do not
 * parse (a newer server, a damaged record) are left out, never shown half.
 */
export interface DeskPhotoList {
  photos(): DeskPhoto[];
  get(mediaId: string): DeskPhoto | undefined;
  stop(): void;
}

export function followDeskPhotos(endpoint: DeskEndpoint, onChange: () => void): DeskPhotoList {
  const socket = new HocuspocusProviderWebsocket({
    url: webSocketUrlOf(endpoint.serverUrl),
    WebSocketPolyfill: endpoint.network.webSocket(),
    delay: 500,
    factor: 1.5,
    minDelay: 200,
    maxDelay: 10_000,
    maxAttempts: 0,
  });
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: deskMediaDocumentName(endpoint.deskId), document: doc, token: endpoint.token });
  const map = doc.getMap<unknown>(DESK_MEDIA_MAP);
  map.observe(onChange);
  provider.attach();

  const parsed = (value: unknown): DeskPhoto | undefined => {
    const photo = deskPhotoSchema.safeParse(value);
    return photo.success ? photo.data : undefined;
  };
  return {
    photos: () => [...map.values()].flatMap((value) => parsed(value) ?? []).sort((a, b) => b.sharedAt.localeCompare(a.sharedAt)),
    get: (mediaId) => parsed(map.get(mediaId)),
    stop() {
      provider.destroy();
      doc.destroy();
      socket.destroy();
    },
  };
}
