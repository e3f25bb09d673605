import { join } from 'node:path';
import type { Settings } from '../../../shared/model/settings';
import { refOfKey } from '../../../shared/model/placement';
import type { Handlers } from '../ipc/dispatcher';
import { guardWrites } from '../ipc/write-guard';
import { openDraftStore } from './drafts/draft-store';
import { createDraftsHandlers } from './drafts/drafts-handlers';
import type { DraftStore } from './drafts/types';
import { openBoardStore, type BoardStore } from './feeds/board-store';
import { createFeedsHandlers } from './feeds/feeds-handlers';
import { openVideoStore, type VideoStore } from './feeds/video-store';
import { openMediaLibrary } from './media/media-library';
import type { ImportJob } from '../../../shared/model/media-library';
import { createMediaHandlers } from './media/media-handlers';
import { openLibraryAccess, type LibraryAccess } from './library/library-access';
import type { MediaLibrary } from './media/types';
import type { RemoteImageOptions } from './media/remote-image-import';
import { createAppHandlers } from './app/app-handlers';
import { createCollabHandlers } from './collab/collab-handlers';
import { createWindowSessions } from './collab/window-sessions';
import { createStoryDocs, type StoryDocs } from './collab/story-docs';
import { seedStoryBody } from './collab/story-seed';
import { createFileVersions } from './collab/file-versions';
import { replacingStoryDocs, replaceStoryContent } from './collab/story-replace';
import { createDeskHandlers } from './desk/desk-handlers';
import { createDeskWorkflowHandlers } from './desk/desk-workflow-handlers';
import { createDeskWorkflow, type DeskWorkflow } from './desk/desk-workflow';
import { createBudgetHandlers } from './desk/budget-handlers';
import { createBudgetService, type BudgetService } from './desk/budget-service';
import { openSeenAssignments } from './desk/budget-seen';
import type { AssignmentNotice } from '../../../shared/model/desk-budget';
import { openDeskService, type DeskService } from './desk/desk-service';
import { openDeskPhotos, type DeskPhotos } from './desk/desk-photos';
import { createDeskPhotosHandlers } from './desk/desk-photos-handlers';
import type { DeskMention } from './desk/comment-mentions';
import { isDeskOrigin } from './desk/desk-sync';
import { createDeskBoardSync, type DeskBoardSync } from './desk/desk-board-sync';
import { createDeskNetwork, type ResolveProxy } from './desk/desk-network';
import type { SystemCertificates } from './desk/desk-tls';
import { followArticles, type ArticleFollower } from './collab/article-follower';
import { createStoryPresence, type StoryPresence } from './collab/story-presence';
import type { DeskEventName, DeskEvents } from '../../../shared/model/desk';
import { createDesktopHandlers } from './desktop/desktop-handlers';
import { headlessDesktop, type DesktopShell } from './desktop/desktop-shell';
import { createPublishingHandlers } from './publishing/publishing-handlers';
import { openPublishing, type FinishedJob, type OutboxTuning, type PublishingServices } from './compose-publishing';
import type { Outbox } from './publishing/outbox/outbox';
import { createDeskPhotoPrefetch } from './desk/desk-photo-prefetch';
import { createImportHandlers } from './publishing/import/import-handlers';
import type { SecretBox } from './publishing/targets/secret-box';
import { createSettingsService, type KeyValueStore, type SettingsService } from './settings/settings-service';

export type { FinishedJob, OutboxTuning, PublishingServices } from './compose-publishing';

