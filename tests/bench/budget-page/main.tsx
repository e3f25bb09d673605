// The budget benchmark's page: the app's BudgetView, or (the baseline) the same rows as a plain
// React table, fed the same 500 entries through a bridge that answers 'budget:read' from
// window.__benchBudget. Both are timed alike: from the data's delivery to the first frame painted
// with the window full of rows, and to the first frame with every row in the page.
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { slotText, type DeskMember } from '../../../shared/desk/budget';
import { buildBridge } from '../../../shared/ipc/bridge';
import type { BudgetSnapshot } from '../../../shared/model/desk-budget';
import { BudgetView } from '../../../renderer/src/features/desk';
import { ToastProvider } from '../../../renderer/src/ui/components/Toasts';
import '../../../renderer/src/ui/styles/tokens.css';
import '../../../renderer/src/ui/styles/base.css';

interface BenchBudget {
  mode: 'app' | 'plain';
  today: string;
  snapshot: BudgetSnapshot;
  members: DeskMember[];
  /**
   * Opened in a running window: the view mounts once the page has loaded and settled, as when an
   * editor switches to the budget in a window that has been open a while. Otherwise it mounts as
   * the page starts, its first render sharing the main thread with the new page's own start-up.
   */
  inRunningWindow: boolean;
}

const data = (window as unknown as { __benchBudget: BenchBudget }).__benchBudget;
/** The start of the console message that carries the figures (budget-bench.ts reads it). */
const FIGURES_MESSAGE = 'nd:budget:figures ';
const expected = data.snapshot.entries.length;

/** Called in an animation frame: a task after it runs once that frame has been painted. */
function afterThisFrame(then: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = then;
  channel.port2.postMessage(null);
}

/**
 * Marks the first frame painted with the screen full of rows (the last row in the page reaches the
 * bottom of the window, or every row is there): the first render; and the first frame with every
 * row in the page. The plain table renders all rows at once, so both are the same frame there.
 */
function watchPaint(selector: string): void {
  let screenFull = false;
  const check = (): void => {
    const rows = document.querySelectorAll(selector);
    const all = rows.length >= expected;
    if (!screenFull && rows.length > 0 && (all || rows[rows.length - 1]!.getBoundingClientRect().bottom >= window.innerHeight)) {
      screenFull = true;
      afterThisFrame(() => {
        performance.mark('nd:budget:painted');
        performance.measure('nd:budget:first-render', 'nd:budget:data', 'nd:budget:painted');
      });
    }
    if (!all) {
      requestAnimationFrame(check);
      return;
    }
    afterThisFrame(() => {
      performance.mark('nd:budget:all-painted');
      performance.measure('nd:budget:all-rows', 'nd:budget:data', 'nd:budget:all-painted');
      report();
    });
  };
  requestAnimationFrame(check);
}

/**
 * Hands the figures to the bench as a console message once both frames are painted. The bench
 * does not poll the page for them: a Playwright evaluation injects its own script into the page
 * the first time, some 15 ms of the main thread that would land inside the very frame timed.
 */
function report(): void {
  const [first] = performance.getEntriesByName('nd:budget:first-render');
  const [all] = performance.getEntriesByName('nd:budget:all-rows');
  const [painted] = performance.getEntriesByName('nd:budget:painted');
  if (!first || !all || !painted) {
    setTimeout(report, 10);
    return;
  }
  console.info(`${FIGURES_MESSAGE}${JSON.stringify({ first: first.duration, all: all.duration, fromStart: painted.startTime })}`);
}

let delivered = false;
(window as unknown as { newsdesk: unknown }).newsdesk = buildBridge(async (channel) => {
  if (channel === 'budget:read') {
    if (!delivered) {
      delivered = true;
      performance.mark('nd:budget:data');
      watchPaint(data.mode === 'app' ? '[data-testid="budget-row"]' : '.plain-budget-row');
    }
    return { ok: true, value: data.snapshot };
  }
  if (channel === 'budget:members') return { ok: true, value: { members: data.members } };
  return { ok: false, error: { code: 'internal', message: 'Not part of the benchmark.' } };
});

function PlainBudget() {
  const [snapshot, setSnapshot] = useState<BudgetSnapshot | null>(null);
  useEffect(() => {
    const bridge = (window as unknown as { newsdesk: Record<string, (request: object) => Promise<{ ok: boolean; value: BudgetSnapshot }>> }).newsdesk;
    void bridge['budget:read']!({}).then((result) => setSnapshot(result.value));
  }, []);
  return (
    <table>
      <tbody>
        {snapshot?.entries.map((entry) => (
          <tr key={entry.storyId} className="plain-budget-row">
            <td>{slotText(entry.plan?.slot ?? null)}</td>
            <td>{entry.headline}</td>
            <td>{entry.status}</td>
            <td>{entry.plan?.assignee?.name ?? ''}</td>
            <td>{`${entry.words} / ${entry.plan?.lengthTarget ?? 0}`}</td>
            <td>{entry.photo}</td>
            <td>{entry.plan?.due ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const view =
  data.mode === 'app' ? (
    <ToastProvider>
      <BudgetView today={data.today} />
    </ToastProvider>
  ) : (
    <PlainBudget />
  );

/** Resolves once the page has loaded, its fonts are in and a quiet moment has passed. */
async function pageSettled(): Promise<void> {
  if (document.readyState !== 'complete') await new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
  await document.fonts.ready;
  await new Promise((resolve) => setTimeout(resolve, 300));
  await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 }));
}

const root = createRoot(document.getElementById('root')!);
if (data.inRunningWindow) {
  // The window's other screens already showed text: the same fonts are loaded before the view opens.
  root.render(<p style={{ fontWeight: 600 }}>Newsdesk <em>budget</em></p>);
  void pageSettled().then(() => root.render(view));
} else {
  root.render(view);
}
