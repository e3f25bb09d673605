import { Database, type DatabaseConfiguration } from '@hocuspocus/extension-database';
import type { onChangePayload } from '@hocuspocus/server';

/**
 * Hocuspocus's Database extension, told which documents the desk keeps. The extension encodes the
 * whole document before every store; most documents Hocuspocus stores are never kept at all: a
 * desk's index, budget and photo list are views rebuilt from the archive, stored after every change
 * the server makes to them. Those unused encodes were the largest item in a profile of the desk
 * under 100 editors, and each one blocks the event loop every keystroke goes through.
 */
export class KeptDocumentsDatabase extends Database {
  constructor(
    configuration: Partial<DatabaseConfiguration>,
    private readonly keeps: (documentName: string) => boolean,
  ) {
    super(configuration);
  }

  override async onStoreDocument(data: onChangePayload): Promise<void> {
    if (this.keeps(data.documentName)) await super.onStoreDocument(data);
  }
}