export interface ServiceOptions {
  /** The app's data folder (userData in the app, a temp folder in tests). */
  dataDir: string;
  version: string;
  settingsStore: KeyValueStore;
  /** Opens an https URL in the OS browser (shell.openExternal in the app). */
  openExternal: (url: string) => Promise<void>;
  /** The system's open dialog for photos; [] when it was closed without a choice. */
  chooseFiles: () => Promise<string[]>;
  /** The system's save dialog, starting at `suggestedName`; null when it was closed without a choice. */
  chooseSavePath: (suggestedName: string) => Promise<string | null>;
  /** Encrypts publishing secrets at rest (Electron's safeStorage in the app). */
  secretBox: SecretBox;
  /** How the outbox sends and retries (tests and benchmarks shorten the waits); the defaults otherwise. */
  outbox?: OutboxTuning;
  /** Menus, windows and the recent list; none outside the app. */
  desktop?: DesktopShell;
  /** Called after settings were saved through 'settings:update' (the shell applies theme and spelling). */
  onSettingsChanged?: (settings: Settings) => void;
  /** Called once a publish job is done, failed or cancelled (the shell shows a notification). */
  onJobFinished?: (finished: FinishedJob) => void;
  /** Called when what the outbox shows changed (coalesced): the shell tells every window to read it again. */
  onOutboxChanged?: () => void;
  /** Drafts changed in the store (their ids), coalesced: tell every window. */
  onDraftsChanged?: (ids: string[]) => void;
  /** An import job's state changed (coalesced): tell the windows, which show its progress. */
  onImportProgress?: (job: ImportJob) => void;
  /**
   * Story documents and the desk changed: tell every window (webContents.send in the app, the pages
   * in the browser harness). A window not showing that story ignores it. `madeBy` is the window
   * (webContents id) whose editor made a story change: it holds the change already, so it is not
   * sent the echo, which would cost it a decode per keystroke batch only to drop it.
   */
  onDeskEvent?: <E extends DeskEventName>(event: E, payload: DeskEvents[E], madeBy?: number) => void;
  /** A desk comment mentioned the signed-in person (see desk/comment-mentions.ts). */
  onDeskMention?: (mention: DeskMention) => void;
  /** Shows the OS notification of a story assigned to the person signed in; false where the OS shows none. */
  notifyAssignment?: (notice: Omit<AssignmentNotice, 'osNotified' | 'note'>) => boolean;
  /** What publishing sends HTTP with: Electron's net.fetch in the app; Node's global fetch when absent. */
  fetch?: typeof fetch;
  /**
   * The proxy list the system gives for an address, PAC-style ("PROXY host:port; DIRECT"): Electron's
   * session.resolveProxy in the app. Every connection to the desk goes that way; direct when absent.
   */
  resolveProxy?: ResolveProxy;
  /** The OS store's certificate authorities, which the desk's secure websockets trust besides Node's (desk/desk-tls.ts). */
  systemCertificates?: SystemCertificates | undefined;
  /** How pasted web pictures are fetched; tests allow loopback so a local server can play the web. */
  remoteImages?: RemoteImageOptions;
}

export interface Services {
  handlers: Handlers;
  drafts: DraftStore;
  settings: SettingsService;
  media: MediaLibrary;
  /** The placement board (feeds' order, pins and timing). */
  feeds: BoardStore;
  videos: VideoStore;
  publishing: PublishingServices;
  /** Whether this process may change the library (the library lock; see library/library-access.ts). */
  access: LibraryAccess;
  /** The story documents main holds for the editors attached to them (see collab/story-docs.ts). */
  storyDocs: StoryDocs;
  /** The connection to a desk server: session, shared stories and their sync (see desk/desk-service.ts). */
  desk: DeskService;
  /** The photo handoff: library photos shared to the desk, the desk's photos fetched and placed (see desk/desk-photos.ts). */
  deskPhotos: DeskPhotos;
  /** The desk's story budget (plans, assignments; see desk/budget-service.ts). */
  budget: BudgetService;
  /** Who is in each story, between windows (see collab/story-presence.ts); the desk connection hooks it too. */
  storyPresence: StoryPresence;
  /** A window's page went away (closed, crashed, reloaded): main lets go of the stories it had open. */
  releaseWindow(senderId: number): Promise<void>;
  /**
   * Stops the services and writes what they hold. Never throws: it resolves with a sentence for
   * each thing the disk refused (kept in memory), and calling it again tries those writes again.
   */
  close(): Promise<string[]>;
}

