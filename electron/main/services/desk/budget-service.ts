import { HocuspocusProvider, type HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import {
  BUDGET_MAP, budgetDocumentName, BudgetEntry, mayPlan, membersResponseSchema, planResponseSchema, slotText,
  type DeskMember, type PlanChangeRequest, type PlanRequest,
} from '../../../../shared/desk/budget';
import { rolesOf } from '../../../../shared/desk/roles';
import type { DeskEventName, DeskEvents } from '../../../../shared/model/desk';
import type { AssignmentNotice, BudgetSnapshot } from '../../../../shared/model/desk-budget';
import { messageOf, UserFacingError } from '../../../../shared/model/errors';
import { call } from './desk-api';
import type { SeenAssignmentsStore } from './budget-seen';

/**
 * The desk's story budget on the desktop: the budget document (read-only, the server writes it)
 * on the desk's websocket, the plan and assign calls of the server's HTTP API, and the note when a
 * story is assigned to the person signed in here — in the app always, and as an OS notification
 * where the OS allows one (where it does not, the app says so once).
 */
export interface BudgetLink {
  serverUrl: string;
  token: string;
  deskId: string;
  /** Who is signed in: `roles` as the desk gave them at sign-in (a desk from before has only `role`). */
  user: { id: string; name: string; role: string; roles?: readonly string[] };
  socket: HocuspocusProviderWebsocket;
}

export interface BudgetService {
  /** The desk service calls this when a session starts (with its socket) and when it ends (null). */
  attach(link: BudgetLink | null): void;
  snapshot(): BudgetSnapshot;
  members(): Promise<DeskMember[]>;
  plan(input: PlanRequest): Promise<BudgetEntry>;
  change(storyId: string, change: PlanChangeRequest): Promise<BudgetEntry>;
  close(): void;
}

export interface BudgetServiceOptions {
  fetch?: typeof fetch;
  emit?: <E extends DeskEventName>(event: E, payload: DeskEvents[E]) => void;
  /** Shows the OS notification of an assignment; false when the OS shows none (not supported, not permitted). */
  notifyOs?: (notice: Omit<AssignmentNotice, 'osNotified' | 'note'>) => boolean;
  /** The assignments already told, kept across restarts; in memory only without it. */
  seen?: SeenAssignmentsStore;
}

export const IN_APP_ONLY_NOTE = 'This computer does not show notifications from Newsdesk, so assignments appear here in the app only.';
const NOT_SIGNED_IN = 'Newsdesk is not connected to a desk: sign in under Preferences › Desk to see and plan the budget.';
/** Mirrors the server's rule (server/budget-api.ts), to show the form only to those it accepts. */

interface Live {
  link: BudgetLink;
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Each story's assignment time as first seen, so only a new assignment notifies. Null until the first sync. */
  known: Map<string, string | null> | null;
  /** The assignments to this person already told (from the last run), loading while the budget syncs. */
  told: Promise<Record<string, string> | null>;
}

export function createBudgetService(options: BudgetServiceOptions = {}): BudgetService {
  const fetchImpl = options.fetch ?? fetch;
  const emit = options.emit ?? (() => undefined);
  let live: Live | null = null;
  let saidInAppOnly = false;

  const entriesOf = (doc: Y.Doc): BudgetEntry[] => {
    const list: BudgetEntry[] = [];
    // The server writes this document; an entry of another version's shape is left out, not fatal.
    for (const value of doc.getMap(BUDGET_MAP).values()) {
      const parsed = BudgetEntry.safeParse(value);
      if (parsed.success) list.push(parsed.data);
    }
    return list;
  };

  function notifyAssigned(current: Live, entry: BudgetEntry): void {
    const plan = entry.plan;
    const notice = { storyId: entry.storyId, headline: entry.headline, slot: slotText(plan?.slot ?? null), due: plan?.due ?? null, assignedBy: plan?.assignedBy ?? null };
    let osNotified = false;
    try {
      osNotified = options.notifyOs?.(notice) ?? false;
    } catch {
      osNotified = false;
    }
    const note = !osNotified && !saidInAppOnly ? IN_APP_ONLY_NOTE : null;
    if (note) saidInAppOnly = true;
    if (live === current) emit('desk:assigned', { ...notice, osNotified, note });
  }

  /** Remembers what was told, so a restart neither repeats it nor misses what came while closed. */
  function remember(current: Live): void {
    const seen: Record<string, string> = {};
    for (const [storyId, assignedAt] of current.known ?? []) if (assignedAt !== null) seen[storyId] = assignedAt;
    options.seen?.save({ deskId: current.link.deskId, userId: current.link.user.id, seen }).catch((error: unknown) => {
      console.warn(`The assignments already told could not be written: ${messageOf(error)}`);
    });
  }

  /**
   * The budget has caught up with the desk. With a record from an earlier run, assignments made
   * since (while this app was closed) are told now; without one (the first sign-in here), what the
   * budget holds is taken as known.
   */
  async function caughtUp(current: Live): Promise<void> {
    const told = await current.told;
    if (live !== current || current.known) return;
    const mine = (entry: BudgetEntry): string | null => (entry.plan?.assignee?.id === current.link.user.id ? entry.plan.assignedAt : null);
    const entries = entriesOf(current.doc);
    current.known = new Map(entries.map((entry) => [entry.storyId, mine(entry)]));
    if (told) {
      for (const entry of entries) {
        const assignedAt = mine(entry);
        if (assignedAt !== null && told[entry.storyId] !== assignedAt) notifyAssigned(current, entry);
      }
    }
    remember(current);
    emit('desk:budgetChanged', {});
  }

  function watch(current: Live): void {
    const map = current.doc.getMap(BUDGET_MAP);
    map.observe((event) => {
      emit('desk:budgetChanged', {});
      const known = current.known;
      if (!known) return;
      for (const key of event.keysChanged) {
        const parsed = BudgetEntry.safeParse(map.get(key));
        if (!parsed.success) continue;
        const assignedAt = parsed.data.plan?.assignee?.id === current.link.user.id ? parsed.data.plan.assignedAt : null;
        const before = known.get(key) ?? null;
        known.set(key, assignedAt);
        if (assignedAt !== null && assignedAt !== before) {
          notifyAssigned(current, parsed.data);
          remember(current);
        }
      }
    });
  }

  function attach(link: BudgetLink | null): void {
    if (live) {
      live.provider.destroy();
      live.doc.destroy();
      live = null;
    }
    if (link) {
      const doc = new Y.Doc();
      const told = (options.seen?.load(link.deskId, link.user.id) ?? Promise.resolve(null)).catch(() => null);
      const current: Live = { link, doc, provider: null as unknown as HocuspocusProvider, known: null, told };
      current.provider = new HocuspocusProvider({
        websocketProvider: link.socket,
        name: budgetDocumentName(link.deskId),
        document: doc,
        token: link.token,
        onSynced: () => void caughtUp(current),
      });
      watch(current);
      live = current;
      current.provider.attach();
    }
    emit('desk:budgetChanged', {});
  }

  function signedIn(): BudgetLink {
    if (!live) throw new UserFacingError('forbidden', NOT_SIGNED_IN);
    return live.link;
  }

  const path = (link: BudgetLink, rest: string): string => `api/desks/${encodeURIComponent(link.deskId)}/${rest}`;
  const post = (link: BudgetLink, body: unknown): RequestInit => ({
    method: 'POST',
    headers: { Authorization: `Bearer ${link.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

  return {
    attach,
    snapshot() {
      if (!live) return { state: 'signed-out', deskId: null, me: null, canPlan: false, entries: [] };
      const { link } = live;
      return {
        state: live.known ? 'ready' : 'loading',
        deskId: link.deskId,
        me: { id: link.user.id, name: link.user.name },
        // Any of the user's roles, not only the first: an editor who is also a reporter plans stories.
        canPlan: mayPlan(rolesOf(link.user)),
        entries: entriesOf(live.doc),
      };
    },
    async members() {
      const link = signedIn();
      const answer = await call(fetchImpl, link.serverUrl, path(link, 'members'), { headers: { Authorization: `Bearer ${link.token}` } }, membersResponseSchema);
      return answer.members;
    },
    async plan(input) {
      const link = signedIn();
      return (await call(fetchImpl, link.serverUrl, path(link, 'budget'), post(link, input), planResponseSchema)).entry;
    },
    async change(storyId, change) {
      const link = signedIn();
      return (await call(fetchImpl, link.serverUrl, path(link, `budget/${encodeURIComponent(storyId)}`), post(link, change), planResponseSchema)).entry;
    },
    close: () => attach(null),
  };
}
