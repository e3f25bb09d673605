import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMentionNotifier, mentionNotificationContent } from '../../../electron/main/desktop/mention-notifications';
import { watchMentions, type DeskMention } from '../../../electron/main/services/desk/comment-mentions';
import { addReply, addThread, commentAnchorsOf } from '../../../shared/desk/comments';
import { writeLexicalBody } from '../../../shared/desk/lexical-yjs';
import * as fake from '../../fakes/electron';
import { bodyWithMark } from './comment-fixtures';

const DESK = Symbol('desk');
const people = ['Ana Lima', 'Bo Chen'];

/** A story document on Bo's desktop, and a replica on Ana's whose changes arrive with the desk's origin. */
function story(threadId: string) {
  const bos = new Y.Doc();
  writeLexicalBody(bos, bodyWithMark(threadId));
  const anas = new Y.Doc();
  Y.applyUpdate(anas, Y.encodeStateAsUpdate(bos));
  anas.on('update', (update: Uint8Array) => Y.applyUpdate(bos, update, DESK));
  return { bos, anas };
}

describe('mentions told by main', () => {
  it('tells each new comment from the desk mentioning the person once, never their own or one from a window', () => {
    const { bos, anas } = story('thread-m1');
    const told: DeskMention[] = [];
    const watch = watchMentions('Bo Chen', (origin) => origin === DESK, (mention) => told.push(mention));
    watch.follow('article-1', bos);
    watch.follow('article-1', bos); // again: no second observer
    addThread(anas, 'thread-m1', 'the bridge', { author: 'Ana Lima', text: '@Bo Chen check this', people }, commentAnchorsOf(anas));
    addReply(anas, 'thread-m1', { author: 'Ana Lima', text: 'No mention here', people }, commentAnchorsOf(anas));
    // Bo's own window writes (not from the desk), even mentioning Bo: not told.
    addReply(bos, 'thread-m1', { author: 'Ana Lima', text: '@Bo Chen typed on this machine', people }, commentAnchorsOf(bos), 'window');
    expect(told.map((mention) => [mention.articleId, mention.comment.text])).toEqual([['article-1', '@Bo Chen check this']]);
    watch.stop();
    addReply(anas, 'thread-m1', { author: 'Ana Lima', text: '@Bo Chen after stop', people }, commentAnchorsOf(anas));
    expect(told).toHaveLength(1);
  });

  it('does not tell again the mentions a document already held when followed', () => {
    const { bos, anas } = story('thread-m2');
    addThread(anas, 'thread-m2', 'x', { author: 'Ana Lima', text: '@Bo Chen earlier', people }, commentAnchorsOf(anas));
    const told: DeskMention[] = [];
    watchMentions('Bo Chen', (origin) => origin === DESK, (mention) => told.push(mention)).follow('article-2', bos);
    addReply(anas, 'thread-m2', { author: 'Ana Lima', text: '@Bo Chen later', people }, commentAnchorsOf(anas));
    expect(told.map((mention) => mention.comment.text)).toEqual(['@Bo Chen later']);
  });
});

describe('the mention notification', () => {
  beforeEach(() => {
    fake.Notification.supported = true;
    fake.Notification.shown = [];
  });
  const mention = (text: string): DeskMention => ({
    articleId: 'article-9',
    threadId: 'thread-9',
    quote: 'the bridge',
    comment: { id: 'comment-9', author: 'Ana Lima', text, at: '2026-01-01T00:00:00.000Z', mentions: ['Bo Chen'] },
  });

  it('says who mentioned the person and what, and a click brings the story up', () => {
    const opened: string[] = [];
    const logs: string[] = [];
    const notify = createMentionNotifier({ Notification: fake.Notification, openArticle: (id) => opened.push(id), log: (line) => logs.push(line) });
    notify(mention('@Bo Chen   can you\ncheck?'));
    expect(fake.Notification.shown.map((shown) => shown.options)).toEqual([{ title: 'Ana Lima mentioned you', body: 'On “the bridge”: @Bo Chen can you check?' }]);
    fake.Notification.shown[0]!.click();
    expect(opened).toEqual(['article-9']);
    // The log holds ids, never the comment (story text).
    expect(logs.join('\n')).not.toContain('check');
  });

  it('cuts a long comment, and shows nothing where notifications are unsupported', () => {
    expect(mentionNotificationContent(mention('x'.repeat(500))).body).toHaveLength(200);
    fake.Notification.supported = false;
    createMentionNotifier({ Notification: fake.Notification, openArticle: () => undefined })(mention('hi'));
    expect(fake.Notification.shown).toEqual([]);
  });
});
