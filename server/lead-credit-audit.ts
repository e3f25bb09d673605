import type * as Y from 'yjs';
import { STORY_META_MAP, type StoryDocumentName } from '../shared/desk/desk-protocol';
import type { AuditRecord } from './audit-log';
import { actorOf, type WorkflowActor } from './story-workflow';

/**
 * Credit edits of a story's lead photo in the audit log. That credit lives in the story's document
 * (`meta.leadPhoto.credit`), which clients write directly, keystroke by keystroke as a field is
 * typed; logging every write would fill the log with "AF", "AFP". So the credit is compared between
 * stored versions (the server stores a document 2 s after its last change) and one entry says who
 * changed it last, from what to what. A new photo placed as lead is not a credit edit: it brings
 * its own credit. Credits of photos inside the body are written with the body's text and stay
 * part of it, as text edits do.
 */

interface Lead {
  photoId: string;
  credit: string;
}

function leadOf(doc: Y.Doc): Lead | null {
  const value: unknown = doc.getMap(STORY_META_MAP).get('leadPhoto');
  if (typeof value !== 'object' || value === null) return null;
  const { photoId, credit } = value as { photoId?: unknown; credit?: unknown };
  return typeof photoId === 'string' && typeof credit === 'string' ? { photoId, credit } : null;
}

const MAX_SHOWN = 200;
const shown = (credit: string): string => (credit.trim() === '' ? '(no credit)' : `“${credit.length > MAX_SHOWN ? `${credit.slice(0, MAX_SHOWN)}…` : credit}”`);

export class LeadCreditWatch {
  /** The lead as last stored (or loaded). */
  private storedLead: Lead | null;
  /** Who last changed the lead's credit since then, as the connection's user. */
  private changedBy: WorkflowActor | null = null;

  constructor(
    private readonly doc: Y.Doc,
    private readonly story: StoryDocumentName,
    private readonly audit: (record: AuditRecord) => void,
  ) {
    this.storedLead = leadOf(doc);
    doc.on('afterTransaction', this.onTransaction);
  }

  detach(): void {
    this.doc.off('afterTransaction', this.onTransaction);
  }

  /** The document was stored: a credit that differs from the last stored one is logged once. */
  onStored(): void {
    const now = leadOf(this.doc);
    const before = this.storedLead;
    const by = this.changedBy;
    this.storedLead = now;
    this.changedBy = null;
    // Another instance's user (through Redis) is logged by that instance, which knows who it was.
    if (!by || !before || !now || before.photoId !== now.photoId || before.credit === now.credit) return;
    this.audit({
      deskId: this.story.deskId, storyId: this.story.storyId, userId: by.userId, userName: by.name, action: 'credit',
      summary: `${by.name} changed the lead photo’s credit from ${shown(before.credit)} to ${shown(now.credit)}`,
      detail: { photoId: now.photoId, from: before.credit, to: now.credit },
    });
  }

  private readonly onTransaction = (transaction: Y.Transaction): void => {
    const actor = actorOf(transaction.origin);
    const meta = this.doc.getMap(STORY_META_MAP) as unknown as Parameters<Y.Transaction['changed']['get']>[0];
    if (!actor || !transaction.changed.get(meta)?.has('leadPhoto')) return;
    const lead = leadOf(this.doc);
    if (lead && this.storedLead && lead.photoId === this.storedLead.photoId && lead.credit !== this.storedLead.credit) this.changedBy = actor;
  };
}
