import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { createStoryDocs, type StoryDocKey, type StoryDocs, type StoryDocsOptions } from '../../../electron/main/services/collab/story-docs';
import type { QuarantinedFile } from '../../../shared/model/library';

export const bodyKey: StoryDocKey = { id: 'story-0001', part: 'body' };

export async function tempLibrary(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-story-docs-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Main's story documents over a library folder, as compose.ts opens them. */
export function storyDocsIn(libraryDir: string, options: Partial<StoryDocsOptions> = {}): { docs: StoryDocs; quarantine: { list: () => QuarantinedFile[] } } {
  const docs = createStoryDocs({ libraryDir, ...options });
  return { docs, quarantine: { list: () => docs.quarantined() } };
}

/** A window's replica of a document: each edit is sent to main and awaited (acknowledged). */
export async function attachWindow(docs: StoryDocs, key: StoryDocKey, session: string) {
  const opened = await docs.open(key, session);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(Buffer.from(opened.state, 'base64')));
  let last: Uint8Array | null = null;
  doc.on('update', (update: Uint8Array) => {
    last = update;
  });
  return {
    doc,
    opened,
    /** Types `text` at the end of the body and resolves once main acknowledged it. */
    async type(text: string): Promise<void> {
      const root = doc.get('root', Y.XmlText);
      root.insert(root.length, text);
      if (last) await docs.apply(key, last, session);
    },
  };
}

export const bodyText = (doc: Y.Doc): string => doc.get('root', Y.XmlText).toString();
