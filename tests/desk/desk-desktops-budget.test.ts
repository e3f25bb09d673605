import { Notification } from '../fakes/electron';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAssignmentNotifier } from '../../electron/main/desktop/assignment-notifications';
import { IN_APP_ONLY_NOTE } from '../../electron/main/services/desk/budget-service';
import type { BudgetEntry, PlanRequest } from '../../shared/desk/budget';
import type { AssignmentNotice } from '../../shared/model/desk-budget';
import { deskServicesSkipReason } from './services/real-services';
import { until } from './support/desk-clients';
import { attachWindow, openDesktop, signIn, startDeskUnderTest, type Desktop, type DeskUnderTest } from './support/desktops';

// The story budget between two app instances on one real desk server (PostgreSQL): Ana, an editor,
// plans and assigns; Bo's desktop shows the plan, is notified, and his typing fills in the words.
const skipReason = deskServicesSkipReason();
if (skipReason) console.warn(`[desk-desktops-budget] skipped: ${skipReason}`);

let desk: DeskUnderTest;
let ana: Desktop;
let bo: Desktop;
const opened: string[] = [];

beforeAll(async () => {
  if (skipReason) return;
  desk = await startDeskUnderTest();
  ana = await openDesktop();
  // Bo's desktop shows OS notifications through the app's own notifier, on the fake that can refuse.
  bo = await openDesktop(undefined, {
    notifyAssignment: createAssignmentNotifier({ Notification, openArticle: (id) => void opened.push(id) }),
  });
  await signIn(ana, desk.url, 'ana');
  await signIn(bo, desk.url, 'bo');
  await until(() => ana.services.budget.snapshot().state === 'ready' && bo.services.budget.snapshot().state === 'ready', 'both budgets synced', 60_000);
}, 180_000);

afterAll(async () => {
  await ana?.close();
  await bo?.close();
  await desk?.close();
}, 60_000);

beforeEach(() => {
  Notification.supported = true;
  Notification.shown = [];
});

const boId = (): string => bo.services.desk.status().user!.id;
const plan = (overrides: Partial<PlanRequest> = {}): PlanRequest => ({
  slug: 'harbour-strike', headline: 'Harbour strike talks', section: 'News', slot: 'News Feed, 14:00', due: '2026-12-07T13:30:00+01:00',
  lengthTarget: 600, assigneeId: boId(), photoRequest: 'photo wanted: pickets at gate 4', deskNote: 'hold for legal', ...overrides,
});
const entryOn = (desktop: Desktop, storyId: string): BudgetEntry | undefined =>
  desktop.services.budget.snapshot().entries.find((entry) => entry.storyId === storyId);
const assignedEvents = (desktop: Desktop): AssignmentNotice[] =>
  desktop.events.filter((entry) => entry.event === 'desk:assigned').map((entry) => entry.payload as AssignmentNotice);

