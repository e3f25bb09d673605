import * as Y from 'yjs';
import { STORY_BODY_ROOT, STORY_META_MAP, type StoryDocumentName } from '../shared/desk/desk-protocol';
import { isCaptionRootName } from '../shared/desk/lexical-yjs-layout';
import { hasRole, type DeskRole } from '../shared/desk/roles';
import {
  checkMove, DESK_STATUS_LABELS, DeskStatus, deskStatusOf, STORY_WORKFLOW_MAP, textChangeReopens,
  type MoveCheck, type WorkflowNote,
} from '../shared/desk/workflow';
import type { AuditRecord } from './audit-log';

/** Who made a change: a signed-in user with the roles the database gave them when they connected. */
export interface WorkflowActor {
  userId: string;
  name: string;
  roles: readonly DeskRole[];
}

type ChangedKey = Parameters<Y.Transaction['changed']['get']>[0];

/** The origin of the server's own corrections, so they are not judged as a client's change. */
const SERVER_ORIGIN = { workflow: 'desk-server' };

/**
 * Hocuspocus applies a client's update with its Connection as the transaction origin, and the
 * connection carries the context onAuthenticate returned (the user and their roles). Loading,
 * Redis (another instance, which checked it) and the server itself have no such context.
 */
export function actorOf(origin: unknown): WorkflowActor | null {
  const context = (origin as { context?: { user?: { userId: string; name: string }; roles?: DeskRole[] } } | null)?.context;
  if (!context?.user || !context.roles) return null;
  return { userId: context.user.userId, name: context.user.name, roles: context.roles };
}

const label = (status: DeskStatus): string => DESK_STATUS_LABELS[status].toLowerCase();

/**
 * Keeps one loaded story document's status honest. Clients write the document directly (that is
 * how Yjs works, offline included), so a status a user may not set arrives like any other edit: it
 * is applied and then undone by the server's own later write, which every client receives and
 * keeps (the later write wins in Yjs). Refusing the update instead would not work: the client's
 * copy still holds the change and sends it again at every reconnect, together with its real edits.
 * A text change to an approved or scheduled story sends it back to review, saying who changed it.
 */