/**
 * Composition of the main-process services and the handler for every contract channel. Plain Node:
 * the Electron shell and the browser test harness both call this, so tests run the real services.
 */
export async function createServices(options: ServiceOptions): Promise<Services> {
  const libraryDir = join(options.dataDir, 'library');
  // Another process with the library open (or a folder that cannot be written) makes this one read-only.
  const stopSending: { outbox?: Outbox } = {};
  const access = await openLibraryAccess(libraryDir, { onReadOnly: () => void stopSending.outbox?.close() });
  try {
    const services = await composeServices(options, libraryDir, access);
    stopSending.outbox = services.publishing.outbox;
    return services;
  } catch (error) {
    await access.close();
    throw error;
  }
}

async function composeServices(options: ServiceOptions, libraryDir: string, access: LibraryAccess): Promise<Services> {
  const readOnly = access.readOnly !== null;
  const settings = createSettingsService(options.settingsStore);
  const drafts = await openDraftStore(libraryDir, { readOnly, storyMaxBytes: () => settings.get().limits.storyMaxBytes, onChanged: options.onDraftsChanged });
  let media: MediaLibrary;
  let feeds: BoardStore;
  let videos: VideoStore;
  let deskBoard: DeskBoardSync;
  // The desk's websockets routed as the system's proxy settings say; its HTTP calls through the app's
  // fetch (Chromium's stack in the app), or routed the same way without one (desk/desk-network.ts).
  const deskNetwork = createDeskNetwork(options.resolveProxy, { httpFetch: options.fetch, systemCertificates: options.systemCertificates });
  const deskLink: { desk?: DeskService } = {};
  try {
    media = await openMediaLibrary(join(libraryDir, 'media'), {
      creditStyle: () => settings.get().photoDesk.credit,
      limits: () => settings.get().limits,
      readOnly,
      onImportProgress: options.onImportProgress,
    });
  } catch (error) {
    await drafts.close();
    throw error;
  }
  try {
    // Unreadable board and video files go where unreadable drafts go: one folder to look in.
    const quarantineDir = join(libraryDir, 'quarantine');
    videos = await openVideoStore(libraryDir, { quarantineDir, readOnly });
    // Desk stories' placements are also the desk's: the board the app uses keeps the desk's board in step.
    deskBoard = createDeskBoardSync({
      board: await openBoardStore(libraryDir, { quarantineDir, readOnly }), deskDir: join(libraryDir, 'desk'), readOnly, network: deskNetwork,
      sharedOf: (id) => deskLink.desk?.sharedOf(id) ?? null, onChanged: () => options.onDeskEvent?.('desk:boardChanged', {}),
    });
    feeds = deskBoard.store;
  } catch (error) {
    await Promise.all([drafts.close(), media.close()]);
    throw error;
  }
  // The outbox opens before the desk connection; the desk's publish check is set once that exists.
  const deskGate: { workflow?: DeskWorkflow } = {};
  let publishing: PublishingServices;
  try {
    publishing = await openPublishing(libraryDir, { drafts, media, feeds, videos, settings, readOnly, deskGate }, options);
  } catch (error) {
    await Promise.all([drafts.close(), media.close(), feeds.close(), videos.close()]);
    throw error;
  }
  const { targets, outbox } = publishing;
  const desktop = options.desktop ?? headlessDesktop;

  // Which window opened each editor session: a window is not sent back the changes it made.
  const windows = createWindowSessions();
  // The article file follows changes no window makes (the desk's, main's) while no window shows the story.
  const follow: { articles?: ArticleFollower } = {};
  const storyDocs = createStoryDocs({
    originOf: (origin) => (isDeskOrigin(origin) ? 'desk' : 'main'),
    libraryDir,
    readOnlyReason: () => access.readOnly?.reason ?? null,
    articleOf: (id) => drafts.get(id).catch(() => null),
    // Until the desk connection exists (it loads its stories while it opens) no story counts as this app's alone.
    ownsStory: (id) => deskLink.desk !== undefined && deskLink.desk.sharedOf(id) === null,
    // A desk change kept in memory only: the desk still has it and sends it again at the next sync.
    onSaveFailed: (key, message) => console.warn(`A change to story ${key.id} (${key.part}) from the desk was not saved: ${message}`),
    onUpdate: (key, update, from) => {
      follow.articles?.changed(key, from);
      options.onDeskEvent?.('story:updated', { id: key.id, part: key.part, from, update: Buffer.from(update).toString('base64') }, windows.madeBy(key, from));
    },
  });
  follow.articles = followArticles({
    docs: storyDocs,
    drafts,
    // The document keeps the change on disk; the file catches up with the next change or reopening.
    onError: (id, message) => console.warn(`The article ${id} could not follow its story document: ${message}`),
    // A window that opened the story meanwhile is told this version is its document's, not a change elsewhere.
    onWritten: (id, updatedAt) => fileVersions.writtenFromDocument(id, updatedAt),
  });
  const storyPresence = createStoryPresence({
    onChange: (key, update, from) =>
      options.onDeskEvent?.('story:awarenessChanged', { id: key.id, part: key.part, from, update: Buffer.from(update).toString('base64') }, windows.madeBy(key, from)),
  });

  const budget = createBudgetService({ fetch: deskNetwork.fetch, emit: options.onDeskEvent, notifyOs: options.notifyAssignment, seen: openSeenAssignments(libraryDir, readOnly) });
  let desk: DeskService;
  try {
    desk = await openDeskService({
      libraryDir, secretBox: options.secretBox, drafts, host: storyDocs, seedBody: (article) => seedStoryBody(storyDocs, article), readOnly, network: deskNetwork, emit: options.onDeskEvent, onMention: options.onDeskMention,
      onLink: (link) => budget.attach(link),
      onSession: (session) => deskBoard.setSession(session),
    });
  } catch (error) {
    publishing.siteExpiry?.stop();
    await Promise.all([drafts.close(), media.close(), feeds.close(), videos.close(), targets.close(), outbox.close()]);
    throw error;
  }
  const deskWorkflow = createDeskWorkflow(desk);
  deskGate.workflow = deskWorkflow;

  const deskPhotos = openDeskPhotos({ desk, media, docs: storyDocs, creditStyle: () => settings.get().photoDesk.credit, libraryDir, network: deskNetwork });
  deskLink.desk = desk;

  const { handlers: collab, releaseWindow } = createCollabHandlers({
    docs: storyDocs,
    presence: storyPresence,
    // "Reload" in an editor whose file changed outside the document: the file's version goes into the document.
    reloadFromFile: async (id) => {
      const article = await drafts.get(id);
      await replaceStoryContent(storyDocs, article);
      return article;
    },
    fileVersionFromDocument: (id, updatedAt) => fileVersions.isFromDocument(id, updatedAt),
    windows,
  });
  // Restores, the site's version and corrections replace the article from outside its document: it follows.
  const fileVersions = createFileVersions({
    getArticle: (id) => drafts.get(id), docs: storyDocs, isShared: (id) => desk.sharedOf(id) !== null, libraryDir, readOnlyReason: () => access.readOnly?.reason ?? null,
  });
  const draftsFromOutside = replacingStoryDocs(drafts, storyDocs, (id, work) => fileVersions.replacing(id, work));
  const draftsHandlers = createDraftsHandlers({ drafts, settings });
  const handlers: Handlers = {
    ...createAppHandlers({
      version: options.version,
      libraryDir,
      access,
      settings,
      board: feeds,
      quarantines: [drafts, media, videos, feeds, targets, outbox, storyDocs],
      openExternal: options.openExternal,
      onSettingsChanged: options.onSettingsChanged,
    }),
    ...createDesktopHandlers({ desktop, drafts }),
    ...draftsHandlers,
    // A window's save: its story document and the file now hold the same version.
    'drafts:save': async (request, caller) => {
      await fileVersions.beforeSave(request.article.id);
      const saved = await draftsHandlers['drafts:save'](request, caller);
      await fileVersions.matched(request.article.id, saved.updatedAt);
      return saved;
    },
    'drafts:restoreRevision': async ({ id, revisionId }) => {
      const restored = await draftsFromOutside.restoreRevision(id, revisionId);
      await fileVersions.matched(restored.id, restored.updatedAt);
      return restored;
    },
    ...createMediaHandlers({ media, settings, drafts, videos, chooseFiles: options.chooseFiles, chooseSavePath: options.chooseSavePath, remoteImages: options.remoteImages }),
    ...createFeedsHandlers({
      board: feeds, videos, drafts, settings,
      beforeTiming: (key) => (refOfKey(key).kind === 'article' ? deskWorkflow.requirePublisher(refOfKey(key).id, 'schedule') : Promise.resolve()),
    }),
    ...createPublishingHandlers({
      drafts: draftsFromOutside, media, board: feeds, videos, settings, ...publishing, chooseSavePath: options.chooseSavePath,
      beforeCheck: createDeskPhotoPrefetch({ desk, deskPhotos, drafts, media }),
    }),
    ...createImportHandlers({ libraryDir, drafts, media, settings, targets: publishing.targets, records: publishing.records, http: publishing.http, remoteImages: options.remoteImages }),
    ...collab,
    // The desk:* channels are the desk connection's; a window's presence also goes to the desk.
    ...createDeskHandlers(desk),
    ...createDeskPhotosHandlers(deskPhotos, desk),
    ...createDeskWorkflowHandlers(deskWorkflow),
    ...createBudgetHandlers(budget),
    'desk:boardStories': () => ({ keys: deskBoard.deskKeys() }),
    'desk:share': async (request) => {
      const shared = await desk.share(request.id);
      // A story shared while placed on this board joins the desk's board at once.
      deskBoard.refresh();
      return shared;
    },
    'story:open': async (request, caller) => {
      await fileVersions.beforeOpen(request.id, request.part);
      return { ...(await collab['story:open'](request, caller)), shared: desk.sharedOf(request.id) };
    },
    'story:awareness': (request, caller) => {
      desk.relayWindowAwareness(request.id, new Uint8Array(Buffer.from(request.update, 'base64')));
      return collab['story:awareness'](request, caller);
    },
  };

  return {
    handlers: guardWrites(handlers, access),
    drafts,
    settings,
    media,
    feeds,
    videos,
    publishing,
    access,
    storyDocs,
    desk,
    deskPhotos,
    budget,
    storyPresence,
    releaseWindow,
    close: async () => {
      try {
        deskPhotos.close();
        await desk.close();
        budget.close();
        // Its connections are the desk's, all ended above; what is left is idle pools.
        await deskNetwork.close().catch(() => undefined);
        // The outbox first: attempts under way stop (their jobs stay queued on disk) before the stores they read close.
        publishing.siteExpiry?.stop();
        await outbox.close();
        storyPresence.close();
        await follow.articles?.close();
        await storyDocs.closeAll();
        await Promise.all([drafts.close(), media.close(), feeds.close(), videos.close(), targets.close()]);
      } finally {
        await access.close();
      }
      const unsaved = outbox.unsaved();
      if (unsaved === 0) return [];
      const jobs = unsaved === 1 ? 'one publishing job' : `${unsaved} publishing jobs`;
      return [
        `The outbox could not save the latest state of ${jobs}: the disk may be full. Free some space and try again; ` +
          'if Newsdesk quits now, the job resumes from its last saved state at the next start.',
      ];
    },
  };
}
