import { useEffect, useState } from 'react';
import type { BudgetSnapshot } from '../../../../../shared/model/desk-budget';
import { call, onAppEvent } from '../../../api/newsdesk';

// Until main answers, the budget shows its frame (the day, the columns) saying it is loading: not
// "sign in" to someone who is, and the frame is laid out by the time the rows arrive.
const LOADING: BudgetSnapshot = { state: 'loading', deskId: null, me: null, canPlan: false, entries: [] };

/**
 * The desk's budget as main holds it: read when the view mounts, again on every 'desk:budgetChanged'
 * (main sends it when the server changes the budget document) and when the window gains focus.
 * Reads never overlap: changes arriving during one are read once after it.
 */
export function useBudget(): { budget: BudgetSnapshot; error: string | null } {
  const [budget, setBudget] = useState<BudgetSnapshot>(LOADING);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    let reading = false;
    let again = false;
    const read = async (): Promise<void> => {
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      do {
        again = false;
        const result = await call('budget:read', {});
        if (cancelled) return;
        if (result.ok) {
          setBudget(result.value);
          setError(null);
        } else {
          setError(result.error.message);
        }
      } while (again);
      reading = false;
    };
    void read();
    const off = onAppEvent('desk:budgetChanged', () => void read());
    const offStatus = onAppEvent('desk:statusChanged', () => void read());
    const onFocus = (): void => void read();
    window.addEventListener('focus', onFocus);
    return () => {
      cancelled = true;
      off();
      offStatus();
      window.removeEventListener('focus', onFocus);
    };
  }, []);

  return { budget, error };
}