export class StoryWorkflow {
  /** The status the workflow has allowed; the document is brought back to it when a client strays. */
  private accepted: DeskStatus;
  private note: WorkflowNote | null;
  private correcting = false;
  /** Names of the document's root types, by type (see rootName). */
  private readonly rootNames = new WeakMap<object, string>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly story: StoryDocumentName,
    private readonly audit: (record: AuditRecord) => void,
  ) {
    this.accepted = deskStatusOf(this.meta().get('status'));
    this.note = this.readNote();
    doc.on('afterTransaction', this.onTransaction);
  }

  detach(): void {
    this.doc.off('afterTransaction', this.onTransaction);
  }

  get status(): DeskStatus {
    return this.accepted;
  }

  get lastNote(): WorkflowNote | null {
    return this.note;
  }

  /** A move asked for through the desk's API: the same rules as a change in the document. */
  move(actor: WorkflowActor, to: string): MoveCheck {
    const parsed = DeskStatus.safeParse(to);
    const check = parsed.success ? checkMove(actor, this.accepted, parsed.data) : { allowed: false as const, reason: `"${to.slice(0, 40)}" is not a status.` };
    if (!check.allowed) {
      this.refused(actor, String(to), check.reason);
      return check;
    }
    this.accept(actor, parsed.data as DeskStatus);
    this.correct();
    return check;
  }

  /**
   * A story went out: a publisher's publish moves it to published from approved or scheduled. The
   * log names the target and, when the publisher's machine says it, the post's address there.
   */
  published(actor: WorkflowActor, target: string, url?: string): MoveCheck {
    if (!hasRole(actor, 'publisher')) {
      const reason = 'Only a publisher may publish a desk story.';
      this.audit(this.record(actor, 'publish-refused', `${actor.name} was refused publishing to ${target}: ${reason}`));
      return { allowed: false, reason };
    }
    if (this.accepted !== 'published') {
      const check = checkMove(actor, this.accepted, 'published');
      if (!check.allowed) {
        this.audit(this.record(actor, 'publish-refused', `${actor.name} was refused publishing to ${target}: ${check.reason}`));
        return check;
      }
      this.accepted = 'published';
      this.note = { by: actor.name, at: new Date().toISOString(), note: `Published to ${target} by ${actor.name}` };
      this.correct();
    }
    const where = url ? `${target} (${url})` : target;
    this.audit(this.record(actor, 'published', `${actor.name} published to ${where}`, { target, ...(url ? { url } : {}) }));
    return { allowed: true };
  }

  private readonly onTransaction = (transaction: Y.Transaction): void => {
    const actor = actorOf(transaction.origin);
    if (!actor) {
      // Loaded, from another instance, or the server's own write: that is the story's state now.
      this.accepted = deskStatusOf(this.meta().get('status'));
      this.note = this.readNote();
      return;
    }
    let strayed = transaction.changed.has(this.asChangedKey(this.workflowMap()));
    if (transaction.changed.get(this.asChangedKey(this.meta()))?.has('status')) {
      const raw: unknown = this.meta().get('status');
      const parsed = DeskStatus.safeParse(raw);
      if (!parsed.success || parsed.data !== this.accepted) {
        const check = parsed.success ? checkMove(actor, this.accepted, parsed.data) : { allowed: false as const, reason: `"${String(raw).slice(0, 40)}" is not a status.` };
        if (check.allowed) this.accept(actor, parsed.data as DeskStatus);
        else this.refused(actor, String(raw), check.reason);
        strayed = true;
      }
    } else if (textChangeReopens(this.accepted) && this.textChanged(transaction)) {
      const from = this.accepted;
      this.accepted = 'ready';
      const note = `Back to review: ${actor.name} changed the text after it was ${label(from)}`;
      this.note = { by: actor.name, at: new Date().toISOString(), note };
      this.audit(this.record(actor, 'reopened', note, { from, to: 'ready' }));
      strayed = true;
    }
    // Not inside this transaction's observers: Yjs runs a write made there out of order.
    if (strayed) queueMicrotask(() => this.correct());
  };

  private accept(actor: WorkflowActor, to: DeskStatus): void {
    const from = this.accepted;
    this.accepted = to;
    this.note = { by: actor.name, at: new Date().toISOString(), note: `${DESK_STATUS_LABELS[to]} (${actor.name})` };
    this.audit(this.record(actor, 'status', `${actor.name}: ${DESK_STATUS_LABELS[from]} → ${DESK_STATUS_LABELS[to]}`, { from, to }));
  }

  private refused(actor: WorkflowActor, to: string, reason: string): void {
    this.audit(this.record(actor, 'status-refused', `${actor.name} was refused setting the story ${to.slice(0, 40)}: ${reason}`, { from: this.accepted, to: to.slice(0, 40) }));
  }

  /** Writes the accepted status and note back into the document where a client changed them. */
  private correct(): void {
    if (this.correcting) return;
    this.correcting = true;
    try {
      this.doc.transact(() => {
        const meta = this.meta();
        if (meta.get('status') !== this.accepted) meta.set('status', this.accepted);
        const map = this.workflowMap();
        const wanted: Record<string, string> = this.note ? { ...this.note } : {};
        for (const key of [...map.keys()]) if (!(key in wanted)) map.delete(key);
        for (const [key, value] of Object.entries(wanted)) if (map.get(key) !== value) map.set(key, value);
      }, SERVER_ORIGIN);
    } finally {
      this.correcting = false;
    }
  }

  private record(actor: WorkflowActor, action: AuditRecord['action'], summary: string, detail: Record<string, unknown> = {}): AuditRecord {
    return { deskId: this.story.deskId, storyId: this.story.storyId, userId: actor.userId, userName: actor.name, action, summary, detail };
  }

  private readNote(): WorkflowNote | null {
    const map = this.workflowMap();
    const [by, at, note] = [map.get('by'), map.get('at'), map.get('note')];
    return typeof by === 'string' && typeof at === 'string' && typeof note === 'string' ? { by, at, note } : null;
  }

  private meta(): Y.Map<unknown> {
    return this.doc.getMap(STORY_META_MAP);
  }

  private workflowMap(): Y.Map<unknown> {
    return this.doc.getMap(STORY_WORKFLOW_MAP);
  }

  /** The types as a transaction's `changed` maps key them (Yjs types them by the base class). */
  private asChangedKey(type: object): ChangedKey {
    return type as unknown as ChangedKey;
  }

  /**
   * Whether the story's text changed: its body, or a photo caption, which is a shared text of its
   * own beside the body (caption:<id>), so a caption edit is not a change inside the body. Only the
   * transaction's changed types are looked at (a story gains a root per caption, so walking every
   * root on each edit would grow with the photos). A change anywhere inside a root puts the root in
   * `changedParentTypes`; a caption the server never asked for by its type is a plain type, which
   * Yjs records in `changed` (its own items) but not in `changedParentTypes`: both are looked at.
   */
  private textChanged(transaction: Y.Transaction): boolean {
    for (const types of [transaction.changedParentTypes.keys(), transaction.changed.keys()]) {
      for (const type of types) {
        if (type._item !== null) continue; // not a root of the document
        const name = this.rootName(type);
        if (name !== undefined && (name === STORY_BODY_ROOT || isCaptionRootName(name))) return true;
      }
    }
    return false;
  }

  /** A root type's name; the cache is refilled when a root is new (a caption added, a plain type given its class). */
  private rootName(type: object): string | undefined {
    const known = this.rootNames.get(type);
    if (known !== undefined) return known;
    for (const [name, root] of this.doc.share) this.rootNames.set(root, name);
    return this.rootNames.get(type);
  }
}
