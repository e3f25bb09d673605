import type { NotificationConstructorOptions } from 'electron';
import type { PublishJob } from '../../../shared/model/publishing';

/**
 * An OS notification when a publish job ends: "Published" or "Publishing failed". Clicking it
 * brings the article up. Cancelled jobs were the editor's own doing and stay quiet.
 */

/** Notifications kept for their click; the OS drops older ones from view anyway. */
const MAX_KEPT = 20;

export interface NotificationLike {
  on(event: 'click', listener: () => void): unknown;
  show(): void;
}

export interface NotificationClass {
  new (options: NotificationConstructorOptions): NotificationLike;
  isSupported(): boolean;
}

export interface PublishNotifierDeps {
  Notification: NotificationClass;
  /** Brings the article to the front (its window, or the main window's editor). */
  openArticle: (articleId: string) => void;
  log?: (message: string) => void;
}

/** What the notification says, or null when there is nothing to say. */
export function publishNotificationContent(job: PublishJob, targetName: string | null): { title: string; body: string } | null {
  const headline = job.headline.trim() || 'Untitled';
  const where = targetName ?? 'the site';
  if (job.state === 'done') return { title: job.retract ? 'Retracted' : 'Published', body: `${headline} — ${where}` };
  if (job.state === 'failed') {
    const reason = job.lastError?.trim() || 'The site did not accept it.';
    return { title: 'Publishing failed', body: `${headline} — ${where}: ${reason}` };
  }
  return null;
}

/**
 * Shows the notification for a finished job. Notifications are kept referenced until clicked or
 * replaced, since one collected too early loses its click handler on some platforms.
 */
export function createPublishNotifier(deps: PublishNotifierDeps): (job: PublishJob, targetName: string | null) => void {
  const shown = new Map<string, NotificationLike>();
  return (job, targetName) => {
    const content = publishNotificationContent(job, targetName);
    if (!content || !deps.Notification.isSupported()) return;
    const notification = new deps.Notification({ ...content, silent: job.state === 'done' });
    notification.on('click', () => {
      shown.delete(job.id);
      deps.openArticle(job.articleId);
    });
    shown.set(job.id, notification);
    if (shown.size > MAX_KEPT) shown.delete(shown.keys().next().value!);
    notification.show();
    // Ids only: the headline is article text.
    deps.log?.(`Publish job ${job.id} for article ${job.articleId} ended ${job.state}; notified`);
  };
}
