import type { AssignmentNotice } from '../../../shared/model/desk-budget';
import type { NotificationClass, NotificationLike } from './publish-notifications';

/**
 * The OS notification of a story assigned to the person signed in: "Assigned to you", the working
 * headline, its slot and who assigned it. A click brings the story up. Answers whether the OS
 * showed it, so the budget can say (once) that assignments appear in the app only.
 */
const MAX_KEPT = 20;

export interface AssignmentNotifierDeps {
  Notification: NotificationClass;
  openArticle: (articleId: string) => void;
  log?: (message: string) => void;
}

export type AssignmentToNotify = Omit<AssignmentNotice, 'osNotified' | 'note'>;

export function assignmentNotificationContent(notice: AssignmentToNotify): { title: string; body: string } {
  const headline = notice.headline.trim() || 'Untitled';
  const details = [notice.slot, notice.assignedBy ? `from ${notice.assignedBy}` : ''].filter((part) => part !== '').join(' · ');
  return { title: 'Assigned to you', body: details === '' ? headline : `${headline} — ${details}` };
}

export function createAssignmentNotifier(deps: AssignmentNotifierDeps): (notice: AssignmentToNotify) => boolean {
  // Kept referenced until clicked or replaced: one collected too early loses its click on some platforms.
  const shown = new Map<string, NotificationLike>();
  return (notice) => {
    if (!deps.Notification.isSupported()) return false;
    try {
      const notification = new deps.Notification(assignmentNotificationContent(notice));
      notification.on('click', () => {
        shown.delete(notice.storyId);
        deps.openArticle(notice.storyId);
      });
      shown.set(notice.storyId, notification);
      if (shown.size > MAX_KEPT) shown.delete(shown.keys().next().value!);
      notification.show();
    } catch (error) {
      // A notification service that refuses (no permission, no daemon) leaves the in-app note.
      deps.log?.(`Assignment notification for story ${notice.storyId} failed: ${String(error)}`);
      return false;
    }
    deps.log?.(`Story ${notice.storyId} assigned here; notified`);
    return true;
  };
}
