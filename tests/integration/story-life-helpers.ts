import { join } from 'node:path';
import { openCorrectionsStore } from '../../electron/main/services/corrections/corrections-log';
import { openOutbox, type Outbox } from '../../electron/main/services/publishing/outbox/outbox';
import { createStoryLifeHandlers } from '../../electron/main/services/publishing/story-life-handlers';
import type { LexicalDocument } from '../../shared/model/article';
import type { PublishingDesk } from './wordpress-publish-helpers';

/** The desk's retract and corrections channels over its real stores, with a real outbox running its publisher. */
export async function openStoryLife(desk: PublishingDesk, clock = { timeZone: 'Europe/Paris' }) {
  const outbox: Outbox = await openOutbox({ dir: join(desk.dir, 'library', 'publishing', 'outbox'), publisher: desk.publisher, retry: { baseMs: 50, capMs: 200 } });
  const corrections = openCorrectionsStore(join(desk.dir, 'library'), { clock });
  const handlers = createStoryLifeHandlers({
    drafts: desk.drafts,
    media: desk.media,
    board: desk.board,
    settings: desk.settings,
    targets: desk.targets,
    records: desk.records,
    clocks: desk.http.clocks,
    outbox,
    corrections,
    deskClock: clock,
    now: () => new Date(),
  });
  return { outbox, corrections, handlers, close: () => outbox.close() };
}

const text = (value: string) => ({ type: 'text', version: 1, text: value, format: 0, detail: 0, mode: 'normal', style: '' });
const paragraph = (value: string) => ({ type: 'paragraph', version: 1, format: '', indent: 0, direction: null, children: [text(value)] });

/** A body of plain paragraphs. */
export function plainBody(...paragraphs: string[]): LexicalDocument {
  return { root: { type: 'root', version: 1, format: '', indent: 0, direction: null, children: paragraphs.map(paragraph) } };
}
