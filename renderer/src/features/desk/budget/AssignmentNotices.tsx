import { useEffect } from 'react';
import { onAppEvent } from '../../../api/newsdesk';
import { useNotify } from '../../../ui/components/Toasts';

/**
 * The in-app side of an assignment: a toast in every window, whether or not the OS showed its
 * notification too; where the OS shows none, the first one says why (once per run, from main).
 */
export function AssignmentNotices({ onShowBudget }: { onShowBudget(): void }) {
  const notify = useNotify();
  useEffect(
    () =>
      onAppEvent('desk:assigned', (notice) => {
        const where = notice.slot ? ` (${notice.slot})` : '';
        const by = notice.assignedBy ? ` by ${notice.assignedBy}` : '';
        notify(`Assigned to you${by}: “${notice.headline || 'Untitled'}”${where}.${notice.note ? ` ${notice.note}` : ''}`, {
          action: { label: 'Show budget', run: onShowBudget },
        });
      }),
    [notify, onShowBudget],
  );
  return null;
}