describe.skipIf(skipReason !== null)('the story budget between desktops', () => {
  it('a story planned on one desktop shows on the other with slot, assignee and target; the assignee is notified; the live word count fills in', async () => {
    expect(ana.services.budget.snapshot().canPlan).toBe(true);
    expect(bo.services.budget.snapshot().canPlan).toBe(false);
    const planned = await ana.services.budget.plan(plan());

    await until(() => entryOn(bo, planned.storyId) !== undefined, 'the plan on Bo’s desktop');
    expect(entryOn(bo, planned.storyId)).toMatchObject({
      headline: 'Harbour strike talks', section: 'News', status: 'draft', words: 0, photo: 'wanted',
      plan: { slot: { feed: 'News Feed', time: '14:00' }, lengthTarget: 600, assignee: { id: boId(), name: 'Bo Photo' }, deskNote: 'hold for legal' },
    });

    await until(() => assignedEvents(bo).some((notice) => notice.storyId === planned.storyId), 'the in-app notice on Bo’s desktop');
    expect(assignedEvents(bo).find((notice) => notice.storyId === planned.storyId)).toEqual({
      storyId: planned.storyId, headline: 'Harbour strike talks', slot: 'News Feed, 14:00', due: '2026-12-07T12:30:00.000Z',
      assignedBy: 'Ana Editor', osNotified: true, note: null,
    });
    expect(Notification.shown.map((shown) => shown.options)).toEqual([{ title: 'Assigned to you', body: 'Harbour strike talks — News Feed, 14:00 · from Ana Editor' }]);
    expect(assignedEvents(ana)).toEqual([]);
    Notification.shown[0]!.click();
    expect(opened).toContain(planned.storyId);

    // The planned story is a desk story Bo's library adopts; what he types is counted in Ana's budget.
    await until(() => bo.services.drafts.summaryById(planned.storyId) !== null, 'the planned story in Bo’s draft list');
    const window = await attachWindow(bo.services, planned.storyId, 'bo-budget-window');
    window.doc.get('root', Y.XmlText).insert(0, 'Dock workers met the port authority for six hours on Monday.');
    await until(() => entryOn(ana, planned.storyId)?.words === 11, 'the live word count on Ana’s desktop', 30_000);
    window.detach();
  }, 120_000);

  it('with no notifications permitted the assignment shows in the app only, and says so once', async () => {
    Notification.supported = false;
    const first = await ana.services.budget.plan(plan({ headline: 'Council budget vote', slug: 'council-vote' }));
    const second = await ana.services.budget.plan(plan({ headline: 'Tram line delays', slug: 'tram-delays' }));
    await until(() => [first, second].every((entry) => assignedEvents(bo).some((notice) => notice.storyId === entry.storyId)), 'both in-app notices');
    const notices = assignedEvents(bo).filter((notice) => notice.storyId === first.storyId || notice.storyId === second.storyId);
    expect(notices.map((notice) => notice.osNotified)).toEqual([false, false]);
    expect(notices.map((notice) => notice.note)).toEqual([IN_APP_ONLY_NOTE, null]);
    expect(Notification.shown).toEqual([]);
  }, 120_000);

  it('a story assigned while the assignee’s app was closed is told at its next start, once', async () => {
    const dir = bo.dir;
    await bo.close();
    const whileClosed = await ana.services.budget.plan(plan({ headline: 'Ferry timetable changes', slug: 'ferry-timetable' }));
    const reopen = () => openDesktop(dir, { notifyAssignment: createAssignmentNotifier({ Notification, openArticle: (id) => void opened.push(id) }) });
    bo = await reopen();
    await until(() => assignedEvents(bo).some((notice) => notice.storyId === whileClosed.storyId), 'the assignment told after the restart', 60_000);
    expect(Notification.shown.map((shown) => shown.options.body)).toEqual(['Ferry timetable changes — News Feed, 14:00 · from Ana Editor']);
    // Told once: the next start has nothing new to tell.
    await bo.close();
    bo = await reopen();
    await until(() => bo.services.budget.snapshot().state === 'ready', 'Bo’s budget synced again', 60_000);
    await ana.services.budget.change(whileClosed.storyId, { deskNote: 'now' });
    await until(() => entryOn(bo, whileClosed.storyId)?.plan?.deskNote === 'now', 'a later change on Bo’s desktop');
    expect(assignedEvents(bo)).toEqual([]);
  }, 180_000);

  it('refuses an unknown assignee and a malformed slot or due time with the server’s sentence, and nothing is planned', async () => {
    const before = ana.services.budget.snapshot().entries.length;
    await expect(ana.services.budget.plan(plan({ assigneeId: 'somebody-else' }))).rejects.toThrow('The plan was refused: the assignee is not on the desk news.');
    await expect(ana.services.budget.plan(plan({ slot: 'two o’clock' }))).rejects.toThrow('A slot is a feed and a time, as in “News Feed, 14:00”.');
    await expect(ana.services.budget.plan(plan({ due: '7/12 14:00' }))).rejects.toThrow('A due time is a date and time with its zone');
    // Bo is a photo editor: the server refuses a plan a client sends past its form.
    await expect(bo.services.budget.plan(plan())).rejects.toThrow('Only an editor plans and assigns stories.');
    const reassign = ana.services.budget.change('not-a-planned-story', { assigneeId: boId() });
    await expect(reassign).rejects.toThrow('There is no such planned story on this desk.');
    expect(ana.services.budget.snapshot().entries.length).toBe(before);
  }, 60_000);
});
