import type { Extension, onLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import * as Y from 'yjs';

export interface DeskPersistenceHooks {
  /** The stored state of a document (a Yjs update), or null for a new one. */
  fetch(documentName: string): Promise<Uint8Array | null>;
  /** Keeps what the document holds now; each kind of document encodes what it keeps itself. */
  store(documentName: string, document: Y.Doc): Promise<void>;
}

/**
 * Loading and storing documents: the two hooks of Hocuspocus's Database extension, without the
 * full encode of the document it makes before every store. The desk's stores encode what they
 * keep themselves (a story folds its live state with its write-ahead rows), and most documents
 * Hocuspocus stores are never kept at all: a desk's index, budget and photo list are views rebuilt
 * from the archive, stored after every change the server makes to them. Those unused encodes were
 * the largest item in a profile of the desk under 100 editors, and each one blocks the event loop
 * every keystroke goes through.
 */
export function deskPersistence(hooks: DeskPersistenceHooks): Extension {
  return {
    async onLoadDocument({ documentName, document }: onLoadDocumentPayload) {
      const stored = await hooks.fetch(documentName);
      if (stored) Y.applyUpdate(document, stored);
    },
    async onStoreDocument({ documentName, document }: onStoreDocumentPayload) {
      await hooks.store(documentName, document);
    },
  };
}
