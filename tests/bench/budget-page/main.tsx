// The budget benchmark's page: the app's BudgetView, or (the baseline) the same rows as a plain
// React table, fed the same 500 entries through a bridge that answers 'budget:read' from
// window.__benchBudget. Both are timed alike: from the data's delivery to the first frame painted
// with every row in it.
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
}

const data = (window as unknown as { __benchBudget: BenchBudget }).__benchBudget;
const expected = data.snapshot.entries.length;

/** Marks the first frame painted with every row in the page (a frame, then a task after it). */
function watchPaint(selector: string): void {
  const check = (): void => {
    if (document.querySelectorAll(selector).length < expected) {
      requestAnimationFrame(check);
      return;
    }
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        performance.mark('nd:budget:painted');
        performance.measure('nd:budget:first-render', 'nd:budget:data', 'nd:budget:painted');
      };
      channel.port2.postMessage(null);
    });
  };
  requestAnimationFrame(check);
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

createRoot(document.getElementById('root')!).render(
  data.mode === 'app' ? (
    <ToastProvider>
      <BudgetView today={data.today} />
    </ToastProvider>
  ) : (
    <PlainBudget />
  ),
);
