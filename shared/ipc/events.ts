import { z } from 'zod';
import { ArticleId } from '../model/article';
import { DeskPresence, DeskStatus, StoryChange, type DeskEventName, type DeskEvents } from '../model/desk';
import { ImportJob } from '../model/media-library';
import { AssignmentNotice } from '../model/desk-budget';

/**
 * What main may tell a window, the other direction of the contract: event → payload schema. The
 * preload forwards only these names (EVENT_NAMES in channels.ts); the renderer validates each
 * payload against this table before acting on it.
 */

/** Commands of the application menu and its accelerators, sent to the focused window. */
export const MENU_COMMANDS = [
  'article:new',
  'article:import-from-site',
  'article:save',
  'article:find',
  'article:preview',
  'article:check',
  'article:history',
  'article:publish',
  'article:export-html',
  'article:export-ninjs',
  'article:open-in-window',
  'article:trash',
  'photo:import',
  'photo:insert',
  'photo:edit-credit-style',
  'photo:delete',
  'view:articles',
  'view:photos',
  'view:feeds',
  'view:outbox',
  'view:budget',
  'app:preferences',
] as const;
export const MenuCommand = z.enum(MENU_COMMANDS);
export type MenuCommand = z.infer<typeof MenuCommand>;

export const appEvents = {
  /** A menu item or its accelerator was chosen while this window had focus. */
  'menu:command': z.object({ command: MenuCommand }).strict(),
  /** Open this article (File › Open Recent, a notification's click, the OS recent list). */
  'article:open': z.object({ articleId: ArticleId }).strict(),
  /** The OS or the setting switched between light and dark. */
  'theme:changed': z.object({ dark: z.boolean() }).strict(),
  /**
   * The window is being closed (or the app quit) while its page holds unsaved work: save it now and
   * answer with 'app:savedBeforeClose' and this requestId. Main then closes the window, or asks the
   * person what to do when the save failed.
   */
  'app:saveBeforeClose': z.object({ requestId: z.number().int().min(1) }).strict(),
  /**
   * What the outbox shows changed (a job's state or progress, a job added or cleared, a site
   * unreachable or back): read 'outbox:list' again. Sent to every window, at most a few times a
   * second; a window that was not listening catches up by reading when it gains focus.
   */
  'outbox:changed': z.object({}).strict(),
  /**
   * These drafts were created, saved, trashed, restored or replaced (in any window, or by main):
   * lists read again, and an editor showing one of them checks whether its text is still current.
   * Sent to every window, coalesced like 'outbox:changed'; a window catches up on focus.
   */
  'drafts:changed': z.object({ ids: z.array(ArticleId) }).strict(),
  /**
   * An import job's state (files started, imported, failed), sent to every window while it runs,
   * coalesced, and always once it finished; the window that follows the job ignores other jobs.
   */
  'media:importProgress': ImportJob,
  /** A story document main holds changed (another window's editor, the desk, or main itself). */
  'story:updated': StoryChange,
  /** Presence in a story document changed (cursors, selections, names): a y-protocols awareness update. */
  'story:awarenessChanged': StoryChange,
  /** The desk connection changed (signed in or out, connected, offline, unsynced stories). */
  'desk:statusChanged': DeskStatus,
  /** Who is in which story now (for the draft list), sent when it changes. */
  'desk:presence': DeskPresence,
  /** The desk's budget changed (a plan, an assignment, a story's words or status): read 'budget:read' again. */
  'desk:budgetChanged': z.object({}).strict(),
  /** A story was assigned to the person signed in here (also an OS notification where allowed). */
  'desk:assigned': AssignmentNotice,
  /** Someone on the desk moved, pinned, timed or removed a desk story on the board: read 'board:get' again. */
  'desk:boardChanged': z.object({}).strict(),
} as const;

export type AppEvent = keyof typeof appEvents;

/** The desk's events as main's services name them are exactly the contract's (this fails to compile otherwise). */
export type DeskEventsMatchContract = [DeskEvents, { [E in DeskEventName]: z.output<(typeof appEvents)[E]> }] extends [
  { [E in DeskEventName]: z.output<(typeof appEvents)[E]> },
  DeskEvents,
]
  ? true
  : never;
export const DESK_EVENTS_MATCH: DeskEventsMatchContract = true;
export type AppEventPayload<E extends AppEvent> = z.output<(typeof appEvents)[E]>;

export function isAppEvent(name: unknown): name is AppEvent {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(appEvents, name);
}
