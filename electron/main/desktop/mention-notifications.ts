import type { DeskMention } from '../services/desk/comment-mentions';
import type { NotificationClass, NotificationLike } from './publish-notifications';

/**
 * An OS notification when someone on the desk mentions this person in a comment: "Bo Photo
 * mentioned you" with the comment. Clicking it brings the story up, where the comments panel
 * shows the thread.
 */

/** Notifications kept for their click; the OS drops older ones from view anyway. */
const MAX_KEPT = 20;
/** A notification shows a line or two; the whole comment is in the panel. */
const MAX_BODY = 200;

export function mentionNotificationContent(mention: DeskMention): { title: string; body: string } {
  const text = mention.comment.text.replace(/\s+/gu, ' ').trim();
  const quote = mention.quote ? `On “${mention.quote}”: ` : '';
  const body = `${quote}${text}`;
  return {
    title: `${mention.comment.author} mentioned you`,
    body: body.length > MAX_BODY ? `${body.slice(0, MAX_BODY - 1)}…` : body,
  };
}

export interface MentionNotifierDeps {
  Notification: NotificationClass;
  openArticle: (articleId: string) => void;
  log?: (message: string) => void;
}

export function createMentionNotifier(deps: MentionNotifierDeps): (mention: DeskMention) => void {
  const shown = new Map<string, NotificationLike>();
  return (mention) => {
    if (!deps.Notification.isSupported()) return;
    const notification = new deps.Notification(mentionNotificationContent(mention));
    notification.on('click', () => {
      shown.delete(mention.comment.id);
      deps.openArticle(mention.articleId);
    });
    shown.set(mention.comment.id, notification);
    if (shown.size > MAX_KEPT) shown.delete(shown.keys().next().value!);
    notification.show();
    // Ids only: the comment is story text.
    deps.log?.(`Comment ${mention.comment.id} on article ${mention.articleId} mentioned the signed-in person; notified`);
  };
}
